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

/**
 * Calls `fn` once per stage of `partition` with that stage's context. The one place where the stage
 * variables are defined (docs/config.md): p = t/T with t the stage's first step, counted from 1. The
 * context object is reused from stage to stage: read it, do not keep it.
 */
export function forEachStage(partition: Partition, steps: number, fn: (ctx: StageContext, i: number) => void): void {
  const ctx: StageContext = { k: 0, N: partition.count, t: 1, T: steps, p: 0, delta: 1 };
  for (let i = 0; i < partition.count; i++) {
    ctx.k = i;
    ctx.t = partition.startStep[i];
    ctx.p = ctx.t / steps;
    ctx.delta = partition.endStep[i] - partition.startStep[i] + 1;
    fn(ctx, i);
  }
}
