import { z } from 'zod';
import { bisectRight } from '../../math/python-float.js';
import { every, torchOnlyKeys } from './scheduler-keys.js';

/**
 * numpy.interp(x, xp, fp) with x the scheduler epoch: YOLOv5/v8's momentum warm-up
 * `np.interp(ni, [0, nw], [warmup_momentum, momentum])` with ni = t − 1 is
 * `{ scheduler: interp, xp: [0, nw], fp: [warmup_momentum, momentum] }`. Absolute values (no `base`).
 */
export const InterpSpec = z.strictObject({
  scheduler: z.literal('interp'),
  xp: z.array(z.number()).min(1).describe('increasing scheduler steps (numpy.interp xp)'),
  fp: z.array(z.number()).min(1).describe('values at xp (numpy.interp fp)'),
  every,
  verbose: torchOnlyKeys.verbose,
});
export type InterpSpec = z.output<typeof InterpSpec>;

/**
 * numpy's arr_interp (numpy/core/src/multiarray/compiled_base.c) for one x: fp[0] left of xp[0],
 * fp[−1] at and right of xp[−1], fp[j] at x = xp[j]; between, slope·(x − xp[j]) + fp[j] with
 * slope = (fp[j+1] − fp[j])/(xp[j+1] − xp[j]), xp[j] ≤ x < xp[j+1]. xp must be strictly increasing.
 */
export function interp(x: number, xp: readonly number[], fp: readonly number[]): number {
  const n = xp.length;
  if (x < xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  // xp[0] ≤ x < xp[n − 1], so the knot at or left of x is in 0…n − 2.
  const lo = bisectRight(xp, x) - 1;
  if (x === xp[lo]) return fp[lo];
  const slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
  const y = slope * (x - xp[lo]) + fp[lo];
  // numpy's fallback when an infinite fp makes one direction NaN.
  if (!Number.isNaN(y)) return y;
  const other = slope * (x - xp[lo + 1]) + fp[lo + 1];
  return Number.isNaN(other) && fp[lo] === fp[lo + 1] ? fp[lo] : other;
}
