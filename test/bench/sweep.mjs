// Sweep benchmarks (imported by test/bench/run.js): a 10⁵-point grid over FSGDM's (c, v) plane, on the
// 300-stage official schedule (301 segments), metrics only at the default stages (first, last:
// 2·10⁵ rows of CSV, ~50 MB), through the real CLI, with 1 and 2 threads (--jobs 2: the calling
// thread and one worker). The two run in alternation, round after round, so that both see the same
// load; the speed-up is the median of the per-round ratios. On Linux the CPU time of each run (all its
// threads, from /proc's children times) is printed too: on a loaded machine wall time measures the
// other processes as much as this one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childrenCpuMs } from './children-cpu.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const ARGS = ['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.01:0.1:1000:log', '--grid', 'momentum.v=0.5:2:100', '--format', 'csv', '--no-progress'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


/** One run: wall and CPU time in ms. */
function run(args) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`momentum-fr ${args.join(' ')} failed: ${r.stderr}`);
  const cpu1 = childrenCpuMs();
  return { wall, cpu: cpu0 === undefined ? NaN : cpu1 - cpu0 };
}

export async function bench(rounds = 5) {
  const one = [];
  const two = [];
  run([...ARGS, '--jobs', '1']); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    one.push(run([...ARGS, '--jobs', '1']));
    two.push(run([...ARGS, '--jobs', '2']));
  }
  const speedUp = median(one.map((o, i) => o.wall / two[i].wall));
  const cpu = (xs) => (Number.isNaN(xs[0].cpu) ? '' : `CPU ${median(xs.map((x) => x.cpu)).toFixed(0)} ms`);
  return [
    { name: 'sweep FSGDM 10⁵ points × 301 segments, metrics (first,last) → CSV, --jobs 1', ms: median(one.map((x) => x.wall)), note: cpu(one) },
    { name: 'same sweep, --jobs 2', ms: median(two.map((x) => x.wall)), goal: '≤ 1200 ms', note: `${cpu(two)}; speed-up 1 → 2 threads: ${speedUp.toFixed(2)}× (goal ≥ 1.7×; median of ${rounds} alternating rounds)` },
  ];
}

// Run alone: node test/bench/sweep.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
