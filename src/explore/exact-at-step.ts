import { atStepRecords } from '../analysis/exact-records.js';
import type { PlotFigure } from '../plot/plot-figures.js';
import { plotGrid } from '../plot/plot-grid.js';
import type { PlotOptions } from '../plot/plot-options.js';
import { responseRecords } from '../plot/response-records.js';
import { curveFigure } from '../plot/specs/curve-figure.js';
import type { Schedule } from '../types.js';

/** The exact-vs-frozen view of one schedule at one step: the figure and the largest gap between the two magnitudes. */
export interface ExactAtStep {
  step: number;
  /** The stage holding the step, whose frozen response H_k is drawn beside the exact one. */
  stage: number;
  figure: PlotFigure;
  /** max over the figure's grid of |20·log10|H(t, ω)| − 20·log10|H_k(ω)||, dB (the frozen approximation's error at t). */
  gapDb: number;
}

/**
 * The exact time-variant response H(t, ω) at step `step` (atStepRecords: `analyze --at-steps`'s
 * computation, one walk of the recursion from step 1) beside the frozen response H_k(ω) of the stage
 * holding the step, as the curve plots draw an exact response over its frozen curve (`plot --exact`:
 * frozen solid, exact dashed), on the curve plots' grid. Near a stage's start the exact response
 * still remembers the earlier stages; once their memory has decayed (≈ 1/(1 − u) steps) the two agree.
 *
 * `slug` names the figure (`<slug>-exact`). Throws an OptionError for a step outside 1 … steps.
 */
export function exactAtStep(schedule: Schedule, step: number, options: PlotOptions, slug: string): ExactAtStep {
  const omega = plotGrid([schedule], options, options.frequencies);
  const [at] = atStepRecords(schedule, omega, [step]);
  const records = responseRecords(schedule, [at.stage], omega);
  records.stages[0].responseExact = at.responseExact;
  const frozen = records.stages[0].response!.magnitudeDb;
  let gapDb = 0;
  for (let i = 0; i < omega.length; i++) {
    const d = Math.abs(at.responseExact.magnitudeDb[i] - frozen[i]);
    if (d > gapDb || Number.isNaN(d)) gapDb = d;
  }
  const spec = curveFigure(records, { ...options, interactive: false }, 'gainDb', {
    title: 'Exact vs frozen response',
    subtitle: `|H(t, ω)| at step ${step} (dashed) against the frozen |H_k(ω)| of stage ${at.stage} (solid); largest gap ${gapDb.toPrecision(3)} dB`,
    what: 'Magnitude in dB',
    exact: `exact time-variant response at step ${step}`,
  }, schedule.stages.count);
  return { step, stage: at.stage, figure: { id: `${slug}-exact`, kind: 'magnitude', schedule: schedule.name, slug, spec }, gapDb };
}
