import { frozenResponse } from '../filter/frozen-response.js';
import { stageMetrics } from '../filter/metrics.js';
import { isFirstOrder, matchFilter, stageMetricsOf, stageResponse } from '../filter/stage-filter.js';
import type { Schedule, StageMetrics } from '../types.js';
import { middleStage, sampleStages } from './bin-stages.js';
import { coefficientColumns } from '../schedule/coefficient-columns.js';
import { coefficientSeries } from './coefficient-series.js';
import { gainBoundsDb } from './gain-bounds-db.js';
import { mapRows, type MapRows } from './map-rows.js';
import { autoOmegaMin } from './plot-grid.js';
import type { PlotOptions, PlotView } from './plot-options.js';
import { learningRateOf } from './update-view.js';
import { frequencyAxis } from './specs/frequency-axis.js';
import { binValues, stepBins, type StepBins, type StepSpacing } from './step-bins.js';

/**
 * The numbers of the figures drawn over training (response map, metrics, coefficients), computed
 * from a schedule once so that the spec builders only lay them out. Every figure uses the same
 * step bins (stepBins: at most `mapBins` columns, stages merged beyond that).
 *
 * A bin of first-order stages is described by its step-weighted mean coefficients (ū, v̄): its gain
 * and metrics are those of the filter v̄/(1 − ū·z⁻¹). A bank or rational filter cannot be averaged, so
 * a bin of those is described by its middle stage (middleStage).
 */

/** The schedule a figure is about, for its titles and descriptions. */
export interface FigureSchedule {
  name: string;
  /** Total steps Σ. */
  steps: number;
  stageCount: number;
  /** (u, v) alone describe each stage, so merged bins use mean coefficients and the first-order closed forms apply. */
  firstOrder: boolean;
  /** Some bin merges several stages. */
  aggregated: boolean;
  /** How the bins cut the step axis; 'log' figures draw the step on a log axis (trainingBins). Absent: linear. */
  stepSpacing?: StepSpacing;
}

/**
 * A change over the first bin this many times larger than over all the rest makes the schedule
 * front-loaded (a bias correction, a short warm-up): trainingBins then bins the steps on a log axis.
 */
const FRONT_LOADED = 10;

/** The start of training whose change trainingBins weighs against the rest: 2 % of the steps (or one bin). */
const FRONT_SHARE = 0.02;

/**
 * The step bins of the figures over training (response map, metrics, coefficients): equal step intervals (stepBins), unless
 * merging stages would hide a transient at the start. When some coefficient changes more within the
 * first bin (or the first 2 % of training, if longer: yolo's warm-up over the first 1 %) than over
 * all later steps together (FRONT_LOADED times), the bins are log-spaced: the first
 * steps keep bins of their own (adam-m's bias correction: DC gain 20 dB at step 1, 0 dB by step 100,
 * over 200 000 steps). Few stages (≤ maxBins) are never merged, so their bins are always exact.
 */
