// Per-step runs at any length (issue 13): a 10⁶-step per-step run analysed with the default display stages,
// and its exact response at 5 steps, each beside `analyze FSGDM default → JSON` measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exactStepResponses, exactWalker } from '../../dist/filter/stage-filter.js';
import { linearGrid } from '../../dist/filter/grid.js';
import '../../dist/index.js';
import { compileExpression } from '../../dist/schedule/expression.js';
import { stepColumns } from '../../dist/schedule/step-columns.js';
import { balancedPartition } from '../../dist/schedule/stages.js';
import { STAGE_VARIABLES } from '../../dist/schedule/stage-context.js';
import { median } from './exact.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));

/** Median wall time (ms) and stdout bytes of `runs` CLI runs, after one warm-up run. */
function timeCli(args, runs = 5) {
  let bytes = 0;
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`momentum-fr ${args.join(' ')} failed: ${r.stderr}`);
    bytes = r.stdout.length;
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], bytes };
}

/** A first-order schedule with one stage per step, u cycling 0.95 → 0.85 → 0.95 as OneCycleLR's cycle_momentum. */
function perStep(T) {
  const startStep = Float64Array.from({ length: T }, (_, i) => i + 1);
  const u = Float64Array.from({ length: T }, (_, i) => 0.9 + 0.05 * Math.cos((2 * Math.PI * i) / T));
  const v = new Float64Array(T).fill(1);
  return { name: 'per-step', steps: T, source: 'custom', firstStepCopy: true, stages: { count: T, startStep, endStep: startStep.slice(), u, v }, filter: { kind: 'first-order', u, v } };
}

