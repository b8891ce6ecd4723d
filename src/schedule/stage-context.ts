import type { Partition } from './stages.js';

/** What a coefficient formula may depend on, per stage (t is the stage's first step, 1-based). */
export interface StageContext {
  /** Stage index, from 0. */
  k: number;
  /** Number of stages. */
  N: number;
  /** First step of the stage, 1-based. */
  t: number;
  /** Total steps Σ. */
  T: number;
  /** Progress at the stage start, p = t/T ∈ (0, 1] (t counts steps from 1). */
  p: number;
  /** Length of this stage in steps. */
  delta: number;
}

/** The names of StageContext's fields, as expressions read them. */
export const STAGE_VARIABLES = ['k', 'N', 't', 'T', 'p', 'delta'] as const;

/** Where the step cursor stands. Reused from run to run: read it, do not keep it. */
export interface Cursor {
  /** The first step of the current run, 1-based. */
  step: number;
  /** What values are evaluated with: the evaluation stage's variables, or this step's when per step. */
  ctx: StageContext;
  /** Index of the evaluation stage (the partition's stage) containing `step`. */
  stage: number;
  /** Last step of that stage: runs never cross it. */
  stageEnd: number;
  /** True when values are evaluated at every step (no `stages`/`stageLength`, a value reads the step). */
  perStep: boolean;
}

/** A compiled value as the cursor asks it: steps come in ascending order. */
export interface ValueStream {
  /** The value at the cursor's step. */
  at(cursor: Cursor, scope: Map<string, number>): number;
  /** The last step ≥ cursor.step through which the value stays the same (Infinity: to the end). */
  through(cursor: Cursor): number;
}

/**
 * The one step cursor: walks steps 1 … steps in runs over which every stream keeps its value, and
 * calls `visit(cursor, end, first)` once per run (steps cursor.step … end; `first` when the run
 * opens a stage of `partition`, a hard boundary nothing merges across).
 *
 * The variables (docs/config.md) are defined here only. Evaluated per stage: k the stage index, N
 * the stage count, t its first step (from 1), p = t/T, delta its length. Evaluated per step (an
 * implicit partition, `perStep`): every step is its own evaluation stage, k = t − 1, N = T, delta = 1.
 * A constant costs one run however long the schedule: the walk takes as many iterations as there are
 * runs, never one per step.
 */
export function walkRuns(
  partition: Partition,
  steps: number,
  perStep: boolean,
  streams: readonly Pick<ValueStream, 'through'>[],
  visit: (cursor: Cursor, end: number, first: boolean) => void,
): void {
  const ctx: StageContext = { k: 0, N: perStep ? steps : partition.count, t: 1, T: steps, p: 0, delta: 1 };
  const cursor: Cursor = { step: 1, ctx, stage: 0, stageEnd: partition.endStep[0], perStep };
  let s = 0;
  for (let t = 1; t <= steps; ) {
    while (partition.endStep[s] < t) s++;
    const start = partition.startStep[s];
    cursor.step = t;
    cursor.stage = s;
    cursor.stageEnd = partition.endStep[s];
    if (perStep) {
      ctx.k = t - 1;
      ctx.t = t;
      ctx.delta = 1;
    } else {
      ctx.k = s;
      ctx.t = start;
      ctx.delta = cursor.stageEnd - start + 1;
    }
    ctx.p = ctx.t / steps;
    let end = cursor.stageEnd;
    for (const stream of streams) end = Math.min(end, stream.through(cursor));
    visit(cursor, end, t === start);
    t = end + 1;
  }
}

/** Copies the cursor's variables into an expression scope. */
export function setStageVariables(scope: Map<string, number>, ctx: StageContext): void {
  for (const key of STAGE_VARIABLES) scope.set(key, ctx[key]);
}

/**
 * setStageVariables for a cursor walking per step, after a first full copy: only k, t and p change
 * from step to step there (N = T and delta = 1 stay).
 */
export function setStepVariables(scope: Map<string, number>, ctx: StageContext): void {
  scope.set('k', ctx.k);
  scope.set('t', ctx.t);
  scope.set('p', ctx.p);
}
