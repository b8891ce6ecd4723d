import type { SpectrogramOptions } from '../../spectral/spectrogram.js';
import type { WelchOptions } from '../../spectral/welch.js';
import { getWindow } from '../../spectral/windows.js';
import { CliError } from '../errors.js';
import { numberOption } from './simulate-signal.js';

export interface SpectralCliOptions {
  fs?: string;
  window?: string;
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
    ...(o.window === undefined ? {} : { window: windowOption(o.window) }),
    nperseg: numberOption('nperseg', o.nperseg, positiveInteger, 'a positive integer'),
    ...(o.noverlap === undefined ? {} : { noverlap: numberOption('noverlap', o.noverlap, (x) => Number.isInteger(x) && x >= 0, 'a non-negative integer') }),
    ...(o.nfft === undefined ? {} : { nfft: numberOption('nfft', o.nfft, positiveInteger, 'a positive integer') }),
    detrend: o.detrend,
    scaling: o.scaling,
    average: o.average,
    returnOnesided: o.onesided,
  };
}

/** --window checked before any work: name, parameters, and whether spectra can use it (no length yet). */
function windowOption(spec: string): string {
  try {
    getWindow(spec, 0);
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`--window ${spec}: ${error.message}`);
    throw error;
  }
  return spec;
}
