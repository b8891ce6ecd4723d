import type { SpectrogramOptions } from '../../spectral/spectrogram.js';
import type { WelchOptions } from '../../spectral/welch.js';
import type { WindowName } from '../../spectral/windows.js';
import { numberOption } from './simulate-signal.js';

export interface SpectralCliOptions {
  fs?: string;
  window: WindowName;
  nperseg: string;
  noverlap?: string;
  nfft?: string;
  detrend: 'constant' | 'linear' | 'none';
  scaling: 'density' | 'spectrum';
  average: 'mean' | 'median';
  onesided: boolean;
}

const positiveInteger = (x: number) => Number.isInteger(x) && x >= 1;

/**
 * The scipy-named options as welchPsd/spectrogram options, with usage errors (exit 2) for values
 * that are malformed on their own; combinations (noverlap ≥ nperseg, nfft < nperseg) are checked
 * by the spectral core against the trace and reported by the action.
 */
export function spectralOptions(o: SpectralCliOptions): WelchOptions & SpectrogramOptions {
  return {
    fs: o.fs === undefined ? 1 : numberOption('fs', o.fs, (x) => x > 0, 'a positive number'),
    window: o.window,
    nperseg: numberOption('nperseg', o.nperseg, positiveInteger, 'a positive integer'),
    ...(o.noverlap === undefined ? {} : { noverlap: numberOption('noverlap', o.noverlap, (x) => Number.isInteger(x) && x >= 0, 'a non-negative integer') }),
    ...(o.nfft === undefined ? {} : { nfft: numberOption('nfft', o.nfft, positiveInteger, 'a positive integer') }),
    detrend: o.detrend,
    scaling: o.scaling,
    average: o.average,
    returnOnesided: o.onesided,
  };
}
