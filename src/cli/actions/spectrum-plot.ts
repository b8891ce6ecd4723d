import { psdSpec } from '../../plot/specs/psd.js';
import { spectrogramSpec } from '../../plot/specs/spectrogram.js';
import { stagePsdSpec } from '../../plot/specs/stage-psd.js';
import { spectrogramRecords, stagePsdRecords } from '../../spectral/plot-records.js';
import type { WelchOptions } from '../../spectral/welch.js';
import type { Schedule } from '../../types.js';
import { roundSig } from '../../util/round-sig.js';
import type { CliContext } from '../context.js';
import type { SeriesSpectrogram, SeriesSpectrum } from './spectrum-action.js';
import { writeFigure } from '../write-figure.js';

const frequencyTitle = (fs: number) => (fs === 1 ? 'Frequency (cycles/step)' : `Frequency (units of fs = ${fs})`);

/**
 * Up to four stages spread over those the trace reaches (first, two between, last), by stage index;
 * not plot/spread-stages.ts' spreadStages, which spreads N stages over the schedule's steps.
 */
function spreadReachedStages(schedule: Schedule, length: number): number[] {
  let reached = 0;
  while (reached < schedule.stages.count && schedule.stages.startStep[reached] <= length) reached++;
  const picks = [0, Math.floor((reached - 1) / 3), Math.floor((2 * (reached - 1)) / 3), reached - 1];
  return [...new Set(picks.filter((i) => i >= 0))];
}

/**
 * `spectrum --plot` (always SVG, the action checks the name or --plot-format): without a schedule, the PSD of each series; with one, per-stage PSDs of the
 * first series (gradient, momentum, |H_k|²·gradient) for up to four stages.
 */
export async function writeSpectrumPlot(
  ctx: CliContext, file: string, spectra: SeriesSpectrum[], schedule: Schedule | undefined, options: WelchOptions,
  trace?: { g: Float64Array; m: Float64Array },
): Promise<void> {
  const fs = options.fs ?? 1;
  if (schedule === undefined || trace === undefined) {
    const records = spectra.flatMap((s) => Array.from(s.welch.frequencies, (f, k) => ({
      series: s.name, frequency: roundSig(f), psdDb: s.welch.psd[k] > 0 ? roundSig(10 * Math.log10(s.welch.psd[k])) : null,
    })));
    return writeFigure(ctx, file, { id: 'psd', spec: psdSpec(records, frequencyTitle(fs)) }, 'svg');
  }
  const records = stagePsdRecords(schedule, trace.g, trace.m, spreadReachedStages(schedule, trace.g.length), options);
  return writeFigure(ctx, file, { id: 'stage-psd', spec: stagePsdSpec(records, frequencyTitle(fs)) }, 'svg');
}

/** `spectrum --spectrogram --plot`: heat maps of the trace (and of its filtered version). */
export async function writeSpectrogramPlot(ctx: CliContext, file: string, grams: SeriesSpectrogram[], fs: number): Promise<void> {
  await writeFigure(ctx, file, { id: 'spectrogram', spec: spectrogramSpec(grams.flatMap((g) => spectrogramRecords(g.name, g.result)), frequencyTitle(fs)) }, 'svg');
}
