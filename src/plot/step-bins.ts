import type { StageTable } from '../types.js';

/**
 * Consecutive stages merged into at most `maxBins` bins along the step axis, so that plots over
 * training (response map, coefficients, metrics) stay small for per-step schedules of 10⁶ stages.
 *
 * A stage covering steps a…b spans [a − 1, b] in steps elapsed, so widths equal step counts; a bin
 * spans its stages' union, so bins keep their real spans. (Figures draw step s from s to s + 1:
 * stepAxis.)
 */
export interface StepBins {
  count: number;
  /** Steps elapsed at the bin's start and end. */
  t0: Float64Array;
  t1: Float64Array;
  /** First and last stage index in the bin. */
  firstStage: Float64Array;
  lastStage: Float64Array;
  /** Step-weighted means of u and v over the bin (each stage weighs its number of steps). */
  uMean: Float64Array;
  vMean: Float64Array;
  uMin: Float64Array;
  uMax: Float64Array;
  vMin: Float64Array;
  vMax: Float64Array;
  /** True when some bin holds more than one stage. */
  aggregated: boolean;
  /** How the bins cut the step axis: equal intervals, or intervals equal on a log axis of the step. */
  spacing: StepSpacing;
}

/**
 * 'linear': equal step intervals. 'log': equal intervals of log(step), so the first steps get bins of
 * their own (a bias correction's transient over the first tens of steps survives 10⁵ steps of binning).
 */
export type StepSpacing = 'linear' | 'log';

/**
 * Bins of a stage table. With count ≤ maxBins every stage is its own bin (exact). Otherwise the step
 * range is cut into maxBins equal intervals (of the step, or with `spacing` 'log' of log(step)) and
 * each stage joins the interval its first step falls in; empty intervals (inside a long stage)
 * vanish, so there are at most maxBins bins.
 */
export function stepBins(table: StageTable, maxBins: number, spacing: StepSpacing = 'linear'): StepBins {
  const n = table.count;
  const first = n > 0 ? table.startStep[0] : 1;
  const span = n > 0 ? table.endStep[n - 1] - first + 1 : 0;
  const bins = Math.max(1, Math.floor(maxBins));
  const width = span / bins;
  const logWidth = Math.log(span + 1) / bins;
  const binOf =
    n <= maxBins
      ? (i: number) => i
      : spacing === 'log'
        ? (i: number) => Math.floor(Math.log(table.startStep[i] - first + 1) / logWidth)
        : (i: number) => Math.floor((table.startStep[i] - first) / width);

  // First pass: count bins (bin numbers are non-decreasing in i).
  let count = 0;
  for (let i = 0, prev = -1; i < n; i++) {
    const b = binOf(i);
    if (b !== prev) count++;
    prev = b;
  }
  const spans = {
    count,
    t0: new Float64Array(count),
    t1: new Float64Array(count),
    firstStage: new Float64Array(count),
    lastStage: new Float64Array(count),
  };
  for (let i = 0, j = -1, prev = -1; i < n; i++) {
    const b = binOf(i);
    if (b !== prev) {
      j++;
      prev = b;
      spans.t0[j] = table.startStep[i] - 1;
      spans.firstStage[j] = i;
    }
    spans.t1[j] = table.endStep[i];
    spans.lastStage[j] = i;
  }
  const u = binValues(table, spans, table.u);
  const v = binValues(table, spans, table.v);
  return {
    ...spans,
    uMean: u.mean,
    vMean: v.mean,
    uMin: u.min,
    uMax: u.max,
    vMin: v.min,
    vMax: v.max,
    aggregated: count < n,
    spacing: n <= maxBins ? 'linear' : spacing,
  };
}

/**
 * Any per-stage quantity over the same bins: step-weighted mean, min and max of each bin's stages
 * (a bin of one stage gives that stage's value three times).
 */
export function binValues(table: StageTable, bins: Pick<StepBins, 'count' | 'firstStage' | 'lastStage'>, values: ArrayLike<number>): { mean: Float64Array; min: Float64Array; max: Float64Array } {
  const mean = new Float64Array(bins.count);
  const min = new Float64Array(bins.count);
  const max = new Float64Array(bins.count);
  for (let b = 0; b < bins.count; b++) {
    let sum = 0;
    let len = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = bins.firstStage[b]; i <= bins.lastStage[b]; i++) {
      const steps = table.endStep[i] - table.startStep[i] + 1;
      sum += steps * values[i];
      len += steps;
      if (values[i] < lo) lo = values[i];
      if (values[i] > hi) hi = values[i];
    }
    mean[b] = sum / len;
    min[b] = lo;
    max[b] = hi;
  }
  return { mean, min, max };
}
