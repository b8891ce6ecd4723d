// Welch PSD of 10⁷ float64 samples, momentum-fr beside scipy.signal.welch on the same files, each
// timed as a user runs it: a fresh process (start-up, file read, PSD, JSON on stdout), with its
// peak resident memory where /usr/bin/time is present. Imported by test/bench/run.js; the data
// files live in a temp dir that is removed afterwards. MFR_BENCH_LARGE=1 adds the 4 GB .npy row
// (test/bench/large-npy.mjs: minutes, 4 GB of disk).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npyBytes } from '../../dist/io/trace-npy-bytes.js';
import { testSignal } from '../../dist/spectral/signals.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const N = 10_000_000;

const TIME_V = '/usr/bin/time';
const hasTimeV = existsSync(TIME_V);

/** One run of a command: wall ms, CPU ms (user + system) and peak RSS (MB) from /usr/bin/time -v (NaN without it), stdout. */
function runOnce(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = hasTimeV
    ? spawnSync(TIME_V, ['-v', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([0-9.]+)`).exec(r.stderr)?.[1]);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  return { ms, cpuMs: 1000 * (seconds('User') + seconds('System')), rssMb: kb / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/**
 * Median wall time (ms) of `runs` runs after one warm-up, the last run's stdout, and the largest
 * peak resident set size (MB) of the runs (typed arrays live outside the V8 heap, so the process's
 * RSS, from /usr/bin/time -v; NaN without it).
 */
function time(cmd, args, runs) {
  runOnce(cmd, args);
  const rs = Array.from({ length: runs }, () => runOnce(cmd, args));
  return { ms: median(rs.map((r) => r.ms)), stdout: rs[runs - 1].stdout, rssMb: Math.max(...rs.map((r) => r.rssMb)) };
}

/**
 * Two commands timed in alternation (a, b, a, b, … after one warm-up of each, which also brings
 * the input into the page cache), so load that comes and goes falls on both: per command the
 * median and range of wall and CPU time over `runs`, and the median of the per-pair ratios.
 */
function paired(a, b, runs) {
  runOnce(...a);
  runOnce(...b);
  const ra = [], rb = [];
  for (let i = 0; i < runs; i++) {
    ra.push(runOnce(...a));
    rb.push(runOnce(...b));
  }
  const stats = (rs) => ({ ms: median(rs.map((r) => r.ms)), wall: rs.map((r) => r.ms), cpu: rs.map((r) => r.cpuMs), rssMb: Math.max(...rs.map((r) => r.rssMb)), stdout: rs[0].stdout });
  return {
    a: stats(ra), b: stats(rb),
    wallRatio: median(ra.map((r, i) => r.ms / rb[i].ms)),
    cpuRatio: median(ra.map((r, i) => r.cpuMs / rb[i].cpuMs)),
  };
}

const mb = (x) => (Number.isNaN(x) ? '' : `peak RSS ${x.toFixed(0)} MB`);

/** Largest relative difference between two PSD documents' first series. */
function maxRelDiff(a, b) {
  const p = JSON.parse(a).series[0].psd, q = JSON.parse(b).series[0].psd;
  let worst = 0;
  for (let i = 0; i < q.length; i++) worst = Math.max(worst, Math.abs(p[i] - q[i]) / Math.abs(q[i]));
  return worst;
}

const SCIPY = (loader) => `
import json, sys
import numpy as np
import scipy.signal as signal
x = ${loader}
f, p = signal.welch(x)
json.dump({"series": [{"name": "0", "frequencies": f.tolist(), "psd": p.tolist()}]}, sys.stdout)
`;

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bench-spectral-'));
  const rows = [];
  try {
    const x = testSignal({ kind: 'noisy-sine', frequency: 0.3, noiseSigma: 1, seed: 7 }, N);
    const npy = join(dir, 'grad.npy');
    writeFileSync(npy, npyBytes([x]));
    const csv = join(dir, 'grad.csv');
    const fd = openSync(csv, 'w');
    writeSync(fd, 'g\n');
    for (let i = 0; i < N; i += 100_000) writeSync(fd, `${Array.from(x.subarray(i, i + 100_000)).join('\n')}\n`);
    closeSync(fd);

    const hasScipy = spawnSync('python3', ['-c', 'import scipy.signal, numpy'], { stdio: 'ignore' }).status === 0;
    const ours = time(process.execPath, [bin, 'spectrum', npy, '--format', 'json'], 5);
    rows.push({ name: 'spectrum: Welch of 10⁷ float64 from .npy → JSON (nperseg 256; 80 MB of data, read in chunks)', ms: ours.ms, note: mb(ours.rssMb) });
    if (hasScipy) {
      const ref = time('python3', ['-c', SCIPY(`np.load(${JSON.stringify(npy)})`)], 5);
      rows.push({ name: 'same job, python3: np.load + scipy.signal.welch', ms: ref.ms, note: `reference ${mb(ref.rssMb)}` });
      rows.push({ name: 'ratio momentum-fr / scipy (.npy)', ms: NaN, goal: '≤ 0.33', note: `${(ours.ms / ref.ms).toFixed(3)}, peak RSS ${(ours.rssMb / ref.rssMb).toFixed(2)}× (max rel. PSD difference ${maxRelDiff(ours.stdout, ref.stdout).toExponential(1)})` });
    } else rows.push({ name: 'python3 + numpy + scipy not present: .npy reference skipped', ms: NaN });
    const oursCsvArgs = [process.execPath, [bin, 'spectrum', csv, '--format', 'json']];
    if (hasScipy) {
      // Same file, same defaults (hann, nperseg 256, noverlap 128, constant detrend, density, mean).
      const load = loadavg()[0];
      const p = paired(oursCsvArgs, ['python3', ['-c', SCIPY(`np.loadtxt(${JSON.stringify(csv)}, skiprows=1)`)]], 5);
      const cpu = (xs) => (hasTimeV ? `, CPU ${median(xs).toFixed(0)} ms (${spread(xs)})` : '');
      rows.push({ name: 'spectrum: Welch of 10⁷ samples from CSV → JSON (17-digit values)', ms: p.a.ms, note: `wall ${spread(p.a.wall)} ms${cpu(p.a.cpu)}; ${mb(p.a.rssMb)}` });
      rows.push({ name: 'same job, python3: np.loadtxt + scipy.signal.welch', ms: p.b.ms, note: `reference; wall ${spread(p.b.wall)} ms${cpu(p.b.cpu)}; ${mb(p.b.rssMb)}` });
      rows.push({
        name: 'ratio momentum-fr / scipy (CSV; 5 alternating pairs, median of per-pair ratios)', ms: NaN, goal: '≤ 0.3 (aim ≤ 0.2)',
        note: `wall ${p.wallRatio.toFixed(3)}${hasTimeV ? `, CPU ${p.cpuRatio.toFixed(3)}` : ''}; load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)} (max rel. PSD difference ${maxRelDiff(p.a.stdout, p.b.stdout).toExponential(1)})`,
      });
    } else {
      const oursCsv = time(...oursCsvArgs, 3);
      rows.push({ name: 'spectrum: Welch of 10⁷ samples from CSV → JSON (17-digit values)', ms: oursCsv.ms, note: mb(oursCsv.rssMb) });
      rows.push({ name: 'python3 + numpy + scipy not present: CSV reference skipped', ms: NaN });
    }
    if (process.env.MFR_BENCH_LARGE === '1' && hasTimeV) {
      const { largeNpy } = await import('./large-npy.mjs');
      rows.push({ ...(await largeNpy()), goal: 'peak RSS ≤ 400 MB' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) console.log(`${r.name}: ${Number.isNaN(r.ms) ? '' : `${r.ms.toFixed(1)} ms`} ${r.goal ?? ''} ${r.note ?? ''}`);
}
