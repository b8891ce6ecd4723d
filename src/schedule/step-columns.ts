import type { CompiledValue } from './schedule-value.js';
import { setStageVariables, setStepVariables, walkRuns } from './stage-context.js';
import type { Partition } from './stages.js';

/**
 * Values evaluated at every step (no `stages`/`stageLength`) as typed arrays: column j holds
 * streams[j]'s value at step t at index t − 1. A scheduler's own run (`stepValues`) is taken as it
 * is; the other streams are evaluated by one walk of the step cursor over them all, each run of
 * equal values filled in one go. The walk goes in step order, so an expression that fails fails
 * where a step-by-step walk would meet it first.
 *
 * Why: a 10⁶-step run costs a few typed-array passes instead of a cursor stop, closures and a row
 * comparison per step.
 */
export function stepColumns(streams: readonly CompiledValue[], hard: Partition, steps: number): Float64Array[] {
  const columns = streams.map((s) => s.stepValues ?? new Float64Array(steps));
  const walked = streams.filter((s) => !s.stepValues);
  const targets = columns.filter((_, j) => !streams[j].stepValues);
  if (walked.length === 0) return columns;
  const scope = new Map<string, number>();
  const fill = walked.some((s) => s.readsScope);
  walkRuns(hard, steps, true, walked, (c, end) => {
    if (fill && c.step === 1) setStageVariables(scope, c.ctx);
    else if (fill) setStepVariables(scope, c.ctx);
    for (let j = 0; j < walked.length; j++) targets[j].fill(walked[j].at(c, scope), c.step - 1, end);
  });
  return columns;
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
    if (count === starts.length) {
      const grown = new Float64Array(Math.min(steps, 2 * count));
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = t;
  }
  const startStep = count === starts.length ? starts : starts.slice(0, count);
  const endStep = new Float64Array(count);
  for (let r = 0; r + 1 < count; r++) endStep[r] = startStep[r + 1] - 1;
  endStep[count - 1] = steps;
  return { count, startStep, endStep };
}
