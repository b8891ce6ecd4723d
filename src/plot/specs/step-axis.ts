import type { StepSpacing } from '../step-bins.js';
import { STEP_LABELS } from './step-labels.js';

/**
 * The training-step axis of the figures over training (response map, coefficients, metrics).
 *
 * Steps count from 1, like PyTorch's scheduler steps and analyze's stages: step s occupies
 * [s, s + 1) on the axis, so a stage (or bin) of steps a…b spans [a, b + 1) — `stepStart(t0)` to
 * `stepStart(t1)` of its elapsed-step ends — and the axis runs from step 1 to Σ + 1. Its first tick
 * reads "1", never "0". Labels are scaled by their own magnitude (STEP_LABELS: 200, 1.4k, 117k, 1M).
 *
 * 'log' spacing (trainingBins: a transient at the start of training): a log axis, whose labelled
 * ticks vega picks (1, 2, 10, 20 …; the others stay blank). 'linear': the ticks vega would draw
 * (d3's 1-2-5 steps for about STEP_LABELS.tickCount ticks), with the one at 0 moved to step 1.
 */
export function stepAxis(steps: number, spacing: StepSpacing = 'linear', title: boolean = true) {
  const log = spacing === 'log';
  const end = Math.max(1, steps) + 1;
  return {
    title: title ? (log ? 'Training step (log scale)' : 'Training step') : null,
    scale: log ? { type: 'log' as const, domain: [1, end], nice: false } : { type: 'linear' as const, domain: [1, end], nice: false, zero: false },
    axis: {
      ...STEP_LABELS,
      // vega leaves the log axis' minor ticks unlabelled: keep them so.
      labelExpr: `datum.label == '' ? '' : ${STEP_LABELS.labelExpr}`,
      ...(log ? {} : { values: linearStepTicks(Math.max(1, steps)) }),
    },
  };
}

/** The axis position where the step after `elapsed` steps starts (step elapsed + 1). */
export function stepStart(elapsed: number): number {
  return elapsed + 1;
}

/**
 * Ticks of a linear step axis over steps 1…`steps`: multiples of d3-array's tick increment for
 * STEP_LABELS.tickCount ticks over [0, steps + 1] (a power of ten times 1, 2 or 5, never below one
 * step) up to the last step, the tick at 0 replaced by step 1. Source: d3-array tickIncrement
 * (error thresholds √50, √10, √2).
 */
export function linearStepTicks(steps: number): number[] {
  const end = steps + 1;
  const raw = end / STEP_LABELS.tickCount;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const increment = Math.max(1, factor * 10 ** power);
  const ticks = [1];
  for (let k = 1; k * increment <= steps; k++) if (k * increment > 1) ticks.push(k * increment);
  return ticks;
}
