import type { FrequencyResponse, Schedule, Stage } from '../types.js';
import { stageAt, stageResponse } from '../filter/stage-filter.js';

/**
 * One stage as the curve plots see it: its coefficients, the frozen response H_k on the record's grid
 * and, when the caller has it, the exact time-variant response at the stage's end (drawn dashed).
 * A StageRecord from `analyze(…, { response: true })` already has this shape.
 */
export interface PlotStageRecord extends Stage {
  response?: FrequencyResponse;
  responseExact?: FrequencyResponse;
}

/** Curves of one schedule: a ScheduleResult (from `analyze`) fits, with or without `responseExact`. */
export interface ResponseRecords {
  name: string;
  steps: number;
  /** ω of every response array, rad/sample. */
  frequencies: Float64Array;
  stages: PlotStageRecord[];
}

/** Frozen responses of the chosen stages of a schedule on the grid `omega` (rad/sample), any filter kind. */
export function responseRecords(schedule: Schedule, indices: readonly number[], omega: Float64Array): ResponseRecords {
  return {
    name: schedule.name,
    steps: schedule.steps,
    frequencies: omega,
    stages: indices.map((k) => {
      const stage = stageAt(schedule, k);
      return { ...stage, response: stageResponse(schedule, k, omega) };
    }),
  };
}

/**
 * Exact (time-variant) responses of some stages of a schedule on a grid, when the caller can compute
 * them; each is drawn over the frozen curve. Return undefined for stages without one.
 */
export type ExactResponses = (schedule: Schedule, stages: readonly number[], omega: Float64Array) => (FrequencyResponse | undefined)[];

/** The records with each stage's exact response attached (`responseExact`), when `exact` is given. */
export function withExact(schedule: Schedule, records: ResponseRecords, exact: ExactResponses | undefined): ResponseRecords {
  if (!exact) return records;
  const responses = exact(
    schedule,
    records.stages.map((s) => s.index),
    records.frequencies,
  );
  return {
    ...records,
    stages: records.stages.map((s, i) => (responses[i] ? { ...s, responseExact: responses[i] } : s)),
  };
}
