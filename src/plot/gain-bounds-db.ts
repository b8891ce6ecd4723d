import { denominatorPower } from '../filter/frozen-response.js';

/**
 * Lowest and highest frozen gain 20·log10|H| (dB) over every (u, v) in the box
 * [uMin, uMax] × [vMin, vMax], at each ω of the grid (rad/sample).
 *
 *   |H|² = v² / D(u, ω),  D(u, ω) = 1 − 2u·cos ω + u²
 *
 * D is a convex parabola in u with its minimum at u* = cos ω, so over an interval its maximum is at
 * an end and its minimum at u* clamped into the interval. The response map uses these bounds for a
 * bin that merges several stages: they contain the gain of every stage in the bin, and are tight
 * when v is constant in the bin and its stages' u fill [uMin, uMax] (per-step schedules).
 *
 * Notes: a v-interval containing 0 gives −Infinity as the lower bound.
 */
export function gainBoundsDb(
  uMin: number,
  uMax: number,
  vMin: number,
  vMax: number,
  omega: Float64Array,
): { min: Float64Array; max: Float64Array } {
  const n = omega.length;
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  const absVMax = Math.max(Math.abs(vMin), Math.abs(vMax));
  const absVMin = vMin <= 0 && vMax >= 0 ? 0 : Math.min(Math.abs(vMin), Math.abs(vMax));
  const vMaxDb = 20 * Math.log10(absVMax);
  const vMinDb = 20 * Math.log10(absVMin);
  for (let i = 0; i < n; i++) {
    const w = omega[i];
    const uStar = Math.min(uMax, Math.max(uMin, Math.cos(w)));
    const dMin = denominatorPower(uStar, w);
    const dMax = Math.max(denominatorPower(uMin, w), denominatorPower(uMax, w));
    max[i] = vMaxDb - 10 * Math.log10(dMin);
    min[i] = vMinDb - 10 * Math.log10(dMax);
  }
  return { min, max };
}
