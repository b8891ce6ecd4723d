import type { DetrendType } from './detrend.js';
import { getWindow, windowWarnings, type WindowSpec } from './windows.js';

/** Options shared by welchPsd, csd, coherence and spectrogram; names and defaults follow scipy.signal. */
export interface SpectralOptions {
  /** Sampling frequency; frequencies come out in its units per sample (default 1: cycles/step). */
  fs?: number;
  /**
   * Window (periodic, as get_window): a name, a name with parameters ('tukey:0.25',
   * ['kaiser', 8]), or the window samples themselves (default 'hann'; spectrogram: 'tukey:0.25').
   */
  window?: WindowSpec | Float64Array;
  /** Samples per segment (default 256, or the window's length); capped at the signal length. */
  nperseg?: number;
  /** Samples shared by consecutive segments (default nperseg//2; spectrogram: nperseg//8). */
  noverlap?: number;
  /** FFT length ≥ nperseg; segments are zero-padded to it (default nperseg). */
  nfft?: number;
  /** Trend removed from each segment before windowing (default 'constant'; false = 'none'). */
  detrend?: DetrendType | false;
  /** One-sided spectrum of a real signal, interior bins doubled (default true). */
  returnOnesided?: boolean;
  /** 'density': units²/Hz, |X|²/(fs·Σw²); 'spectrum': units², |X|²/(Σw)² (default 'density'). */
  scaling?: 'density' | 'spectrum';
}

/** Resolved segmentation: everything the per-segment loops need. */
export interface SegmentLayout {
  fs: number;
  window: Float64Array;
  nperseg: number;
  noverlap: number;
  /** nperseg − noverlap: samples between segment starts. */
  step: number;
  nfft: number;
  /** Full segments only: ⌊(length − noverlap)/step⌋. */
  segments: number;
  detrend: DetrendType;
  onesided: boolean;
  /** Frequency bins returned: ⌊nfft/2⌋ + 1 one-sided, nfft two-sided. */
  bins: number;
  /** Σw² (for 'density': multiplied by fs). */
  windowPower: number;
  /** Σw. */
  windowSum: number;
  warnings: string[];
}

/**
 * Validates the options against a signal of `length` samples and fills in scipy's defaults.
 *
 * Notes
 * -----
 * As scipy.signal.csd (and welch) do: a window spec with nperseg > length is shrunk to
 * nperseg = length with a warning (returned in `warnings`), and noverlap defaults from the
 * shrunk nperseg. A window given as samples fixes nperseg; it may not be longer than the
 * signal. Invalid combinations are programmer errors and throw RangeError with scipy's wording.
 */
export function segmentLayout(length: number, options: SpectralOptions, defaults: { overlapDivisor: number; window: WindowSpec } = { overlapDivisor: 2, window: 'hann' }): SegmentLayout {
  const { overlapDivisor } = defaults;
  const fs = options.fs ?? 1;
  if (!(fs > 0) || !Number.isFinite(fs)) throw new RangeError(`fs must be a positive finite number (got ${fs})`);
  const warnings: string[] = [];
  const win = options.window ?? defaults.window;
  let nperseg = options.nperseg;
  if (nperseg !== undefined && (!Number.isInteger(nperseg) || nperseg < 1)) {
    throw new RangeError(`nperseg must be a positive integer (got ${nperseg})`);
  }
  let window: Float64Array;
  // Errors that mention a capped nperseg say first that it was capped: the user never set it.
  let capped = '';
  if (!(win instanceof Float64Array)) {
    nperseg ??= 256;
    if (nperseg > length) {
      capped = `nperseg = ${nperseg} is greater than the signal length ${length}, using nperseg = ${length}`;
      warnings.push(capped);
      capped += '; ';
      nperseg = length;
    }
    try {
      window = getWindow(win, nperseg);
    } catch (error) {
      throw error instanceof RangeError ? new RangeError(capped + error.message) : error;
    }
    warnings.push(...windowWarnings(win));
  } else {
    window = win;
    nperseg ??= win.length;
    if (nperseg !== win.length) throw new RangeError(`nperseg = ${nperseg} does not equal the window length ${win.length}`);
    if (win.length > length) throw new RangeError(`window (${win.length} samples) is longer than the signal (${length})`);
  }
  const nfft = options.nfft ?? nperseg;
  if (!Number.isInteger(nfft) || nfft < nperseg) throw new RangeError(`${capped}nfft = ${nfft} must be an integer ≥ nperseg = ${nperseg}`);
  const noverlap = options.noverlap ?? Math.floor(nperseg / overlapDivisor);
  if (!Number.isInteger(noverlap) || noverlap < 0 || noverlap >= nperseg) {
    throw new RangeError(`${capped}noverlap = ${noverlap} must be an integer in [0, nperseg = ${nperseg})`);
  }
  const step = nperseg - noverlap;
  const onesided = options.returnOnesided ?? true;
  let windowPower = 0;
  let windowSum = 0;
  for (let i = 0; i < nperseg; i++) {
    windowPower += window[i] * window[i];
    windowSum += window[i];
  }
  return {
    fs, window, nperseg, noverlap, step, nfft,
    segments: Math.max(0, Math.floor((length - noverlap) / step)),
    detrend: options.detrend === false ? 'none' : (options.detrend ?? 'constant'),
    onesided,
    bins: onesided ? Math.floor(nfft / 2) + 1 : nfft,
    windowPower, windowSum, warnings,
  };
}

/** Power scale of |X|²: 1/(fs·Σw²) for 'density', 1/(Σw)² for 'spectrum' (scipy's `scale`). */
export function powerScale(layout: SegmentLayout, scaling: 'density' | 'spectrum' = 'density'): number {
  if (scaling === 'density') return 1 / (layout.fs * layout.windowPower);
  if (scaling === 'spectrum') return 1 / (layout.windowSum * layout.windowSum);
  throw new RangeError(`unknown scaling '${String(scaling)}' (use 'density' or 'spectrum')`);
}
