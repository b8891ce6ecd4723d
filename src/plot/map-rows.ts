import { linearGrid, logGrid } from '../filter/grid.js';
import type { FrequencyAxis } from './specs/frequency-axis.js';
import type { FrequencyScale } from './plot-options.js';

/** Frequency rows of the response map: the ω each row is evaluated at and the row's edges. */
export interface MapRows {
  /** ω_j (rad/sample) where the row's gain is computed. */
  omega: Float64Array;
  /** Row edges on the plotted axis (already converted to the axis unit). */
  lo: number[];
  hi: number[];
  /** ω_j on the plotted axis. */
  value: number[];
}

/**
 * `n` rows covering [ω_min, π] (log) or [0, π] (linear). Edges sit halfway between grid points —
 * geometric midpoints on a log axis, arithmetic on a linear one — so the cells tile the axis without
 * gaps. Rows the axis cannot show (ω = 0 as a period) are dropped.
 */
export function mapRows(n: number, scale: FrequencyScale, omegaMin: number, axis: FrequencyAxis): MapRows {
  const grid = scale === 'log' ? logGrid(n, omegaMin) : linearGrid(n);
  const mid = (a: number, b: number): number => (scale === 'log' ? Math.sqrt(a * b) : (a + b) / 2);
  const omega: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const value: number[] = [];
  for (let j = 0; j < grid.length; j++) {
    const w = grid[j];
    const a = axis.toValue(j === 0 ? w : mid(grid[j - 1], w));
    const b = axis.toValue(j === grid.length - 1 ? w : mid(w, grid[j + 1]));
    const c = axis.toValue(w);
    if (a === null || b === null || c === null) continue;
    omega.push(w);
    lo.push(a);
    hi.push(b);
    value.push(c);
  }
  return { omega: Float64Array.from(omega), lo, hi, value };
}
