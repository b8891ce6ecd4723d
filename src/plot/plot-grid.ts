import { linearGrid, logGrid } from '../filter/grid.js';
import { stagePoleRadius, type StageFilter } from '../filter/stage-filter.js';
import type { PlotOptions } from './plot-options.js';

/**
 * Lowest ω of a log axis that still shows the passband edge of every stage: a low-pass stage with
 * pole u has its −3 dB point near ω ≈ 1 − u, so a decade below 1 − ρ (ρ the largest pole modulus of
 * any stage: |u|, a bank's slowest branch, a rational stage's largest pole) reaches the flat part.
 * Clamped to [1e-6, 1e-2] rad/sample (an all-pass schedule still gets two and a half decades).
 */
export function autoOmegaMin(schedules: readonly StageFilter[]): number {
  let radius = 0;
  for (const s of schedules) for (let i = 0; i < s.stages.count; i++) radius = Math.max(radius, stagePoleRadius(s, i));
  const w = (1 - radius) / 10;
  return Math.min(1e-2, Math.max(1e-6, Number.isFinite(w) ? w : 1e-6));
}

/**
 * The frequency grid (rad/sample) of the curve plots: log-spaced on [ω_min, π] for a log axis
 * (ω = 0 cannot be drawn there), linearGrid(n) on [0, π] for a linear one.
 */
export function plotGrid(
  schedules: readonly StageFilter[],
  options: Pick<PlotOptions, 'frequencyScale' | 'omegaMin'>,
  n: number,
): Float64Array {
  if (options.frequencyScale === 'linear') return linearGrid(n);
  return logGrid(n, options.omegaMin ?? autoOmegaMin(schedules));
}
