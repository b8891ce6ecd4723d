import type { ScheduleHeader } from '../analysis/analyze.js';
import type { StageMetrics, StageRecord } from '../types.js';

/** Column names of the tidy long format: one row per (schedule, stage, frequency). */
export const RESPONSE_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'omega', 'magnitude', 'magnitudeDb', 'phase', 'groupDelay'] as const;

export const METRIC_NAMES: (keyof StageMetrics)[] = [
  'dcGain', 'dcGainDb', 'nyquistGain', 'nyquistGainDb', 'peakGain', 'peakFrequency', 'cutoffFrequency',
  'unityGainFrequency', 'noiseGain', 'groupDelayDc', 'timeConstant', 'filterType', 'amplifies',
];

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
