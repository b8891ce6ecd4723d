import { assertFinite } from './finite-input.js';
import { fftFrequencies, rfftFrequencies } from './frequencies.js';
import { columnMedians, medianBias, usesMedian } from './median-average.js';
import { powerScale, segmentLayout, type SegmentLayout, type SpectralOptions } from './segment-layout.js';
import { oneChannel, streamSegments } from './segment-stream.js';
import { segmentTransform } from './segment-transform.js';
import { spectralMemory } from './spectral-budget.js';
import { doubleOneSided, unfoldTwoSided } from './spectrum-sides.js';
import { assertWithinBudget } from '../schedule/budgets.js';

/** Options of welchPsd and csd: the shared spectral options plus how segments are averaged. */
export interface WelchOptions extends SpectralOptions {
  /** 'mean' (default) or 'median' (robust to outlier segments, bias-corrected). */
  average?: 'mean' | 'median';
}

export interface WelchResult {
  /** Frequencies in units of fs (cycles/sample for fs = 1); FFT order when two-sided. */
  frequencies: Float64Array;
  /** Power spectral density (units²/fs) or power spectrum (units²), per `scaling`. */
  psd: Float64Array;
  /** Number of full segments averaged. */
  segments: number;
  /** Non-fatal adjustments, e.g. nperseg shrunk to the signal length. */
  warnings: string[];
}

/**
 * Power spectral density by Welch's method, as scipy.signal.welch.
 *
 *     P(f_k) = c · (1/K) Σ_{s<K} |Σ_i w_i · d_s[i] · e^{−2πj·k·i/nfft}|²
 *
 * where d_s is segment s (nperseg samples starting at s·(nperseg − noverlap)) minus its
 * trend, K the number of full segments, c = 1/(fs·Σw²) ('density') or 1/(Σw)² ('spectrum'),
 * and one-sided bins other than DC and the even-nfft Nyquist bin are doubled.
 *
 * Parameters
 * ----------
 * x : real samples, e.g. one gradient coordinate per optimizer step.
 * options : fs (1), window ('hann', periodic), nperseg (256, capped at x.length with a
 *   warning), noverlap (nperseg//2), nfft (nperseg), detrend ('constant'), returnOnesided
 *   (true), scaling ('density'), average ('mean' | 'median').
 *
 * Returns
 * -------
 * { frequencies, psd, segments, warnings }; empty arrays for an empty x. Throws BudgetError when the
 * FFT (or the median's table) would not fit in BUDGETS.workingSetBytes, before allocating it.
 *
 * Notes
 * -----
 * Only full segments are used (a tail shorter than nperseg is ignored), as scipy does.
 * A NaN or ±Infinity sample in any segment throws NonFiniteInputError, for the mean and the
 * median alike (scipy returns NaN for the mean and finite nonsense for the median: neither is
 * an estimate); the unused tail does not enter the estimate, as in scipy.
 * The median average divides by medianBias(K) and is used only when K > 1.
 * One FFT plan and one scratch buffer serve all segments; nothing is allocated per segment.
 *
 * References
 * ----------
 * P. Welch, "The use of the fast Fourier transform for the estimation of power spectra",
 * IEEE Trans. Audio Electroacoust. 15(2), 1967; scipy.signal.welch.
 */
export function welchPsd(x: Float64Array, options: WelchOptions = {}): WelchResult {
  if (x.length === 0) return { frequencies: new Float64Array(0), psd: new Float64Array(0), segments: 0, warnings: [] };
  const layout = segmentLayout(x.length, options);
  const average = welchAverage(layout, options);
  for (let s = 0; s < layout.segments; s++) average.add(x, s * layout.step, 0);
  return average.finish();
}

/**
 * welchPsd of a signal of `length` samples that arrives in chunks (e.g. read from a file larger
 * than memory): the same result, bit for bit, holding one segment and the output, not the signal.
 * With average 'median' every segment's periodogram is kept until the end (segments × (nfft/2 + 1)
 * numbers), as the median needs them all. Throws RangeError if the chunks do not hold `length` samples.
 */
export function welchPsdChunks(chunks: Iterable<Float64Array>, length: number, options: WelchOptions = {}): WelchResult {
  if (length === 0) return welchPsd(new Float64Array(0), options);
  const layout = segmentLayout(length, options);
  const average = welchAverage(layout, options);
  streamSegments(oneChannel(chunks), length, layout.nperseg, layout.step, 1, ([segment], start) => average.add(segment, 0, start), 'welchPsdChunks');
  return average.finish();
}

/**
 * Welch's average, one segment at a time: add(x, start, offset) takes the segment of x at
 * `start`, which is sample `offset + start` of the signal (for messages); finish() scales,
 * averages (mean or bias-corrected median) and folds the sides.
 */
export function welchAverage(layout: SegmentLayout, options: WelchOptions): { add(x: Float64Array, start: number, offset: number): void; finish(): WelchResult } {
  const scale = powerScale(layout, options.scaling);
  const { nfft, segments } = layout;
  assertWithinBudget([spectralMemory({ nfft, segments, bins: layout.bins, spectrogram: false, median: usesMedian(options.average, segments), series: 1 })]);
  const half = Math.floor(nfft / 2) + 1;
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const transform = segmentTransform(layout);
  const table = usesMedian(options.average, segments) ? new Float64Array(segments * half) : null;
  let psd: Float64Array = new Float64Array(half);
  let s = 0;
  return {
    add(x, start, offset) {
      transform(x, start, re, im);
      if (re[0] - re[0] !== 0) assertFinite(x, 'x', offset);
      const row = table === null ? psd : table.subarray(s * half, (s + 1) * half);
      if (table === null) for (let k = 0; k < half; k++) row[k] += re[k] * re[k] + im[k] * im[k];
      else for (let k = 0; k < half; k++) row[k] = re[k] * re[k] + im[k] * im[k];
      s++;
    },
    finish() {
      const factor = table === null ? scale / segments : scale / medianBias(segments);
      if (table !== null) psd = columnMedians(table, segments, half);
      for (let k = 0; k < half; k++) psd[k] *= factor;
      if (layout.onesided) doubleOneSided(psd, nfft);
      else psd = unfoldTwoSided(psd, nfft).re;
      const frequencies = layout.onesided ? rfftFrequencies(nfft, layout.fs) : fftFrequencies(nfft, layout.fs);
      return { frequencies, psd, segments, warnings: layout.warnings };
    },
  };
}
