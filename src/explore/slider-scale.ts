import type { ParameterControl } from './parameter-controls.js';

/** Positions of a parameter slider: 0 … SLIDER_STEPS (an arrow key moves one). */
export const SLIDER_STEPS = 1000;

type Range = Pick<ParameterControl, 'min' | 'max' | 'scale' | 'integer'>;

/**
 * The value at a slider position: linear, or geometric between the ends on a log slider. Integers
 * are rounded; other values keep 4 significant digits, so a slider writes `c: 0.0345`, not
 * `c: 0.034498…`, into the YAML (the number box takes any value).
 */
export function sliderValue(position: number, range: Range): number {
  const t = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  const x = range.scale === 'log' ? range.min * (range.max / range.min) ** t : range.min + t * (range.max - range.min);
  if (range.integer) return Math.round(x);
  return Number(x.toPrecision(4));
}

/** The slider position nearest a value (clamped to the ends). */
export function sliderPosition(value: number, range: Range): number {
  const t = range.scale === 'log' ? Math.log(value / range.min) / Math.log(range.max / range.min) : (value - range.min) / (range.max - range.min);
  return Number.isFinite(t) ? Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS) : 0;
}
