import type { FrequencyResponse } from '../types.js';
import { unwrapInPlace } from './unwrap.js';

/** A complex response on a grid, with its derivative in ω (for the group delay). */
export interface ComplexResponse {
  re: Float64Array;
  im: Float64Array;
  /** dH/dω, real and imaginary parts. */
  dre: Float64Array;
  dim: Float64Array;
}

export function emptyComplexResponse(n: number): ComplexResponse {
  return { re: new Float64Array(n), im: new Float64Array(n), dre: new Float64Array(n), dim: new Float64Array(n) };
}

/**
 * H and dH/dω → the reported arrays: |H|, 20·log10|H|, φ = arg H unwrapped across the grid, and
 * τ = −dφ/dω = −Im(H′/H) = −(Re H·Im H′ − Im H·Re H′)/|H|² steps (analytic, not differenced).
 */
export function responseFromComplex(h: ComplexResponse): FrequencyResponse {
  const n = h.re.length;
  const magnitude = new Float64Array(n);
  const magnitudeDb = new Float64Array(n);
  const phase = new Float64Array(n);
  const groupDelay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = h.re[i];
    const b = h.im[i];
    const mag = Math.hypot(a, b);
    magnitude[i] = mag;
    magnitudeDb[i] = 20 * Math.log10(mag);
    phase[i] = Math.atan2(b, a);
    groupDelay[i] = -(a * h.dim[i] - b * h.dre[i]) / (a * a + b * b);
  }
  unwrapInPlace(phase);
  return { magnitude, magnitudeDb, phase, groupDelay };
}
