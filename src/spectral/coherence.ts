import { csd, csdAverage, type CsdResult } from './csd.js';
import { segmentLayout, type SpectralOptions } from './segment-layout.js';
import { streamSegments } from './segment-stream.js';
import { welchAverage, welchPsd, type WelchResult } from './welch.js';

/** Options of coherence: as welchPsd, without scaling and sides (they cancel or are fixed). */
export type CoherenceOptions = Omit<SpectralOptions, 'scaling' | 'returnOnesided'>;

export interface CoherenceResult {
  frequencies: Float64Array;
  /** Magnitude-squared coherence in [0, 1], one value per frequency. */
  coherence: Float64Array;
  segments: number;
  warnings: string[];
}

/**
 * Magnitude-squared coherence by Welch's method, as scipy.signal.coherence.
 *
 *     C_xy(f) = |P_xy(f)|² / (P_xx(f) · P_yy(f))
 *
 * with P_xx, P_yy from welchPsd and P_xy from csd, all with the same options (one-sided,
 * mean average). C_xy = 1 where y is a noiseless linear filter of x, e.g. the momentum
 * buffer m against the gradient g inside one constant stage.
 *
 * Parameters
 * ----------
 * x, y : real samples of the same length.
 * options : fs, window, nperseg, noverlap, nfft, detrend, as welchPsd.
 *
 * Notes
 * -----
 * With a single segment the estimate is identically 1 (up to rounding): average over
 * several segments for a meaningful value. Bins where P_xx·P_yy = 0 give NaN (0/0), as scipy.
 * A NaN or ±Infinity sample in x or y throws NonFiniteInputError.
 *
 * References
 * ----------
 * scipy.signal.coherence; Bendat and Piersol, "Random Data", 4th ed., §9.2.3.
 */
export function coherence(x: Float64Array, y: Float64Array, options: CoherenceOptions = {}): CoherenceResult {
  if (x.length !== y.length) throw new RangeError(`coherence needs x and y of equal length (got ${x.length} and ${y.length})`);
  const common = { ...options, scaling: 'density' as const, returnOnesided: true, average: 'mean' as const };
  const pxy = csd(x, y, common); // first: its NonFiniteInputError names x or y
  return coherenceOf(pxy, welchPsd(x, common), welchPsd(y, common));
}

/**
 * coherence of two signals of `length` samples each that arrive in chunks ([x chunk, y chunk]
 * of one length), in one pass: the same result, bit for bit, holding one segment of each.
 */
export function coherenceChunks(chunks: Iterable<readonly [Float64Array, Float64Array]>, length: number, options: CoherenceOptions = {}): CoherenceResult {
  const common = { ...options, scaling: 'density' as const, returnOnesided: true, average: 'mean' as const };
  if (length === 0) return coherence(new Float64Array(0), new Float64Array(0), options);
  const layout = segmentLayout(length, common);
  const pxy = csdAverage(layout, common), pxx = welchAverage(layout, common), pyy = welchAverage(layout, common);
  streamSegments(chunks, length, layout.nperseg, layout.step, 2, ([xs, ys], start) => {
    pxy.add(xs, ys, 0, start);
    pxx.add(xs, 0, start);
    pyy.add(ys, 0, start);
  }, 'coherenceChunks');
  return coherenceOf(pxy.finish(), pxx.finish(), pyy.finish());
}

/** C_xy = |P_xy|² / (P_xx · P_yy), bin by bin. */
function coherenceOf(pxy: CsdResult, pxx: WelchResult, pyy: WelchResult): CoherenceResult {
  const out = new Float64Array(pxx.psd.length);
  for (let k = 0; k < out.length; k++) {
    const re = pxy.csd.re[k], im = pxy.csd.im[k];
    out[k] = (re * re + im * im) / pxx.psd[k] / pyy.psd[k];
  }
  return { frequencies: pxx.frequencies, coherence: out, segments: pxy.segments, warnings: pxy.warnings };
}
