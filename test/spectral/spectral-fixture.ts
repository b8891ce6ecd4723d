import type { SpectrogramOptions } from '../../src/spectral/spectrogram.js';
import type { WelchOptions } from '../../src/spectral/welch.js';
import { getWindow, type WindowName } from '../../src/spectral/windows.js';
import { loadFixture } from './fixture.js';

/** Options as generate.py writes them: ours, except a window given as samples. */
type FixtureOptions = Omit<WelchOptions & SpectrogramOptions, 'window'> & {
  window?: WindowName;
  windowArray?: { name: WindowName; n: number; fftbins: boolean };
};

interface Case { name: string; x: string; y?: string; options: FixtureOptions; frequencies: number[] }

export interface SpectralFixture {
  signals: Record<string, number[]>;
  welch: (Case & { psd: number[] })[];
  csd: (Case & { re: number[]; im: number[] })[];
  coherence: (Case & { coherence: number[] })[];
  spectrogram: (Case & { times: number[]; values: number[] })[];
}

export const spectral = loadFixture<SpectralFixture>('spectral.json');

export function signal(name: string): Float64Array {
  return Float64Array.from(spectral.signals[name]);
}

export function options(o: FixtureOptions): WelchOptions & SpectrogramOptions {
  const { windowArray, ...rest } = o;
  return windowArray === undefined ? rest : { ...rest, window: getWindow(windowArray.name, windowArray.n, { fftbins: windowArray.fftbins }) };
}

/**
 * scipy agreement bound: 1e-10 relative per value, plus 1e-13 of the largest value for bins
 * that are pure rounding noise in both (e.g. the DC bin after removing the mean, ~1e-33).
 */
export const RTOL = 1e-10;
export const NOISE_FLOOR = 1e-13;
