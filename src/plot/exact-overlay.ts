import { atStepRecords } from '../analysis/exact-records.js';
import type { FrequencyResponse, Schedule } from '../types.js';

/**
 * The exact time-variant response H(t, ω) at the last step of each drawn stage — what the frozen
 * curve H_k(ω) becomes once the memory of earlier stages is accounted for. Passed to plotFigures
 * (`plot --exact`), it is drawn dashed over each frozen curve.
 *
 * Cost: one walk over the schedule up to the last drawn stage (O(runs × branches × frequencies)).
 */
export function exactAtStageEnds(schedule: Schedule, stages: readonly number[], omega: Float64Array): (FrequencyResponse | undefined)[] {
  const steps = stages.map((k) => schedule.stages.endStep[k]);
  const byStep = new Map(atStepRecords(schedule, omega, steps).map((r) => [r.step, r.responseExact]));
  return steps.map((s) => byStep.get(s));
}
