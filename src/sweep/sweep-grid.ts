import type { AxisSpec } from '../schedule/axis-spec.js';
import { axisLength, axisValue } from './axis-value.js';

/** Most points one sweep may have: point numbers stay exact integers far below 2⁵³. */
export const MAX_SWEEP_POINTS = 1e12;

/** Number of points of the Cartesian product of the axes (1 for no axes: the config itself). */
export function gridSize(axes: readonly AxisSpec[]): number {
  let n = 1;
  for (const a of axes) n *= axisLength(a);
  return n;
}

/**
 * The values of point `index` of the Cartesian product, written into `out` (one per axis). The last
 * axis varies fastest, as in nested loops written in the order the axes were given (and
 * itertools.product), so point numbers and output order follow the command line.
 */
export function pointValues(axes: readonly AxisSpec[], index: number, out: Float64Array): Float64Array {
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axisLength(axes[a]);
    const i = rest % n;
    rest = (rest - i) / n;
    out[a] = axisValue(axes[a], i);
  }
  return out;
}