export function trainingBins(schedule: Schedule, maxBins: number): StepBins {
  const { stages } = schedule;
  const n = stages.count;
  if (n <= maxBins) return stepBins(stages, maxBins);
  // The last stage of the first equal-interval bin (stepBins' rule), then one pass per coefficient,
  // no copies: the first bin is stages 0 … split, the rest after it.
  // The start: the first equal-interval bin, or the first FRONT_SHARE of training when that is longer
  // (a warm-up over the first 1 % spans several bins of 400).
  const total = stages.endStep[n - 1] - stages.startStep[0] + 1;
  const width = Math.max(total / Math.max(1, Math.floor(maxBins)), FRONT_SHARE * total);
  let split = 0;
  while (split + 1 < n && stages.startStep[split + 1] - stages.startStep[0] < width) split++;
  const columns = coefficientColumns(schedule);
  const frontLoaded = columns.names.some((_, c) => {
    let lo0 = Infinity, hi0 = -Infinity, lo = Infinity, hi = -Infinity;
    for (let k = 0; k < n; k++) {
      const x = columns.value(k, c);
      if (k <= split) {
        if (x < lo0) lo0 = x;
        if (x > hi0) hi0 = x;
      } else {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    const first = hi0 - lo0;
    // Every stage starting in the window (a warm-up, then one long stage): no change after it.
    return first > 0 && first > FRONT_LOADED * (hi >= lo ? hi - lo : 0);
  });
  return stepBins(stages, maxBins, frontLoaded ? 'log' : 'linear');
}

/** One column of the response map: one stage, or consecutive stages merged. Steps are steps elapsed. */
export interface MapColumn {
  t0: number;
  t1: number;
  firstStage: number;
  lastStage: number;
  /** The coefficients the column's gain is computed from (ū, v̄, or the middle stage's u, v). */
  u: number;
  v: number;
  /** Lowest and highest u of the column's stages. */
  uMin: number;
  uMax: number;
  /** 20·log10|H(ω)| in dB at each row's ω. */
  gainDb: Float64Array;
  /** Merged columns: lowest and highest gain (dB) over the column's stages at each row (first order: exact bounds, gainBoundsDb; else over 9 sampled stages). */
  bounds?: { min: Float64Array; max: Float64Array };
}

export interface ResponseMapRecords extends FigureSchedule {
  /** Frequency rows, already on the plotted axis. */
  rows: MapRows;
  columns: MapColumn[];
  /** 'update': gains are α·|H| (each column's step-weighted mean α; bounds with its lowest and highest α). */
  view?: PlotView;
}

/** Gains of every map column at every frequency row. `bins` is shared with the other figures over training (trainingBins). */
export function responseMapRecords(
  schedule: Schedule,
  options: Pick<PlotOptions, 'mapBins' | 'mapRows' | 'frequencyUnit' | 'frequencyScale' | 'omegaMin'> & { view?: PlotView },
  bins: StepBins = trainingBins(schedule, options.mapBins),
): ResponseMapRecords {
  const table = schedule.stages;
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const rows = mapRows(options.mapRows, options.frequencyScale, options.omegaMin ?? autoOmegaMin([schedule]), axis);
  const firstOrder = isFirstOrder(schedule);
  const columns: MapColumn[] = [];
  for (let b = 0; b < bins.count; b++) {
    const middle = firstOrder ? -1 : middleStage(table, bins, b);
    const column: MapColumn = {
      t0: bins.t0[b],
      t1: bins.t1[b],
      firstStage: bins.firstStage[b],
      lastStage: bins.lastStage[b],
      u: firstOrder ? bins.uMean[b] : table.u[middle],
      v: firstOrder ? bins.vMean[b] : table.v[middle],
      uMin: bins.uMin[b],
      uMax: bins.uMax[b],
      gainDb: firstOrder ? frozenResponse(bins.uMean[b], bins.vMean[b], rows.omega).magnitudeDb : stageResponse(schedule, middle, rows.omega).magnitudeDb,
    };
    if (bins.aggregated) {
      column.bounds = firstOrder
        ? gainBoundsDb(bins.uMin[b], bins.uMax[b], bins.vMin[b], bins.vMax[b], rows.omega)
        : sampledBounds(schedule, sampleStages(bins, b, 9), rows.omega);
    }
    columns.push(column);
  }
  if (options.view === 'update') {
    scaleByLearningRate(columns, binValues(table, bins, learningRateOf(schedule)));
    return { ...figureSchedule(schedule, bins, firstOrder), rows, columns, view: 'update' };
  }
  return { ...figureSchedule(schedule, bins, firstOrder), rows, columns };
}

/** The metrics the metrics figure draws; null where undefined (no −3 dB cutoff, 0 dB of a zero gain). */
export interface DrawnMetrics {
  dcGainDb: number | null;
  cutoffFrequency: number | null;
  noiseGain: number;
  groupDelayDc: number;
}

/** One bin of the metrics figure: its span (steps elapsed), coefficients and frozen-filter metrics. */
export interface MetricsBin {
  t0: number;
  t1: number;
  u: number;
  v: number;
  metrics: StageMetrics;
  /**
   * A merged bin: the lowest and highest of each metric over up to 9 of its stages spread evenly,
   * first and last included (sampleStages), so a change inside the bin still shows as a band.
   */
  spread?: { min: DrawnMetrics; max: DrawnMetrics };
}

/** Stages sampled per merged bin for its metrics' spread. */
const SPREAD_SAMPLES = 9;

/** Lowest and highest of each drawn metric over the given stages (nulls left out; null when all are). */
function metricsSpread(schedule: Schedule, stages: readonly number[]): { min: DrawnMetrics; max: DrawnMetrics } {
  const keys = ['dcGainDb', 'cutoffFrequency', 'noiseGain', 'groupDelayDc'] as const;
  const min: Record<string, number | null> = {};
  const max: Record<string, number | null> = {};
  for (const k of stages) {
    const m = stageMetricsOf(schedule, k);
    for (const key of keys) {
      const x = m[key];
      if (x === null || !Number.isFinite(x)) continue;
      min[key] = min[key] == null ? x : Math.min(min[key], x);
      max[key] = max[key] == null ? x : Math.max(max[key], x);
    }
  }
  const pick = (r: Record<string, number | null>): DrawnMetrics => ({
    dcGainDb: r.dcGainDb ?? null,
    cutoffFrequency: r.cutoffFrequency ?? null,
    noiseGain: r.noiseGain ?? NaN,
    groupDelayDc: r.groupDelayDc ?? NaN,
  });
  return { min: pick(min), max: pick(max) };
}

export interface MetricsRecords extends FigureSchedule {
  bins: MetricsBin[];
  /**
   * With merged bins: the first and the last stage's own coefficients and metrics, where the line
   * through the bins starts and ends (binLineRows), not the first and last bins' means.
   */
  ends?: { first: MetricsEnd; last: MetricsEnd };
}

/** One stage's coefficients and metrics (MetricsRecords.ends). */
export interface MetricsEnd {
  u: number;
  v: number;
  metrics: StageMetrics;
}

/** Metrics of each bin's filter (stageMetrics of (ū, v̄), or stageMetricsOf the middle stage), as analyze reports them. */
export function metricsRecords(schedule: Schedule, options: Pick<PlotOptions, 'mapBins'>, bins: StepBins = trainingBins(schedule, options.mapBins)): MetricsRecords {
  const firstOrder = isFirstOrder(schedule);
  const out: MetricsBin[] = [];
  for (let b = 0; b < bins.count; b++) {
    const middle = firstOrder ? -1 : middleStage(schedule.stages, bins, b);
    out.push({
      t0: bins.t0[b],
      t1: bins.t1[b],
      u: firstOrder ? bins.uMean[b] : schedule.stages.u[middle],
      v: firstOrder ? bins.vMean[b] : schedule.stages.v[middle],
      metrics: firstOrder ? stageMetrics(bins.uMean[b], bins.vMean[b]) : stageMetricsOf(schedule, middle),
      ...(bins.lastStage[b] > bins.firstStage[b] ? { spread: metricsSpread(schedule, sampleStages(bins, b, SPREAD_SAMPLES)) } : {}),
    });
  }
  const end = (k: number): MetricsEnd => ({ u: schedule.stages.u[k], v: schedule.stages.v[k], metrics: stageMetricsOf(schedule, k) });
  const ends = bins.aggregated && schedule.stages.count > 0 ? { ends: { first: end(0), last: end(schedule.stages.count - 1) } } : {};
  return { ...figureSchedule(schedule, bins, firstOrder), bins: out, ...ends };
}

/** One coefficient over the bins: step-weighted mean, min and max of its stages' values (binValues). */
export interface BinnedSeries {
  name: string;
  mean: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** The first stage's and the last stage's own values (a line through merged bins ends there: binLineRows). */
  first?: number;
  last?: number;
}

export interface CoefficientRecords extends FigureSchedule {
  /** The recursion the coefficients enter, in the figure's notation. */
  recursion: string;
  /** Span of each bin, steps elapsed. */
  t0: Float64Array;
  t1: Float64Array;
  series: BinnedSeries[];
  /** The learning rate α, binned, when the schedule has one (drawn on its own log axis). */
  lr?: BinnedSeries;
  /** Per bin: whether it merges several stages (absent: none does). */
  merged?: boolean[];
}

/** Every coefficient of the schedule's filter (coefficientSeries), binned. */
export function coefficientRecords(schedule: Schedule, options: Pick<PlotOptions, 'mapBins'>, bins: StepBins = trainingBins(schedule, options.mapBins)): CoefficientRecords {
  const series = coefficientSeries(schedule).map((s) => ({ name: s.name, ...binValues(schedule.stages, bins, s.values), ...endValues(s.values) }));
  return {
    ...figureSchedule(schedule, bins, isFirstOrder(schedule)),
    recursion: matchFilter(schedule, {
      firstOrder: () => 'mₜ = u·mₜ₋₁ + v·gₜ: u weighs the previous buffer, v the new gradient',
      bank: () => 'dₜ = c₀·gₜ + Σ cᵢ·mᵢ,ₜ with mᵢ,ₜ = uᵢ·mᵢ,ₜ₋₁ + vᵢ·gₜ: one buffer per branch i',
      rational: () => 'yₜ = Σ bₖ·gₜ₋ₖ − Σ aₖ·yₜ₋ₖ (a₀ = 1): numerator b, denominator a',
    }),
    t0: bins.t0.slice(0, bins.count),
    t1: bins.t1.slice(0, bins.count),
    series,
    ...(schedule.lr ? { lr: { name: 'lr', ...binValues(schedule.stages, bins, schedule.lr), ...endValues(schedule.lr) } } : {}),
    ...(bins.aggregated ? { merged: Array.from(bins.firstStage.subarray(0, bins.count), (first, b) => bins.lastStage[b] > first) } : {}),
  };
}

/** A per-stage quantity's first and last stage values (BinnedSeries.first, .last). */
function endValues(values: ArrayLike<number>): { first?: number; last?: number } {
  return values.length > 0 ? { first: values[0], last: values[values.length - 1] } : {};
}

function figureSchedule(schedule: Schedule, bins: StepBins, firstOrder: boolean): FigureSchedule {
  return { name: schedule.name, steps: schedule.steps, stageCount: schedule.stages.count, firstOrder, aggregated: bins.aggregated, stepSpacing: bins.spacing };
}

/** The update view of map columns: + 20·log10 α (the column's mean α; its bounds with the lowest and highest α). */
function scaleByLearningRate(columns: MapColumn[], lr: { mean: Float64Array; min: Float64Array; max: Float64Array }): void {
  columns.forEach((column, b) => {
    const shift = (g: Float64Array, alpha: number) => g.map((x) => (alpha === 0 ? -Infinity : x + 20 * Math.log10(alpha)));
    column.gainDb = shift(column.gainDb, lr.mean[b]);
    if (column.bounds) column.bounds = { min: shift(column.bounds.min, lr.min[b]), max: shift(column.bounds.max, lr.max[b]) };
  });
}

/** Lowest and highest gain (dB) over the given stages at each ω. */
function sampledBounds(schedule: Schedule, stages: readonly number[], omega: Float64Array): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array(omega.length).fill(Infinity);
  const max = new Float64Array(omega.length).fill(-Infinity);
  for (const k of stages) {
    const g = stageResponse(schedule, k, omega).magnitudeDb;
    for (let j = 0; j < omega.length; j++) {
      if (g[j] < min[j]) min[j] = g[j];
      if (g[j] > max[j]) max[j] = g[j];
    }
  }
  return { min, max };
}
