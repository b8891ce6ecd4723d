import type { FrequencyResponse, Schedule } from '../types.js';
import { exactWalker } from './stage-filter.js';

/**
 * Exact responses H(t, ω) at the given steps (ascending or not; each 1 … schedule.steps); rational schedules
 * are stepped (RationalExactWalker), all others use the closed form (ExactResponseWalker). ω in rad/sample.
 *
 *   exactResponseAt(schedule, linearGrid(512), [1, 100, schedule.steps])
 */
export function exactResponseAt(schedule: Schedule, omega: Float64Array, steps: readonly number[]): FrequencyResponse[] {
  const order = steps.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const walker = exactWalker(schedule, omega);
  const out: FrequencyResponse[] = new Array(steps.length);
  for (const [s, i] of order) {
    walker.advanceTo(s);
    out[i] = walker.response();
  }
  return out;
}
