import type { ScheduleHeader } from '../analysis/analyze.js';
import { METRIC_NAMES } from '../metric-names.js';
import type { AtStepRecord, FrequencyResponse, StageRecord } from '../types.js';

/** Column names of the tidy long format: one row per (schedule, stage, frequency). */
export const RESPONSE_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'omega', 'magnitude', 'magnitudeDb', 'phase', 'groupDelay'] as const;


/** Column names of the metrics-only format: one row per (schedule, stage). */
export const METRICS_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', ...METRIC_NAMES] as const;

export type Cell = string | number | boolean | null;

/** The stage-level cells shared by both formats, in column order. */
export function stageCells(header: ScheduleHeader, r: StageRecord): Cell[] {
  return [header.name, r.index, r.startStep, r.endStep, r.u, r.v];
}

export function metricCells(r: StageRecord): Cell[] {
  return METRIC_NAMES.map((k) => r.metrics[k]);
}

/** Per-frequency cells (omega … groupDelay) for frequency index i. */
export function responseCells(header: ScheduleHeader, r: StageRecord, i: number): Cell[] {
  const h = r.response!;
  return [header.frequencies[i], h.magnitude[i], h.magnitudeDb[i], h.phase[i], h.groupDelay[i]];
}

/**
 * With --mode exact|both the long format gains `kind` (frozen | exact) and `step` (the step the response
 * belongs to: the stage's last step, or an --at-steps step) before omega; the metrics format gains the
 * transient metrics. Frozen mode keeps the columns above, unchanged.
 */
export const EXACT_RESPONSE_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'kind', 'step', 'omega', 'magnitude', 'magnitudeDb', 'phase', 'groupDelay'] as const;

export const EXACT_METRICS_COLUMNS = [...METRICS_COLUMNS, 'settlingSteps', 'maxDeviationDb'] as const;

export function transientCells(r: StageRecord): Cell[] {
  return [r.transient?.settlingSteps ?? null, r.transient?.maxDeviationDb ?? null];
}

/** The (kind, step, response) sets of a stage record in exact/both mode, frozen first. */
export function responseSets(r: StageRecord): { kind: 'frozen' | 'exact'; step: number; response: FrequencyResponse }[] {
  const sets: { kind: 'frozen' | 'exact'; step: number; response: FrequencyResponse }[] = [];
  if (r.response) sets.push({ kind: 'frozen', step: r.endStep, response: r.response });
  if (r.responseExact) sets.push({ kind: 'exact', step: r.endStep, response: r.responseExact });
  return sets;
}

/** Long-format rows of exact mode for one response: stage cells, kind, step, then per-frequency cells. */
export function exactResponseRows(prefix: Cell[], kind: string, step: number, frequencies: Float64Array, h: FrequencyResponse): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < frequencies.length; i++) {
    rows.push([...prefix, kind, step, frequencies[i], h.magnitude[i], h.magnitudeDb[i], h.phase[i], h.groupDelay[i]]);
  }
  return rows;
}

/** Long-format rows of one --at-steps response (startStep … v left empty: the step is not a stage). */
export function atStepRows(header: ScheduleHeader, record: AtStepRecord): Cell[][] {
  return exactResponseRows([header.name, record.stage, null, null, null, null], 'exact', record.step, header.frequencies, record.responseExact);
}
