// Sweep benchmarks (imported by test/bench/run.js): a 10⁵-point grid over FSGDM's (c, v) plane, on the
// 300-stage official schedule (301 segments), metrics only at the default stages (first, last:
// 2·10⁵ rows of CSV, ~50 MB), through the real CLI, with 1 and 2 worker threads.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const ARGS = ['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.01:0.1:1000:log', '--grid', 'momentum.v=0.5:2:100', '--format', 'csv', '--no-progress'];

/** Median wall time of `runs` runs (after one warm-up), output discarded, in ms. */
function time(args, runs = 3) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`momentum-fr ${args.join(' ')} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  once();
  const t = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return t[Math.floor(runs / 2)];
}

export async function bench() {
  const one = time([...ARGS, '--jobs', '1']);
  const two = time([...ARGS, '--jobs', '2']);
  return [
    { name: 'sweep FSGDM 10⁵ points × 301 segments, metrics (first,last) → CSV, --jobs 1', ms: one },
    { name: 'same sweep, --jobs 2', ms: two, goal: '≤ 3000 ms', note: `speed-up 1 → 2 workers: ${(one / two).toFixed(2)}×` },
  ];
}
