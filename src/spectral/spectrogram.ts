import { assertFinite } from './finite-input.js';
import { fftFrequencies, rfftFrequencies } from './frequencies.js';
import { powerScale, segmentLayout, type SegmentLayout, type SpectralOptions } from './segment-layout.js';
import { oneChannel, streamSegments } from './segment-stream.js';
import { segmentTransform } from './segment-transform.js';
import { spectralMemory } from './spectral-budget.js';
import { doubleOneSided, unfoldTwoSided } from './spectrum-sides.js';
import { assertWithinBudget } from '../schedule/budgets.js';

/** scipy.signal.spectrogram's default window: Tukey with a quarter of the segment tapered. */
export const SCIPY_SPECTROGRAM_WINDOW = 'tukey:0.25';

export interface SpectrogramOptions extends SpectralOptions {
  /** 'psd' (default): scaled |X|², doubled one-sided; 'magnitude': |X|·√c, not doubled. */
  mode?: 'psd' | 'magnitude';
}

export interface SpectrogramResult {
  /** Frequencies in units of fs. */
  frequencies: Float64Array;
  /** Segment centres in units of 1/fs: (nperseg/2 + s·step)/fs. */
  times: Float64Array;
  /** Row-major [time][frequency]: values[s·frequencies.length + k]. */
  values: Float64Array;
  warnings: string[];
}

/**
 * Spectrogram (short-time power spectra of consecutive segments), as scipy.signal.spectrogram.
 *
 *     S[s][k] = c · |Σ_i w_i · d_s[i] · e^{−2πj·k·i/nfft}|²   (mode 'psd')
 *
 * with segments, detrending, scaling c and one-sided doubling as in welchPsd but not averaged.
 *
 * Parameters
 * ----------
 * x : real samples.
 * options : as welchPsd, with scipy's spectrogram defaults: window ('tukey', 0.25) and noverlap
 *   nperseg//8 (less overlap than Welch, so columns are nearly independent); `mode` 'psd' | 'magnitude'.
 *
 * Returns
 * -------
 * { frequencies, times, values, warnings }. Note the layout: scipy returns Sxx[freq][time];
 * here values are [time][freq] so each time slice is contiguous. Throws BudgetError when the FFT and
 * the values would not fit in BUDGETS.workingSetBytes, before allocating them.
 *
 * Notes
 * -----
 * Defaults are scipy's, window included. Modes 'complex', 'angle' and 'phase' are not provided.
 *
 * References
 * ----------
 * scipy.signal.spectrogram; A. V. Oppenheim and R. W. Schafer, "Discrete-Time Signal
 * Processing", 3rd ed., §10.3 (the time-dependent Fourier transform).
 */
export function spectrogram(x: Float64Array, options: SpectrogramOptions = {}): SpectrogramResult {
  const rows = spectrogramRows(x.length, options);
  if (rows === null) return { frequencies: new Float64Array(0), times: new Float64Array(0), values: new Float64Array(0), warnings: [] };
  for (let s = 0; s < rows.layout.segments; s++) rows.add(x, s * rows.layout.step, 0);
  return rows.result;
}

/**
 * spectrogram of a signal of `length` samples that arrives in chunks (e.g. read from a file larger
 * than memory): the same result, bit for bit, holding one segment and the output (segments × bins
 * numbers), not the signal. Throws RangeError if the chunks do not hold `length` samples.
 */
export function spectrogramChunks(chunks: Iterable<Float64Array>, length: number, options: SpectrogramOptions = {}): SpectrogramResult {
  const rows = spectrogramRows(length, options);
  if (rows === null) return spectrogram(new Float64Array(0), options);
  streamSegments(oneChannel(chunks), length, rows.layout.nperseg, rows.layout.step, 1, ([segment], start) => rows.add(segment, 0, start), 'spectrogramChunks');
  return rows.result;
}

/**
 * The spectrogram's rows, one segment at a time: add(x, start, offset) fills the next row from the
 * segment of x at `start`, sample `offset + start` of the signal (for messages). Null for an empty signal.
 */
function spectrogramRows(length: number, options: SpectrogramOptions): { layout: SegmentLayout; add(x: Float64Array, start: number, offset: number): void; result: SpectrogramResult } | null {
  const mode = options.mode ?? 'psd';
  if (mode !== 'psd' && mode !== 'magnitude') throw new RangeError(`mode must be 'psd' or 'magnitude' (got '${String(mode)}')`);
  if (length === 0) return null;
  const layout = segmentLayout(length, options, { overlapDivisor: 8, window: SCIPY_SPECTROGRAM_WINDOW });
  const { nfft, nperseg, segments, step, fs, bins } = layout;
  assertWithinBudget([spectralMemory({ nfft, segments, bins, spectrogram: true, median: false, series: 1 })]);
  const scale = powerScale(layout, options.scaling);
  const half = Math.floor(nfft / 2) + 1;
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const row = new Float64Array(half);
  const transform = segmentTransform(layout);
  const values = new Float64Array(segments * bins);
  const times = new Float64Array(segments);
  const amplitude = Math.sqrt(scale);
  let s = 0;
  const add = (x: Float64Array, start: number, offset: number): void => {
    transform(x, start, re, im);
    if (re[0] - re[0] !== 0) assertFinite(x, 'x', offset);
    for (let k = 0; k < half; k++) {
      const power = re[k] * re[k] + im[k] * im[k];
      row[k] = mode === 'psd' ? power * scale : Math.sqrt(power) * amplitude;
    }
    if (!layout.onesided) values.set(unfoldTwoSided(row, nfft).re, s * bins);
    else {
      if (mode === 'psd') doubleOneSided(row, nfft);
      values.set(row, s * bins);
    }
    times[s] = (nperseg / 2 + s * step) / fs;
    s++;
  };
  const frequencies = layout.onesided ? rfftFrequencies(nfft, fs) : fftFrequencies(nfft, fs);
  return { layout, add, result: { frequencies, times, values, warnings: layout.warnings } };
}
