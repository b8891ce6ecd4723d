import { COST_NS } from '../schedule/budgets.js';
import type { Schedule } from '../types.js';
import { filterTables } from '../filter/stage-filter.js';
import { sameRecursion } from '../filter/bank-table.js';
import { STEP_BY_STEP_MAX } from '../filter/exact-response.js';
import { impulseFixedNs, impulseTermNs, walkNs, WALK_ALWAYS_NS } from '../filter/exact-step-responses.js';

/** A run of at most STEP_BY_STEP_MAX steps is stepped through: ns per step, branch and frequency. */
const STEP_NS = 30;

/**
 * Estimated seconds of the exact walk of `schedule` from step 0 to `lastStep` at `frequencies` points:
 *
 * - rational schedules are stepped: lastStep × frequencies × (nb + na) coefficient updates;
 * - the others jump over each run of stages with equal recursions in closed form (ExactResponseWalker):
 *   runs × branches × frequencies jumps, or steps for runs of up to STEP_BY_STEP_MAX steps.
 *
 * Reads the stage table once (O(stages × branches)), allocates nothing: a first-order schedule is read
 * as the one-branch bank of its stage table's u and v.
 */
export function exactWalkSeconds(schedule: Schedule, lastStep: number, frequencies: number): number {
  if (lastStep < 1) return 0;
  const { stages } = schedule;
  const { rational, bank } = filterTables(schedule);
  if (rational) return (lastStep * frequencies * (rational.nb + rational.na) * COST_NS.rationalUpdate) / 1e9;
  const recursion = bank ?? { branches: 1, u: stages.u, v: stages.v };
  let ns = 0;
  let runStart = 1;
  for (let k = 0; k < stages.count && stages.startStep[k] <= lastStep; k++) {
    const runEnds = k + 1 >= stages.count || stages.startStep[k + 1] > lastStep || !sameRecursion(recursion, k + 1, k);
    if (!runEnds) continue;
    const length = Math.min(stages.endStep[k], lastStep) - runStart + 1;
    ns += length <= STEP_BY_STEP_MAX ? length * STEP_NS : COST_NS.exactStageFrequency;
    runStart = stages.endStep[k] + 1;
  }
  return (ns * recursion.branches * frequencies) / 1e9;
}

/**
 * Estimated seconds of exact responses at ascending `steps` as ExactStepResponses computes them: per step the
 * cheaper of the walker from the previous step (runs of equal recursions × branches × frequencies) and the
 * truncated impulse response (window × branches, plus the DFTs on a linear grid or window × frequencies
 * of Horner), with the window estimated from the largest |u| (windowEstimate): the engine's own cost model
 * (walkNs, impulseFixedNs, impulseTermNs). Rational schedules are stepped (exactWalkSeconds).
 * O(stages × branches), allocates nothing.
 */
export function exactResponsesSeconds(schedule: Schedule, steps: readonly number[], frequencies: number, onGrid = true): number {
  if (steps.length === 0) return 0;
  const { stages } = schedule;
  const { rational, bank } = filterTables(schedule);
  if (rational) return exactWalkSeconds(schedule, steps[steps.length - 1], frequencies);
  const recursion = bank ?? { branches: 1, u: stages.u, v: stages.v };
  const B = recursion.branches;
  let rho = 0;
  for (let i = 0; i < stages.count * B; i++) rho = Math.max(rho, Math.abs(recursion.u[i]));
  const grid = onGrid && frequencies >= 3;
  const fixed = impulseFixedNs(frequencies, grid);
  const perTerm = impulseTermNs(B, frequencies, grid);
  let ns = 0;
  let k = 0;
  let runs = 1;
  for (const t of steps) {
    while (k + 1 < stages.count && stages.startStep[k + 1] <= t) {
      k++;
      if (!sameRecursion(recursion, k, k - 1)) runs++;
    }
    const walk = walkNs(runs, B, frequencies);
    const impulse = walk <= WALK_ALWAYS_NS ? Infinity : fixed + Math.min(t, windowEstimate(rho)) * perTerm;
    ns += Math.min(walk, impulse);
    if (walk <= impulse) runs = 1;
  }
  return ns / 1e9;
}

/**
 * Terms the impulse response keeps when every |u| ≤ rho: ρ^W ≤ 2⁻⁶⁰ times the bounds' growth (within a
 * few terms of ImpulseResponse's window for momentum 0.8–0.99); Infinity for rho ≥ 1.
 */
export function windowEstimate(rho: number): number {
  if (rho >= 1) return Infinity;
  if (rho === 0) return 1;
  return Math.ceil((60 * Math.LN2 + 3 * Math.log(1 / (1 - rho))) / -Math.log(rho));
}
