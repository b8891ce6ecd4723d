import { segmentLayout } from '../../spectral/segment-layout.js';
import { spectralMemory, spectralOutput, spectralTime, type SpectralWork } from '../../spectral/spectral-budget.js';
import { SCIPY_SPECTROGRAM_WINDOW, type SpectrogramOptions } from '../../spectral/spectrogram.js';
import type { WelchOptions } from '../../spectral/welch.js';
import { checkBudgets } from '../budget-message.js';

type Options = WelchOptions & SpectrogramOptions;

/** Before the trace is read: an --nfft too large for memory whatever the trace (e.g. 10⁸). */
export function checkNfftBudget(options: Options): void {
  if (options.nfft === undefined) return;
  checkBudgets([spectralMemory({ nfft: options.nfft, segments: 0, bins: 0, spectrogram: false, median: false, series: 1 })], false);
}

/**
 * Before any spectrum is computed: memory (hard), time and output (lifted by --force) of the Welch PSDs or
 * spectrograms of every series (and their momentum-filtered copies, `copies` = 2). Invalid option
 * combinations are left to the spectral core, which reports them with scipy's wording.
 */
export function checkSpectralBudgets(lengths: readonly number[], options: Options, how: { spectrogram: boolean; copies: number; format: string; force?: boolean }): void {
  const works: SpectralWork[] = [];
  for (const length of lengths) {
    if (length === 0) continue;
    let layout;
    try {
      layout = segmentLayout(length, options, how.spectrogram ? { overlapDivisor: 8, window: SCIPY_SPECTROGRAM_WINDOW } : undefined);
    } catch {
      return;
    }
    works.push({ nfft: layout.nfft, segments: layout.segments, bins: layout.bins, spectrogram: how.spectrogram, median: options.average === 'median', series: how.copies });
  }
  if (works.length === 0) return;
  // All series of a trace share their length, so one layout stands for all of them.
  const all: SpectralWork = { ...works[0], series: works.length * how.copies };
  checkBudgets([spectralMemory(all), spectralTime(all), spectralOutput(all, how.format)], how.force);
}
