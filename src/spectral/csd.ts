import type { ComplexArray } from '../math/fft.js';
import { assertFinite } from './finite-input.js';
import { fftFrequencies, rfftFrequencies } from './frequencies.js';
import { columnMedians, medianBias, usesMedian } from './median-average.js';
import { powerScale, segmentLayout } from './segment-layout.js';
import { segmentTransform } from './segment-transform.js';
import { doubleOneSided, unfoldTwoSided } from './spectrum-sides.js';
import type { WelchOptions } from './welch.js';

export interface CsdResult {
  /** Frequencies in units of fs; FFT order when two-sided. */
  frequencies: Float64Array;
  /** Cross spectral density P_xy (units_x·units_y/fs, or units² with scaling 'spectrum'). */
  csd: ComplexArray;
  segments: number;
  warnings: string[];
}

/** x zero-padded to n samples (scipy pads the shorter of x, y). */
function padTo(x: Float64Array, n: number): Float64Array {
  if (x.length === n) return x;
  const out = new Float64Array(n);
  out.set(x);
  return out;
}

/**
 * Cross spectral density by Welch's method, as scipy.signal.csd.
 *
 *     P_xy(f_k) = c · (1/K) Σ_{s<K} conj(X_s[k]) · Y_s[k]
 *
 * with X_s, Y_s the windowed, detrended segment DFTs and c, K, the one-sided doubling and
 * all options exactly as in welchPsd (so csd(x, x) = welchPsd(x) with zero imaginary part).
 *
 * Parameters
 * ----------
 * x, y : real samples; the shorter one is zero-padded to the longer (as scipy does).
 * options : as welchPsd. 'median' takes the medians of the real and imaginary parts
 *   separately, divided by the same bias as for power.
 * A NaN or ±Infinity sample of x or y in any segment throws NonFiniteInputError, as in welchPsd.
 *
 * Returns
 * -------
 * { frequencies, csd: { re, im }, segments, warnings }; empty when x or y is empty.
 *
 * References
 * ----------
 * scipy.signal.csd; J. S. Bendat and A. G. Piersol, "Random Data", 4th ed., Wiley, 2010, §11.5.
 */
export function csd(x: Float64Array, y: Float64Array, options: WelchOptions = {}): CsdResult {
  if (x.length === 0 || y.length === 0) {
    return { frequencies: new Float64Array(0), csd: { re: new Float64Array(0), im: new Float64Array(0) }, segments: 0, warnings: [] };
  }
  const n = Math.max(x.length, y.length);
  const xs = padTo(x, n);
  const ys = padTo(y, n);
  const layout = segmentLayout(n, options);
  const scale = powerScale(layout, options.scaling);
  const { nfft, segments, step } = layout;
  const half = Math.floor(nfft / 2) + 1;
  const xr = new Float64Array(half), xi = new Float64Array(half);
  const yr = new Float64Array(half), yi = new Float64Array(half);
  const transform = segmentTransform(layout);
  const median = usesMedian(options.average, segments);
  let re: Float64Array = new Float64Array(median ? segments * half : half);
  let im: Float64Array = new Float64Array(median ? segments * half : half);
  for (let s = 0; s < segments; s++) {
    transform(xs, s * step, xr, xi);
    transform(ys, s * step, yr, yi);
    if (xr[0] - xr[0] !== 0) assertFinite(xs, 'x');
    if (yr[0] - yr[0] !== 0) assertFinite(ys, 'y');
    const o = median ? s * half : 0;
    for (let k = 0; k < half; k++) {
      re[o + k] += xr[k] * yr[k] + xi[k] * yi[k];
      im[o + k] += xr[k] * yi[k] - xi[k] * yr[k];
    }
  }
  if (median) {
    re = columnMedians(re, segments, half);
    im = columnMedians(im, segments, half);
  }
  const factor = median ? scale / medianBias(segments) : scale / segments;
  for (let k = 0; k < half; k++) {
    re[k] *= factor;
    im[k] *= factor;
  }
  let out: ComplexArray = { re, im };
  if (layout.onesided) {
    doubleOneSided(re, nfft);
    doubleOneSided(im, nfft);
  } else {
    out = unfoldTwoSided(re, nfft, im);
  }
  const frequencies = layout.onesided ? rfftFrequencies(nfft, layout.fs) : fftFrequencies(nfft, layout.fs);
  return { frequencies, csd: out, segments, warnings: layout.warnings };
}
