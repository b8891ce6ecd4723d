import { COST_NS } from '../schedule/budgets.js';
import type { Schedule } from '../types.js';

/** Runs at most this long are stepped through (ExactResponseWalker's STEP_BY_STEP_MAX): ~30 ns per step and frequency. */
const STEPPED_RUN = 4;
const STEP_NS = 30;

/**
 * Estimated seconds of the exact walk of `schedule` from step 0 to `lastStep` at `frequencies` points:
 *
 * - rational schedules are stepped: lastStep × frequencies × (nb + na) coefficient updates;
 * - the others jump over each run of stages with equal recursions in closed form (ExactResponseWalker):
 *   runs × branches × frequencies jumps, or steps for runs of up to 4 steps.
 *
 * Reads the stage table once (O(stages × branches)), allocates nothing.
 */
export function exactWalkSeconds(schedule: Schedule, lastStep: number, frequencies: number): number {
  if (lastStep < 1) return 0;
  const { rational, bank, stages } = schedule;
  if (rational) return (lastStep * frequencies * (rational.nb + rational.na) * COST_NS.rationalUpdate) / 1e9;
  const B = bank ? bank.branches : 1;
  const same = (j: number, k: number): boolean => {
    if (!bank) return stages.u[j] === stages.u[k] && stages.v[j] === stages.v[k];
    for (let i = 0; i < B; i++) if (bank.u[j * B + i] !== bank.u[k * B + i] || bank.v[j * B + i] !== bank.v[k * B + i]) return false;
    return true;
  };
  let ns = 0;
  let runStart = 1;
  for (let k = 0; k < stages.count && stages.startStep[k] <= lastStep; k++) {
    const runEnds = k + 1 >= stages.count || stages.startStep[k + 1] > lastStep || !same(k + 1, k);
    if (!runEnds) continue;
    const length = Math.min(stages.endStep[k], lastStep) - runStart + 1;
    ns += length <= STEPPED_RUN ? length * STEP_NS : COST_NS.exactStageFrequency;
    runStart = stages.endStep[k] + 1;
  }
  return (ns * B * frequencies) / 1e9;
}
