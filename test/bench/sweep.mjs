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
import { Worker } from 'node:worker_threads';
import { runWithThreadCpu } from './thread-cpu.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const ARGS = ['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.01:0.1:1000:log', '--grid', 'momentum.v=0.5:2:100', '--format', 'csv', '--no-progress'];
// A short sweep of a schedule evaluated per step (YOLO: 554 700 steps, its lr an expression of the step),
// where a worker would cost more than it saves: --jobs 2 must not be slower than --jobs 1 (sweepWorkerCount).
const YOLO_ARGS = ['sweep', 'configs/yolo-nesterov-warmup.yaml', '--grid', 'momentum.momentum.fp.1=0.9:0.99:10', '--format', 'csv', '--no-progress'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run: wall time, and per thread CPU time (ms), with the two-free-core estimate. */
async function run(args) {
  const r = await runWithThreadCpu(process.execPath, [bin, ...args], { cwd: root });
  if (r.main === undefined) return { wall: r.wall };
  const all = r.main + r.others.reduce((a, b) => a + b, 0);
  return { ...r, all, twoCores: Math.max(r.main, r.others[0] ?? 0, all / 2) };
}

/**
 * CPU time (ms) of one sweep worker thread from its start to its 'ready' message, for the FSGDM job:
 * what src/sweep/sweep-threads.ts's WORKER_START_NS (150 ms) stands for. The process's CPU time
 * while the calling thread only waits: the worker's, with its V8 background threads.
 */
async function workerStartCpu(rounds) {
  const { parseSchedules } = await import(new URL('../../dist/schedule/parse.js', import.meta.url));
  const { resolveAxes } = await import(new URL('../../dist/sweep/sweep-axes.js', import.meta.url));
  const { sweepJob } = await import(new URL('../../dist/sweep/sweep-job.js', import.meta.url));
  const { readFileSync } = await import('node:fs');
  const config = parseSchedules(readFileSync(`${root}configs/fsgdm-cifar100.yaml`, 'utf8')).configs[0];
  const { axes } = resolveAxes(config, [{ path: 'momentum.c', spec: '0.01:0.1:10', origin: '' }]);
  const job = sweepJob(config, axes, { stages: 'first,last', atFreqs: [], format: 'csv', allowUnstable: false, skipInvalid: false });
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const worker = new Worker(bin, { argv: ['--sweep-worker'] });
    await new Promise((resolve) => {
      worker.on('message', (m) => m.kind === 'ready' && resolve());
      worker.postMessage({ kind: 'job', job });
    });
    const d = process.cpuUsage(c0);
    times.push((d.user + d.system) / 1000);
    await worker.terminate();
  }
  return times;
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
  const yoloOne = [];
  const yoloTwo = [];
  for (let i = 0; i < 3; i++) {
    yoloOne.push(await run([...YOLO_ARGS, '--jobs', '1']));
    yoloTwo.push(await run([...YOLO_ARGS, '--jobs', '2']));
  }
  const yoloRatio = median(yoloOne.map((o, i) => yoloTwo[i].wall / o.wall));
  const start = await workerStartCpu(rounds);
  return [
    { name: 'sweep worker start (new Worker → ready, FSGDM job), CPU', ms: median(start), note: `WORKER_START_NS assumes 150 ms; runs ${start.map((t) => t.toFixed(0)).join(', ')} ms` },
    { name: 'sweep YOLO 10 points (554 700 steps per step) → CSV, --jobs 1', ms: median(yoloOne.map((x) => x.wall)), note: yoloOne[0].all === undefined ? '' : `CPU ${median(yoloOne.map((x) => x.all)).toFixed(0)} ms` },
    { name: 'same sweep, --jobs 2', ms: median(yoloTwo.map((x) => x.wall)), goal: 'not slower than --jobs 1 beyond noise', note: `${yoloTwo[0].all === undefined ? '' : `CPU ${median(yoloTwo.map((x) => x.all)).toFixed(0)} ms; `}wall ratio --jobs 2 / --jobs 1: ${yoloRatio.toFixed(2)} (median of 3 alternating rounds)` },
    { name: 'sweep FSGDM 10⁵ points × 301 segments, metrics (first,last) → CSV, --jobs 1', ms: median(one.map((x) => x.wall)), note: `${cpu(one)}load ${load}` },
    { name: 'same sweep, --jobs 2', ms: median(two.map((x) => x.wall)), goal: '≤ 1200 ms', note: `${cpu(two)}speed-up 1 → 2 threads: ${speedUp.toFixed(2)}× (goal ≥ 1.7×; median of ${rounds} alternating rounds)${estimate}` },
  ];
}

// Run alone: node test/bench/sweep.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await bench()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.goal ? ` (goal ${r.goal})` : ''}${r.note ? ` — ${r.note}` : ''}`);
}
