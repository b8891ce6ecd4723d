#!/usr/bin/env node
// Build step, run by bin/bundle.mjs in a child process: runs what users run most (help,
// the default analysis in every format, every plot kind, a sweep, a simulation, a spectrum) through
// the CLI bundle in memory, then writes the V8 code cache of each bundle that run loaded (dist/cli.cjs,
// dist/cli-actions.cjs and dist/vega.cjs; src/util/load-bundle.ts). The output is discarded; only what
// V8 compiled is kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadBundle, writeCodeCaches } = await import('../dist/util/load-bundle.js');

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const out = mkdtempSync(join(tmpdir(), 'momentum-fr-warm-'));
const config = join(root, 'configs/fsgdm-cifar100.yaml');
const trace = join(out, 'trace.csv');
writeFileSync(trace, `g\n${Array.from({ length: 4096 }, (_, i) => Math.sin(0.3 * i) + ((i * 7919) % 13) / 13).join('\n')}\n`);
// Loaded without a cache (bin/bundle.mjs removed the old ones).
const { run } = loadBundle(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)));
try {
  const jobs = [
    ['--help'],
    ['analyze', '--help'],
    ['analyze', config],
    ...['json', 'csv', 'ndjson'].map((format) => ['analyze', config, '--format', format]),
    ['validate', join(root, 'configs/ema-sgdm.yaml'), config, join(root, 'configs/yolo-nesterov-warmup.yaml')],
    ['plot', config, '--out-dir', out],
    ['plot', '--preset', 'ema-sgdm', '--preset', 'standard-sgdm', '--kind', 'compare', '--out-dir', out],
    ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:20', '--stages', 'last'],
    ['simulate', '--preset', 'ema-sgdm', '--steps', '2000'],
    ['spectrum', trace, '--format', 'json'],
    // Last, so that V8 has not flushed their bytecode (it ages out functions a run has not called
    // for a while) when the caches are written: what `--help` and `--version` run, from dist/cli.cjs.
    ...(await startJobs()),
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

/** `--help`, `--version` and `<command> --help` for each command the tool's help lists. */
async function startJobs() {
  let help = '';
  const stdout = discard();
  stdout.write = (s) => ((help += s), true);
  await run(['--help'], { stdout, stderr: discard(), env: { NO_COLOR: '1' }, cwd: root });
  const commands = [...help.slice(help.indexOf('\nCommands:')).matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
  if (commands.length === 0) throw new Error('warm-code-cache: no commands found in --help');
  return [['--help'], ['--version'], ...commands.map((c) => [c, '--help'])];
}
