import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from '../filter/complex-response.js';
import type { ExactResponseWalker } from '../filter/exact-response.js';
import { maxDeviationDb, SETTLING_TOLERANCE, settlingSteps } from '../filter/exact-transient.js';
import { RationalExactWalker } from '../filter/rational-exact.js';
import { exactStepResponses, exactWalker } from '../filter/stage-filter.js';
import { updateResponse } from '../filter/update-response.js';
import { stageOfStep } from '../schedule/stages.js';
import type { AtStepRecord, FrequencyResponse, Schedule, TransientMetrics } from '../types.js';
import { OptionError } from '../schedule/issues.js';
import { quoted } from '../util/excerpt.js';

/**
 * Which responses analyze reports: the per-stage LTI (frozen) one, the exact time-variant one, or both;
 * `auto` is frozen for real stages and exact for display stages (analysis/display-stages.ts).
 */
export type ResponseMode = 'auto' | 'frozen' | 'exact' | 'both';

/**
 * The exact side of a stage record, stage after stage in ascending order (one forward walk of the
 * recursion): the transient metrics of the stage and, if asked, H(t, ω) at its last step.
 */
export class ExactStageSource {
  private readonly walker: ExactResponseWalker | RationalExactWalker;
  private readonly frozen: ComplexResponse;
  /** The exact response at the stage's end, reused from stage to stage (read before the next stage). */
  private readonly exact: ComplexResponse;

  constructor(private readonly schedule: Schedule, private readonly omega: Float64Array) {
    this.walker = exactWalker(schedule, omega);
    this.frozen = emptyComplexResponse(omega.length);
    this.exact = emptyComplexResponse(omega.length);
  }

  /** Stage k (k not below any stage asked before). */
  stage(k: number, withResponse: boolean): { transient: TransientMetrics; responseExact?: FrequencyResponse } {
    const { stages, firstStepCopy } = this.schedule;
    const start = stages.startStep[k];
    const end = stages.endStep[k];
    const { walker } = this;
    if (walker instanceof RationalExactWalker) return this.rationalStage(walker, k, start, end, withResponse);
    const copyEntry = k === 0 && firstStepCopy;
    walker.advanceTo(copyEntry ? 1 : start - 1);
    walker.frozenComplex(k, this.frozen);
    const settling = settlingSteps(walker.bank, k, this.omega, walker, copyEntry ? 1 : 0, end - start + 1, this.frozen);
    walker.advanceTo(end);
    const exact = walker.output(k, this.exact);
    const transient = { settlingSteps: settling, maxDeviationDb: maxDeviationDb(exact, this.frozen) };
    return withResponse ? { transient, responseExact: responseFromComplex(exact) } : { transient };
  }

  /** A rational stage: stepped, watching the distance to the frozen response at every step of the stage. */
  private rationalStage(walker: RationalExactWalker, k: number, start: number, end: number, withResponse: boolean): { transient: TransientMetrics; responseExact?: FrequencyResponse } {
    walker.frozenComplex(k, this.frozen);
    walker.advanceTo(start - 1);
    const watch = { frozen: this.frozen, tolerance: SETTLING_TOLERANCE, lastOutside: -Infinity };
    walker.advanceTo(end, watch);
    const settling = watch.lastOutside === end ? null : watch.lastOutside === -Infinity ? 0 : watch.lastOutside - (start - 1) + 1;
    const exact = walker.output(k, this.exact);
    const transient = { settlingSteps: settling, maxDeviationDb: maxDeviationDb(exact, this.frozen) };
    return withResponse ? { transient, responseExact: responseFromComplex(exact) } : { transient };
  }
}

/**
 * Exact responses at the listed steps (sorted, duplicates dropped), each with the stage containing it.
 * Throws an OptionError for a step outside 1 … schedule.steps.
 */
export function atStepRecords(schedule: Schedule, omega: Float64Array, steps: readonly number[]): AtStepRecord[] {
  return [...atStepRecordStream(schedule, omega, steps)];
}

/** atStepRecords one at a time, in step order: one forward walk, one record in memory. */
export function* atStepRecordStream(schedule: Schedule, omega: Float64Array, steps: readonly number[]): Generator<AtStepRecord> {
  const sorted = uniqueSteps(steps);
  for (const s of sorted) {
    if (!Number.isInteger(s) || s < 1 || s > schedule.steps) {
      throw new OptionError([{ code: 'invalid_option', path: ['atSteps'], message: `step ${s} is outside the steps of schedule ${quoted(schedule.name)}, 1..${schedule.steps}`, received: s }]);
    }
  }
  const source = exactStepResponses(schedule, omega);
  const h = emptyComplexResponse(omega.length);
  for (const step of sorted) {
    const stage = stageOfStep(schedule.stages, step);
    const responseExact = responseFromComplex(source.at(step, stage, h));
    const lr = schedule.lr?.[stage];
    yield lr === undefined ? { step, stage, responseExact } : { step, stage, lr, responseExact, updateResponseExact: updateResponse(responseExact, lr) };
  }
}

/** The steps of --at-steps as reported: sorted, each once. */
export function uniqueSteps(steps: readonly number[]): number[] {
  return [...new Set(steps)].sort((a, b) => a - b);
}
