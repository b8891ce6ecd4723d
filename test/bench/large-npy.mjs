#!/usr/bin/env node
// A trace larger than memory: `spectrum` of a 4 GB .npy (5·10⁸ float64) streams it, so its peak
// resident memory stays far below the file's size. Generates the file in a temp dir (removed
// afterwards), runs the built CLI under /usr/bin/time -v, and prints wall time and peak RSS.
// With --compare, also checks the PSD against the in-memory welchPsd of the same samples (which
// needs 4 GB of memory in this process). Not part of `npm test`; run by hand (minutes):
//   npm run build && node test/bench/large-npy.mjs [--samples N] [--compare]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));

/** A .npy v1.0 header for a 1-D little-endian float64 array of n samples, padded to 64 bytes. */
function npyHeader(n) {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${n},), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  dict = `${dict.padEnd(total - 10 - 1)}\n`;
  const head = Buffer.alloc(10);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  head.writeUInt16LE(dict.length, 8);
  return Buffer.concat([head, Buffer.from(dict, 'latin1')]);
}

/** Writes n samples of a sine at 0.3 cycles/step plus uniform noise (xorshift32), 2^20 at a time. */
function writeTrace(path, n) {
  const fd = openSync(path, 'w');
  writeSync(fd, npyHeader(n));
  const block = new Float64Array(1 << 20);
  let state = 2463534242;
  for (let i = 0; i < n; i += block.length) {
    const m = Math.min(block.length, n - i);
    for (let k = 0; k < m; k++) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      block[k] = Math.sin(2 * Math.PI * 0.3 * (i + k)) + (state >>> 0) / 2 ** 32 - 0.5;
    }
    writeSync(fd, new Uint8Array(block.buffer, 0, m * 8));
  }
  closeSync(fd);
}

/** Runs a command under /usr/bin/time -v: wall ms, peak RSS in MB and stdout. */
function measure(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  return { ms, rssMb: kb / 1024, stdout: r.stdout };
}

export async function largeNpy(samples = 500_000_000, compare = false) {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-large-npy-'));
  try {
    const file = join(dir, 'trace.npy');
    writeTrace(file, samples);
    const run = measure(process.execPath, [bin, 'spectrum', file, '--format', 'json']);
    const row = { name: `spectrum: Welch of a ${(samples * 8 / 1e9).toFixed(1)} GB .npy (${samples} float64) → JSON, streamed`, ms: run.ms, note: `peak RSS ${run.rssMb.toFixed(0)} MB` };
    if (compare) {
      const { welchPsd } = await import('../../dist/spectral/welch.js');
      const x = new Float64Array(samples);
      const fd = openSync(file, 'r');
      const offset = npyHeader(samples).length;
      for (let done = 0; done < samples * 8;) done += readSync(fd, new Uint8Array(x.buffer, done, Math.min(1 << 30, samples * 8 - done)), 0, Math.min(1 << 30, samples * 8 - done), offset + done);
      closeSync(fd);
      const psd = welchPsd(x).psd;
      const got = JSON.parse(run.stdout).series[0].psd;
      const same = got.length === psd.length && got.every((v, k) => v === psd[k]);
      row.note += same ? '; PSD identical to the in-memory welchPsd' : '; PSD DIFFERS from the in-memory welchPsd';
    }
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--samples');
  const samples = at > 0 ? Number(process.argv[at + 1]) : 500_000_000;
  const r = await largeNpy(samples, process.argv.includes('--compare'));
  console.log(`${r.name}: ${r.ms.toFixed(0)} ms, ${r.note}`);
}
