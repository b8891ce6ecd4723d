import type { FrequencyResponse } from '../types.js';
import { decibels } from './gain-tolerance.js';
import { powerOfTwoScale } from './power-of-two-scale.js';
import { zerosGroupDelay } from './unit-circle-zeros.js';
import { unwrapInPlace } from './unwrap.js';
import { groupDelayAtZero, type ZeroLimitInput } from './zero-limit.js';

/** A complex response on a grid, with its derivative in ω (for the group delay). */
export interface ComplexResponse {
  re: Float64Array;
  im: Float64Array;
  /** dH/dω, real and imaginary parts. */
  dre: Float64Array;
  dim: Float64Array;
  /** Exact responses: what τ at a zero of H needs (zero-limit.ts). */
  atZeros?: ZeroLimitInput;
}

export function emptyComplexResponse(n: number): ComplexResponse {
  return { re: new Float64Array(n), im: new Float64Array(n), dre: new Float64Array(n), dim: new Float64Array(n) };
}

/**
 * H and dH/dω → the reported arrays: |H|, 20·log10|H| (decibels: 0 within GAIN_RTOL of 1), φ = arg H
 * unwrapped across the grid, and τ = −dφ/dω = −Im(H′/H) steps (analytic, not differenced; groupDelayOf).
 * With `atZeros` (exact responses), τ is the continuous value where H vanishes to rounding
 * (groupDelayAtZero), and comes from the root form of H where H is a polynomial with unit-circle zeros.
 */
export function responseFromComplex(h: ComplexResponse): FrequencyResponse {
  const n = h.re.length;
  const magnitude = new Float64Array(n);
  const magnitudeDb = new Float64Array(n);
  const phase = new Float64Array(n);
  const groupDelay = new Float64Array(n);
  const z = h.atZeros;
  for (let i = 0; i < n; i++) {
    const a = h.re[i];
    const b = h.im[i];
    const mag = Math.hypot(a, b);
    magnitude[i] = mag;
    magnitudeDb[i] = decibels(mag);
    phase[i] = Math.atan2(b, a);
    if (z?.split) groupDelay[i] = zerosGroupDelay(z.split, z.omega[i]);
    else groupDelay[i] = (z && groupDelayAtZero(z, i, mag, h.dre[i], h.dim[i])) ?? groupDelayOf(a, b, h.dre[i], h.dim[i]);
  }
  unwrapInPlace(phase);
  return { magnitude, magnitudeDb, phase, groupDelay };
}

/**
 * τ = −Im(H′/H) = −(Re H·Im H′ − Im H·Re H′)/|H|² steps, with H and H′ first divided by the power of two
 * nearest max(|Re H|, |Im H|): the group delay does not depend on the gain, and squaring a gain of 1e-160
 * (or 1e160) would underflow (overflow); the division is exact, so other gains keep their rounding.
 * NaN where H = 0.
 */
export function groupDelayOf(re: number, im: number, dre: number, dim: number): number {
  const s = powerOfTwoScale(Math.max(Math.abs(re), Math.abs(im)));
  const a = re / s;
  const b = im / s;
  return -(a * (dim / s) - b * (dre / s)) / (a * a + b * b);
}
