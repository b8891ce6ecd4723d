// Sweep benchmarks (imported by test/bench/run.js): a 10⁵-point grid over FSGDM's (c, v) plane, on the
// 300-stage official schedule (301 segments), metrics only at the default stages (first, last:
// 2·10⁵ rows of CSV, ~50 MB), through the real CLI, with 1 and 2 threads (--jobs 2: the calling
// thread and one worker). The two run in alternation, round after round, so that both see the same
// load; the speed-up is the median of the per-round ratios. On Linux the CPU time of each thread is
// sampled too (thread-cpu.mjs), because on a machine others load, wall time measures them as much as
// this: from it, the speed-up two free cores would give. A run cannot take less wall time than its
// busiest thread's CPU time, nor than half its total CPU time on two cores (V8's compiler and GC
// threads included); the larger of the two is the estimate, for --jobs 1 as for --jobs 2.
import { fileURLToPath } from 'node:url';
import { runWithThreadCpu } from './thread-cpu.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const ARGS = ['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.01:0.1:1000:log', '--grid', 'momentum.v=0.5:2:100', '--format', 'csv', '--no-progress'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run: wall time, and per thread CPU time (ms), with the two-free-core estimate. */
async function run(args) {
  const r = await runWithThreadCpu(process.execPath, [bin, ...args], { cwd: root });
  if (r.main === undefined) return { wall: r.wall };
  const all = r.main + r.others.reduce((a, b) => a + b, 0);
  return { ...r, all, twoCores: Math.max(r.main, r.others[0] ?? 0, all / 2) };
}

export async function bench(rounds = 5) {
  const one = [];
  const two = [];
  await run([...ARGS, '--jobs', '1']); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    one.push(await run([...ARGS, '--jobs', '1']));
    two.push(await run([...ARGS, '--jobs', '2']));
  }
  const speedUp = median(one.map((o, i) => o.wall / two[i].wall));
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  const cpu = (xs) => (xs[0].all === undefined ? '' : `CPU ${median(xs.map((x) => x.all)).toFixed(0)} ms (main thread ${median(xs.map((x) => x.main)).toFixed(0)}, next busiest ${median(xs.map((x) => x.others[0])).toFixed(0)}); `);
  const estimate = two[0].twoCores === undefined ? '' : `; on two free cores (from CPU times) ${median(one.map((o, i) => o.twoCores / two[i].twoCores)).toFixed(2)}×, --jobs 2 ≈ ${median(two.map((x) => x.twoCores)).toFixed(0)} ms`;
  return [
    { name: 'sweep FSGDM 10⁵ points × 301 segments, metrics (first,last) → CSV, --jobs 1', ms: median(one.map((x) => x.wall)), note: `${cpu(one)}load ${load}` },
    { name: 'same sweep, --jobs 2', ms: median(two.map((x) => x.wall)), goal: '≤ 1200 ms', note: `${cpu(two)}speed-up 1 → 2 threads: ${speedUp.toFixed(2)}× (goal ≥ 1.7×; median of ${rounds} alternating rounds)${estimate}` },
  ];
}

// Run alone: node test/bench/sweep.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
