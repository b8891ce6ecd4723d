#!/usr/bin/env node
// Build step, run by bin/bundle.mjs in a child process: runs what users run most (help, the
// default analysis in every format, every plot kind to SVG) through the CLI in memory, then writes
// the V8 code cache of every bundle that run loaded (dist/cli.cjs and dist/vendor/*.cjs;
// src/util/load-bundle.ts). The run's output is discarded; only what V8 compiled for it is kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadBundle, writeCodeCaches } = await import('../dist/util/load-bundle.js');
// The CLI as bin/momentum-fr.js runs it: dist/cli.cjs, which loads the vendored bundles it uses.
const { run } = loadBundle(new URL('../dist/cli.cjs', import.meta.url));

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const out = mkdtempSync(join(tmpdir(), 'momentum-fr-warm-'));
const config = join(root, 'configs/fsgdm-cifar100.yaml');
try {
  const jobs = [
    ['--help'],
    ['analyze', '--help'],
    ['analyze', config],
    ...['json', 'csv', 'ndjson'].map((format) => ['analyze', config, '--format', format]),
    ['validate', join(root, 'configs/ema-sgdm.yaml'), config],
    ['plot', config, '--out-dir', out],
    ['plot', '--preset', 'ema-sgdm', '--preset', 'standard-sgdm', '--kind', 'compare', '--out-dir', out],
  ];
  for (const argv of jobs) {
    const stderr = discard();
    let said = '';
    stderr.write = (s) => ((said += s), true);
    const code = await run(argv, { stdout: discard(), stderr, env: { NO_COLOR: '1' }, cwd: root });
    if (code !== 0) throw new Error(`momentum-fr ${argv.join(' ')} exited ${code}: ${said}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
writeCodeCaches();
