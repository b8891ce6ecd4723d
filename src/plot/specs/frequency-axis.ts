import type { FrequencyScale, FrequencyUnit } from '../plot-options.js';

/** How one frequency axis is labelled and scaled, and how ω maps onto it. */
export interface FrequencyAxis {
  /** ω in rad/sample → the plotted value (null where the axis cannot show it, e.g. ω = 0 on log). */
  toValue(omega: number): number | null;
  /** Axis title with its unit. */
  title: string;
  /** Short name for tooltips. */
  shortTitle: string;
  /** The unit alone, for titles of derived quantities (e.g. a cutoff frequency). */
  unit: string;
  /** Vega-Lite scale properties. */
  scale: { type: FrequencyScale; reverse?: boolean; nice?: boolean };
}

const TWO_PI = 2 * Math.PI;

/**
 * The frequency axis for a unit and scale.
 *
 * - `rad`: ω ∈ [0, π] rad/sample, π = Nyquist (the gradient flips sign every step).
 * - `cycles`: f = ω/2π ∈ [0, 0.5] cycles/step.
 * - `period`: 2π/ω ∈ [2, ∞) steps per cycle, reversed so low frequencies stay left (or bottom).
 *
 * Notes: ω = 0 has no place on a log axis or as a period; those points map to null and are dropped.
 */
export function frequencyAxis(unit: FrequencyUnit, scale: FrequencyScale): FrequencyAxis {
  const positive = (x: number): number | null => (scale === 'log' && !(x > 0) ? null : x);
  // nice: false keeps the axis on the grid's own ends (π, ω_min) instead of rounding outward.
  switch (unit) {
    case 'rad':
      return {
        toValue: (w) => positive(w),
        title: 'Frequency ω (rad/sample)',
        shortTitle: 'ω (rad/sample)',
        unit: 'rad/sample',
        scale: { type: scale, nice: false },
      };
    case 'cycles':
      return {
        toValue: (w) => positive(w / TWO_PI),
        title: 'Frequency (cycles/step)',
        shortTitle: 'f (cycles/step)',
        unit: 'cycles/step',
        scale: { type: scale, nice: false },
      };
    case 'period':
      return {
        toValue: (w) => (w > 0 ? TWO_PI / w : null),
        title: 'Period (steps/cycle)',
        shortTitle: 'period (steps)',
        unit: 'period, steps',
        scale: { type: scale, reverse: true, nice: false },
      };
  }
}