export async function bench() {
  const rows = [];
  const reference = timeCli(['analyze', 'configs/fsgdm-cifar100.yaml', '--format', 'json']);
  rows.push({ name: 'analyze FSGDM default → JSON (reference for the rows below, this run)', ms: reference.ms, goal: '', note: `${(reference.bytes / 1e6).toFixed(1)} MB` });
  // The run: SGD with OneCycleLR (cycle_momentum: the momentum changes every step) over 10⁶ steps;
  // where the build has no schedulers yet, adam-m's 10⁶ per-step stages (no expressions either).
  const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-bench-'));
  const oneCycle = join(dir, 'onecycle-sgd.yaml');
  writeFileSync(oneCycle, 'name: onecycle-sgd\nsteps: 1000000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
  const hasSchedulers = spawnSync(process.execPath, [bin, 'validate', oneCycle], { cwd: root }).status === 0;
  const run = hasSchedulers ? ['analyze', oneCycle] : ['analyze', '--preset', 'adam-m', '--set', 'steps=1000000'];
  const what = hasSchedulers ? 'OneCycleLR SGD with lr and cycle_momentum' : 'adam-m: this build has no schedulers';
  const display = timeCli([...run, '--format', 'json']);
  rows.push({
    name: `10⁶-step per-step run (${what}), default display stages → JSON`,
    ms: display.ms, goal: '≤ 1000 ms',
    note: `${(display.bytes / 1e6).toFixed(1)} MB (goal ≤ 20 MB); × ${(display.ms / reference.ms).toFixed(2)} of the reference`,
  });
  const at = timeCli([...run, '--at-steps', '1,10,1000,500000,1000000', '--format', 'json']);
  rmSync(dir, { recursive: true, force: true });
  rows.push({ name: 'the same run, exact response at 5 steps (--at-steps) → JSON', ms: at.ms, goal: '≤ 500 ms', note: `× ${(at.ms / reference.ms).toFixed(2)} of the reference` });

  // A per-step expression over a real run: the YOLO recipe's lr (a floor and a min of t) at each of its
  // 554 700 steps, evaluated through the compiled arithmetic path rather than mathjs' interpreter.
  const yolo = timeCli(['analyze', 'configs/yolo-nesterov-warmup.yaml', '--format', 'json'], 3);
  rows.push({ name: 'YOLO recipe (554 700 steps, per-step lr expression) → JSON', ms: yolo.ms, goal: '', note: `× ${(yolo.ms / reference.ms).toFixed(2)} of the reference; ${(yolo.bytes / 1e6).toFixed(1)} MB` });

  // The same lr alone, in process: evaluated over blocks of steps (each node a loop over a Float64Array)
  // beside the step walk of the same compiled expression (a closure call per node and step), this run.
  const lrSource = '0.01 * ((1 - floor((t - 1) / 1849) / 300) * (1 - 0.01) + 0.01) * min(t - 1, 5547) / 5547';
  const lr = compileExpression(lrSource, new Set(STAGE_VARIABLES));
  const lrStream = (blocks) => ({ everyStep: true, readsScope: true, blocks, at: (_c, scope) => lr.evaluate(scope), through: (c) => c.step });
  const yoloSteps = 554_700;
  const whole = balancedPartition(yoloSteps, 1);
  const stepWalk = median(() => stepColumns([lrStream(undefined)], whole, yoloSteps), 5);
  const blockWalk = median(() => stepColumns([lrStream(lr.blocks)], whole, yoloSteps), 5);
  rows.push({ name: 'YOLO lr expression at its 554 700 steps, over blocks of steps (in process)', ms: blockWalk, goal: '', note: `step by step: ${stepWalk.toFixed(0)} ms (× ${(stepWalk / blockWalk).toFixed(1)})` });

  // A sweep re-resolves only what its swept path changes (issue 14): over the YOLO recipe's momentum
  // warm-up, its lr expression is evaluated at its 554 700 steps once, not once per point. Beside
  // `analyze` of the same config (one resolve, two stages, no response): a sweep of N points should
  // cost about that plus N × the per-point work (the momentum's run, its stages and their checks).
  const yoloConfig = 'configs/yolo-nesterov-warmup.yaml';
  const oneResolve = timeCli(['analyze', yoloConfig, '--stages', 'first,last', '--no-response', '--format', 'json'], 3);
  rows.push({ name: 'YOLO recipe: analyze --stages first,last --no-response (one resolve; reference for the sweeps below)', ms: oneResolve.ms, goal: '', note: '' });
  const sweepYolo = (points) => timeCli(['sweep', yoloConfig, '--grid', `momentum.momentum.fp.1=0.9:0.99:${points}`], 3);
  const sweep10 = sweepYolo(10);
  rows.push({ name: 'YOLO recipe: sweep --grid momentum.momentum.fp.1=0.9:0.99:10', ms: sweep10.ms, goal: '≤ 1000 ms', note: `× ${(sweep10.ms / oneResolve.ms).toFixed(2)} of its analyze` });
  const sweep100 = sweepYolo(100);
  const perPoint = (sweep100.ms - sweep10.ms) / 90;
  rows.push({ name: 'the same sweep over 100 points', ms: sweep100.ms, goal: '', note: `${perPoint.toFixed(1)} ms a point ((100 − 10 points)/90; each point is resolved twice: checked, then written), × ${(perPoint / oneResolve.ms).toFixed(3)} of its analyze` });

  // The exact engine alone, in process: 5 steps of a per-step momentum cycle (no run to jump over).
  const omega = linearGrid(512);
  const T = 100_000;
  const schedule = perStep(T);
  const steps = [1, 10, 1000, T / 2, T];
  const at5 = (path) => () => {
    const source = exactStepResponses(schedule, omega, path ? { path } : {});
    for (const t of steps) source.at(t, t - 1);
  };
  const dispatched = median(at5(undefined), 5);
  const walked = median(() => {
    const w = exactWalker(schedule, omega);
    w.advanceTo(T);
    w.output(T - 1);
  }, 3);
  rows.push({
    name: 'exact response at 5 steps of a 10⁵-step per-step momentum cycle × 512 freqs (truncated impulse response + DFT)',
    ms: dispatched, goal: '',
    note: `the walk to step 10⁵ alone: ${walked.toFixed(0)} ms (× ${(walked / dispatched).toFixed(0)})`,
  });
  return rows;
}
