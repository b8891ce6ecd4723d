import type { FrequencyResponse, Schedule, Stage } from '../types.js';
import { matchFilter, stageAt, stageResponse } from '../filter/stage-filter.js';
import { PRESETS } from '../schedule/presets/index.js';

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
  /** The stage filter's transfer function, as titles state it (filterFormula); none when not known. */
  formula?: string;
  /** Set when fewer curves are drawn than asked because only this many stages differ (curveStages). */
  distinct?: number;
}


const SUBSCRIPTS: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', i: 'ᵢ', k: 'ₖ', t: 'ₜ' };

/**
 * The transfer function H_k(z) of a schedule's stage filters, in Unicode subscripts: the preset's own
 * H(z) when its formula gives one (nesterov: 1 + μ(1 − τ)/(1 − μz⁻¹), its parameters those of each
 * stage), else the form of the filter's kind: v/(1 − u·z⁻¹) for first-order momentum, c₀ + Σ cᵢvᵢ/(1 − uᵢz⁻¹)
 * for a filter bank, B/A for a rational filter.
 */
export function filterFormula(schedule: Schedule): string {
  const own = /(?:^|; )(H(?:_t)?\(z\) = .*)$/.exec(PRESETS.get(schedule.source)?.formula ?? '')?.[1];
  if (own !== undefined) return own.replace(/_([012ikt])/g, (_m, c: string) => SUBSCRIPTS[c]).replace(/^H\(z\)/, 'Hₖ(z)');
  return matchFilter(schedule, {
    firstOrder: () => 'Hₖ(z) = vₖ/(1 − uₖ·z⁻¹)',
    bank: () => 'Hₖ(z) = c₀ + Σᵢ cᵢ·vᵢ/(1 − uᵢ·z⁻¹), each branch i with the stage\'s coefficients',
    rational: () => 'Hₖ(z) = (b₀ + b₁·z⁻¹ + …)/(1 + a₁·z⁻¹ + …), the stage\'s coefficients',
  });
}

/** Frozen responses of the chosen stages of a schedule on the grid `omega` (rad/sample), any filter kind. */
export function responseRecords(schedule: Schedule, indices: readonly number[], omega: Float64Array): ResponseRecords {
  return {
    name: schedule.name,
    steps: schedule.steps,
    frequencies: omega,
    formula: filterFormula(schedule),
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
