import type { BlockEvaluator } from './arithmetic-evaluator.js';
import type { CompiledValue } from './schedule-value.js';
import { setStageVariables, setStepVariables, STAGE_VARIABLES, walkRuns } from './stage-context.js';
import type { Partition } from './stages.js';
import { resized } from './resolve-arena.js';

/** Steps per block of an arithmetic expression: its scratch arrays stay in the cache. */
export const STEP_BLOCK = 2048;

/**
 * Values evaluated at every step (no `stages`/`stageLength`) as typed arrays: column j holds
 * streams[j]'s value at step t at index t − 1. A scheduler's own run (`stepValues`) is taken as it
 * is; the other streams are evaluated by one walk of the step cursor over them all, each run of
 * equal values filled in one go. The walk goes in step order, so an expression that fails fails
 * where a step-by-step walk would meet it first.
 *
 * An arithmetic expression of the step (`blocks`) is evaluated first, over blocks of `blockSize`
 * steps (blockStepValues); should any block of any of them throw, every stream is walked step by
 * step instead, which gives the same values and meets the first error where it is.
 *
 * Why: a 10⁶-step run costs a few typed-array passes instead of a cursor stop, closures and a row
 * comparison per step.
 */
export function stepColumns(streams: readonly CompiledValue[], hard: Partition, steps: number, blockSize = STEP_BLOCK): Float64Array[] {
  const columns = streams.map((s) => s.stepValues ?? new Float64Array(steps));
  const rest = streams.map((_, j) => j).filter((j) => !streams[j].stepValues);
  let blocked = rest.filter((j) => streams[j].blocks?.(blockSize));
  try {
    for (const j of blocked) blockStepValues(streams[j].blocks!(blockSize)!, steps, columns[j], blockSize);
  } catch {
    blocked = [];
  }
  walkColumns(rest.filter((j) => !blocked.includes(j)), streams, columns, hard, steps);
  return columns;
}

/**
 * `block`'s values at steps 1 … steps into out[t − 1], `blockSize` steps at a time, with the
 * variables per step as the step cursor sets them (stage-context.ts: k = t − 1, N = T = steps,
 * p = t/steps, delta = 1). Throws where a block does.
 */
export function blockStepValues(block: BlockEvaluator, steps: number, out: Float64Array, blockSize = STEP_BLOCK): void {
  const k = new Float64Array(blockSize);
  const t = new Float64Array(blockSize);
  const p = new Float64Array(blockSize);
  const values: Record<(typeof STAGE_VARIABLES)[number], Float64Array> = { k, N: new Float64Array(blockSize).fill(steps), t, T: new Float64Array(blockSize).fill(steps), p, delta: new Float64Array(blockSize).fill(1) };
  const inputs = new Map(STAGE_VARIABLES.map((name) => [name, values[name]]));
  for (let first = 1; first <= steps; first += blockSize) {
    const n = Math.min(blockSize, steps - first + 1);
    for (let i = 0; i < n; i++) {
      const step = first + i;
      k[i] = step - 1;
      t[i] = step;
      p[i] = step / steps;
    }
    out.set(block(inputs, n).subarray(0, n), first - 1);
  }
}

/** The streams `which` walked step by step by the cursor, their columns filled run by run. */
function walkColumns(which: readonly number[], streams: readonly CompiledValue[], columns: Float64Array[], hard: Partition, steps: number): void {
  const walked = which.map((j) => streams[j]);
  const targets = which.map((j) => columns[j]);
  if (walked.length === 0) return;
  const scope = new Map<string, number>();
  const fill = walked.some((s) => s.readsScope);
  walkRuns(hard, steps, true, walked, (c, end) => {
    if (fill && c.step === 1) setStageVariables(scope, c.ctx);
    else if (fill) setStepVariables(scope, c.ctx);
    for (let j = 0; j < walked.length; j++) targets[j].fill(walked[j].at(c, scope), c.step - 1, end);
  });
}

/**
 * The runs of steps 1 … steps over which every column keeps its value (bitwise: NaN ≡ NaN, −0 ≠ 0)
 * and no stage of `hard` starts (its stages are boundaries nothing merges across).
 */
export function stepRuns(columns: readonly Float64Array[], hard: Partition, steps: number): Partition {
  const width = columns.length;
  // Run starts grow by doubling (a run of every step is the worst case, a few runs the usual one).
  let starts = new Float64Array(Math.min(steps, Math.max(hard.count, 1024)));
  starts[0] = 1;
  let count = 1;
  for (let t = 2, s = 1; t <= steps; t++) {
    let opens = s < hard.count && hard.startStep[s] === t;
    if (opens) s++;
    for (let j = 0; j < width && !opens; j++) opens = !Object.is(columns[j][t - 1], columns[j][t - 2]);
    if (!opens) continue;
    if (count === starts.length) starts = resized(starts, Math.min(steps, 2 * count));
    starts[count++] = t;
  }
  const startStep = count === starts.length ? starts : starts.slice(0, count);
  const endStep = new Float64Array(count);
  for (let r = 0; r + 1 < count; r++) endStep[r] = startStep[r + 1] - 1;
  endStep[count - 1] = steps;
  return { count, startStep, endStep };
}
