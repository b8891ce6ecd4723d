import type { ComplexArray } from '../math/fft.js';
import { assertFinite } from './finite-input.js';
import { fftFrequencies, rfftFrequencies } from './frequencies.js';
import { columnMedians, medianBias, usesMedian } from './median-average.js';
import { powerScale, segmentLayout, type SegmentLayout } from './segment-layout.js';
import { streamSegments } from './segment-stream.js';
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
  if (x.length === 0 || y.length === 0) return emptyCsd();
  const n = Math.max(x.length, y.length);
  const xs = padTo(x, n);
  const ys = padTo(y, n);
  const layout = segmentLayout(n, options);
  const average = csdAverage(layout, options);
  for (let s = 0; s < layout.segments; s++) average.add(xs, ys, s * layout.step, 0);
  return average.finish();
}

function emptyCsd(): CsdResult {
  return { frequencies: new Float64Array(0), csd: { re: new Float64Array(0), im: new Float64Array(0) }, segments: 0, warnings: [] };
}

/**
 * csd of two signals of `length` samples each that arrive in chunks ([x chunk, y chunk] of one
 * length): the same result, bit for bit, holding one segment of each and the output, not the
 * signals (with average 'median', every segment's cross spectrum until the end). Unlike csd, x
 * and y must have the same length (nothing is padded). Throws RangeError if the chunks do not
 * hold `length` samples.
 */
export function csdChunks(chunks: Iterable<readonly [Float64Array, Float64Array]>, length: number, options: WelchOptions = {}): CsdResult {
  if (length === 0) return emptyCsd();
  const layout = segmentLayout(length, options);
  const average = csdAverage(layout, options);
  streamSegments(chunks, length, layout.nperseg, layout.step, 2, ([xs, ys], start) => average.add(xs, ys, 0, start), 'csdChunks');
  return average.finish();
}

/**
 * The cross-spectral average, one segment at a time: add(x, y, start, offset) takes the segments
 * of x and y at `start`, sample `offset + start` of the signals (for messages); finish() scales,
 * averages and folds the sides.
 */
export function csdAverage(layout: SegmentLayout, options: WelchOptions): { add(x: Float64Array, y: Float64Array, start: number, offset: number): void; finish(): CsdResult } {
  const scale = powerScale(layout, options.scaling);
  const { nfft, segments } = layout;
  const half = Math.floor(nfft / 2) + 1;
  const xr = new Float64Array(half), xi = new Float64Array(half);
  const yr = new Float64Array(half), yi = new Float64Array(half);
  const transform = segmentTransform(layout);
  const median = usesMedian(options.average, segments);
  let re: Float64Array = new Float64Array(median ? segments * half : half);
  let im: Float64Array = new Float64Array(median ? segments * half : half);
  let s = 0;
  return {
    add(x, y, start, offset) {
      transform(x, start, xr, xi);
      transform(y, start, yr, yi);
      if (xr[0] - xr[0] !== 0) assertFinite(x, 'x', offset);
      if (yr[0] - yr[0] !== 0) assertFinite(y, 'y', offset);
      const o = median ? s * half : 0;
      for (let k = 0; k < half; k++) {
        re[o + k] += xr[k] * yr[k] + xi[k] * yi[k];
        im[o + k] += xr[k] * yi[k] - xi[k] * yr[k];
      }
      s++;
    },
    finish() {
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
    },
  };
}
