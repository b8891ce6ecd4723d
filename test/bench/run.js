#!/usr/bin/env node
// `npm run bench`: wall-clock figures on this machine (medians of repeated runs, process start-up
// included where a user would pay it). Figures, not pass/fail: goals are printed beside them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const rows = [];

/** Median wall time of `runs` executions of a command, in ms (after one warm-up run). */
function timeCommand(cmd, args, runs = 7, env = process.env) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function row(name, ms, goal = '', note = '') {
  rows.push({ name, ms, goal, note });
  process.stderr.write(`  ${name}: ${ms.toFixed(1)} ms\n`);
}

process.stderr.write('momentum-fr bench (median of 7 runs, wall clock)\n');
// The machine's own floor: a Node.js process that does nothing. Read the other figures against it.
row('node -e 0 (baseline: bare Node.js start-up)', timeCommand(process.execPath, ['-e', '0']), '', 'reference');
row('--help, cold start', timeCommand(process.execPath, [bin, '--help']), '≤ 100 ms');
// Node 20 reads the whole certificate bundle NODE_EXTRA_CA_CERTS names at every start-up, before any
// JavaScript runs (~45 ms on the machines this is measured on). momentum-fr opens no connections;
// the two figures without it show what the tool itself costs.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _certs, ...withoutCerts } = process.env;
  row('  node -e 0 without NODE_EXTRA_CA_CERTS', timeCommand(process.execPath, ['-e', '0'], 7, withoutCerts), '', 'reference');
  row('  --help without NODE_EXTRA_CA_CERTS', timeCommand(process.execPath, [bin, '--help'], 7, withoutCerts), '', 'reference');
}
// Commands run from the CLI's bundles (bin/bundle.mjs; src/util/load-bundle.ts): with the V8 code
// caches the build wrote for this Node.js, else required with Node's compile cache (Node ≥ 22.8).
const HOW = "import { Writable } from 'node:stream'; const { loadCli, bundleLoads } = await import('./dist/util/load-bundle.js'); const sink = new Writable({ write: (_c, _e, done) => done() }); await loadCli().run(['plot', 'configs/ema-sgdm.yaml', '--kind', 'magnitude', '-o', '-', '--format', 'svg'], { stdout: sink, stderr: sink }); const l = bundleLoads(); console.log(l[0].via === 'code-cache' ? l.filter((b) => b.cacheAccepted).length + '/' + l.length + ' V8 code caches taken' : 'required; compile cache ' + (l[0].compileCache ?? 'off'))";
const how = spawnSync(process.execPath, ['--input-type=module', '-e', HOW], { cwd: root, encoding: 'utf8' });
rows.push({ name: `how the CLI's bundles load on Node ${process.versions.node} (dist/cli.cjs, dist/vega.cjs)`, ms: NaN, goal: '', note: how.stdout.trim() || how.stderr.trim() });
row('--version', timeCommand(process.execPath, [bin, '--version']), '≤ 100 ms');
// The library as a program imports it: tsc's ES modules and the packages they import, no bundle.
row("library: import('momentum-fr')", timeCommand(process.execPath, ['--input-type=module', '-e', "await import('momentum-fr')"]));
const analyzeMs = timeCommand(process.execPath, [bin, 'analyze', 'configs/fsgdm-cifar100.yaml', '--format', 'json']);
row('analyze FSGDM default → JSON (301 segments × 512 freqs)', analyzeMs, '≤ 250 ms');
// What the build's V8 code caches buy: the same bundles without them, as a registry install has them
// (package.json's files leave the caches out): a copy of bin/ and dist/ without the *.cache files.
const bare = mkdtempSync(join(tmpdir(), 'momentum-fr-bench-'));
try {
  mkdirSync(join(bare, 'bin'));
  cpSync(bin, join(bare, 'bin/momentum-fr.js'));
  cpSync(join(root, 'bin/package.json'), join(bare, 'bin/package.json'));
  cpSync(join(root, 'package.json'), join(bare, 'package.json'));
  cpSync(join(root, 'dist'), join(bare, 'dist'), { recursive: true, preserveTimestamps: true, filter: (f) => !f.endsWith('.cache') });
  symlinkSync(join(root, 'node_modules'), join(bare, 'node_modules'));
  const bareMs = timeCommand(process.execPath, [join(bare, 'bin/momentum-fr.js'), 'analyze', 'configs/fsgdm-cifar100.yaml', '--format', 'json']);
  row('  the same without the code caches (a registry install)', bareMs, '', `× ${(bareMs / analyzeMs).toFixed(2)} of the above`);
} finally {
  rmSync(bare, { recursive: true, force: true });
}

const python = spawnSync('python3', ['-c', 'import scipy, numpy'], { stdio: 'ignore' });
if (python.status === 0) {
  const scipyMs = timeCommand('python3', ['test/bench/scipy_equivalent.py'], 5);
  row('same job, python3 + scipy (test/bench/scipy_equivalent.py)', scipyMs, '', 'reference');
  rows.push({ name: 'ratio momentum-fr / scipy', ms: NaN, goal: '≤ 0.15', note: (analyzeMs / scipyMs).toFixed(3) });
} else {
  rows.push({ name: 'python3 + scipy not present: ratio skipped', ms: NaN, goal: '', note: '' });
}

// Benchmarks contributed by each part of the tool (start-up, exact response, long runs, plots, sweeps, spectra, the explore page).
for (const part of ['startup', 'exact', 'metrics', 'runs', 'plots', 'plot-vega', 'sweep', 'spectral', 'explore']) {
  const file = fileURLToPath(new URL(`./${part}.mjs`, import.meta.url));
  if (!existsSync(file)) continue;
  const mod = await import(file);
  for (const r of await mod.bench()) row(r.name, r.ms, r.goal ?? '', r.note ?? '');
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  ${'time'.padStart(10)}  ${'goal'.padEnd(10)}  note`);
for (const r of rows) {
  const t = Number.isNaN(r.ms) ? '' : `${r.ms.toFixed(1)} ms`;
  console.log(`${r.name.padEnd(width)}  ${t.padStart(10)}  ${String(r.goal).padEnd(10)}  ${r.note}`);
}
