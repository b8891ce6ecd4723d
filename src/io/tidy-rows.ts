import type { ScheduleHeader } from '../analysis/analyze.js';
import { METRIC_NAMES } from '../metric-names.js';
import type { AtStepRecord, DisplayRange, FrequencyResponse, StageRecord, UpdateResponse } from '../types.js';

/** Column names of the tidy long format: one row per (schedule, stage, frequency). */
export const RESPONSE_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'omega', 'magnitude', 'magnitudeDb', 'phase', 'groupDelay'] as const;

/** Column names of the metrics-only format: one row per (schedule, stage). */
export const METRICS_COLUMNS = ['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', ...METRIC_NAMES] as const;

export type Cell = string | number | boolean | null;

/**
 * The columns of a layout when some schedule has a learning rate (`lr`): `lr` after `v`,
 * `effectiveLearningRate` after `amplifies`, the update response's `updateMagnitude` and
 * `updateMagnitudeDb` after `groupDelay` (same row: same stage, kind and ω). Without lr, the layout as is.
 * With display stages (`display`: their range keys, displayRangeKeys), displayColumns after `v` and `lr`.
 */
export function columnsWithLr(columns: readonly string[], lr: boolean, display: readonly string[] = []): readonly string[] {
  if (!lr && display.length === 0) return columns;
  const last = lr ? 'lr' : 'v';
  return columns.flatMap((c) => (lr ? (LR_COLUMNS_AFTER[c] ?? [c]) : [c])).flatMap((c) => (c === last ? [c, ...displayColumns(display)] : [c]));
}

/**
 * A display stage's fields (DisplayRange) as columns: `firstStage`, `lastStage` (the real stages it
 * groups) and `<key>Min`, `<key>Max` for each range key (`uMin`, `uMax`, `vMin`, …, `lrMin`, …); none
 * without display stages.
 */
export function displayColumns(keys: readonly string[]): string[] {
  return keys.length === 0 ? [] : ['firstStage', 'lastStage', ...keys.flatMap((k) => [`${k}Min`, `${k}Max`])];
}

/** displayColumns' cells of a record: empty for a real stage, and for a key its schedule has not. */
function displayCells(r: { display?: DisplayRange }, keys: readonly string[]): Cell[] {
  if (keys.length === 0) return [];
  const d = r.display;
  if (d === undefined) return new Array<Cell>(2 + 2 * keys.length).fill(null);
  return [d.firstStage, d.lastStage, ...keys.flatMap((k) => d.range[k] ?? [null, null])];
}

const LR_COLUMNS_AFTER: Record<string, string[]> = {
  v: ['v', 'lr'],
  amplifies: ['amplifies', 'effectiveLearningRate'],
  groupDelay: ['groupDelay', 'updateMagnitude', 'updateMagnitudeDb'],
};

/**
 * The stage-level cells shared by both formats, in column order (`lr` with a learning rate: empty for a
 * schedule without one; then displayColumns' cells with display stages).
 */
export function stageCells(header: ScheduleHeader, r: StageRecord, lr = false, display: readonly string[] = []): Cell[] {
  const cells: Cell[] = [header.name, r.index, r.startStep, r.endStep, r.u, r.v];
  if (lr) cells.push(r.lr ?? null);
  if (display.length > 0) cells.push(...displayCells(r, display));
  return cells;
}

export function metricCells(r: StageRecord, lr = false): Cell[] {
  const cells: Cell[] = METRIC_NAMES.map((k) => r.metrics[k]);
  if (lr) cells.push(r.metrics.effectiveLearningRate ?? null);
  return cells;
}

/** Per-frequency cells (omega … groupDelay, then with lr the frozen update response's two) for frequency index i. */
export function responseCells(header: ScheduleHeader, r: StageRecord, i: number, lr = false): Cell[] {
  const h = r.response!;
  const cells: Cell[] = [header.frequencies[i], h.magnitude[i], h.magnitudeDb[i], h.phase[i], h.groupDelay[i]];
  if (lr) cells.push(...updateCells(r.updateResponse, i));
  return cells;
}

function updateCells(u: UpdateResponse | undefined, i: number): Cell[] {
  return u ? [u.magnitude[i], u.magnitudeDb[i]] : [null, null];
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

/** One response of a record in the long layout: its kind, step, H and (with lr) U = α·H. */
export interface ResponseSet {
  kind: 'frozen' | 'exact';
  step: number;
  response: FrequencyResponse;
  update?: UpdateResponse;
}

/** The response sets of a stage record in exact/both mode, frozen first. */
export function responseSets(r: StageRecord): ResponseSet[] {
  const sets: ResponseSet[] = [];
  if (r.response) sets.push({ kind: 'frozen', step: r.endStep, response: r.response, update: r.updateResponse });
  if (r.responseExact) sets.push({ kind: 'exact', step: r.endStep, response: r.responseExact, update: r.updateResponseExact });
  return sets;
}

/** Long-format rows of exact mode for one response set: stage cells, kind, step, then per-frequency cells. */
export function exactResponseRows(prefix: Cell[], set: ResponseSet, frequencies: Float64Array, lr = false): Cell[][] {
  const { kind, step, response: h, update } = set;
  const rows: Cell[][] = [];
  for (let i = 0; i < frequencies.length; i++) {
    const row: Cell[] = [...prefix, kind, step, frequencies[i], h.magnitude[i], h.magnitudeDb[i], h.phase[i], h.groupDelay[i]];
    if (lr) row.push(...updateCells(update, i));
    rows.push(row);
  }
  return rows;
}

/** Long-format rows of one --at-steps response (startStep … v and the display columns left empty: the step is not a stage; lr is the step's). */
export function atStepRows(header: ScheduleHeader, record: AtStepRecord, lr = false, display: readonly string[] = []): Cell[][] {
  const prefix: Cell[] = [header.name, record.stage, null, null, null, null];
  if (lr) prefix.push(record.lr ?? null);
  prefix.push(...displayCells({}, display));
  return exactResponseRows(prefix, { kind: 'exact', step: record.step, response: record.responseExact, update: record.updateResponseExact }, header.frequencies, lr);
}
