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
import { MIN_STAGE_SAMPLES } from '../../spectral/stage-agreement.js';

const frequencyTitle = (fs: number) => (fs === 1 ? 'Frequency (cycles/step)' : `Frequency (units of fs = ${fs})`);
const timeTitle = (fs: number) => (fs === 1 ? 'Time (steps; segment centre)' : 'Time (units of 1/fs; segment centre)');

/** Fewer samples of a stage than this in the trace: no spectrum worth a panel (Welch needs segments). */
export { MIN_STAGE_SAMPLES };

/**
 * Up to four stages spread over those the trace reaches with at least MIN_STAGE_SAMPLES samples
 * (first, two between, last), by stage index; not plot/spread-stages.ts' curveStages, which
 * spreads N stages over the schedule's steps. `short` lists the reached stages left out as too
 * short (e.g. a one-step last stage), which the figure names rather than drawing an empty panel.
 */
export function spreadReachedStages(schedule: Schedule, length: number): { stages: number[]; short: number[] } {
  const st = schedule.stages;
  const usable: number[] = [];
  const short: number[] = [];
  for (let i = 0; i < st.count && st.startStep[i] <= length; i++) {
    (Math.min(st.endStep[i], length) - st.startStep[i] + 1 >= MIN_STAGE_SAMPLES ? usable : short).push(i);
  }
  const n = usable.length;
  const picks = [0, Math.floor((n - 1) / 3), Math.floor((2 * (n - 1)) / 3), n - 1].filter((i) => i >= 0).map((i) => usable[i]);
  return { stages: [...new Set(picks)], short };
}

/** "stage 8 (1 step in the trace) left out: too short for a spectrum", or undefined. */
function shortNote(schedule: Schedule, length: number, short: readonly number[]): string | undefined {
  if (short.length === 0) return undefined;
  const st = schedule.stages;
  const named = short.length <= 3
    ? short.map((i) => { const n = Math.min(st.endStep[i], length) - st.startStep[i] + 1; return `stage ${i} (${n} step${n === 1 ? '' : 's'} in the trace)`; }).join(', ')
    : `${short.length} stages`;
  return `${named} left out: too short for a spectrum (< ${MIN_STAGE_SAMPLES} steps)`;
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
  const { stages, short } = spreadReachedStages(schedule, trace.g.length);
  const records = stagePsdRecords(schedule, trace.g, trace.m, stages, options);
  return writeFigure(ctx, file, { id: 'stage-psd', spec: stagePsdSpec(records, frequencyTitle(fs), { note: shortNote(schedule, trace.g.length, short), lastStep: trace.g.length }) }, 'svg');
}

/** `spectrum --spectrogram --plot`: heat maps of the trace (and of its filtered version). */
export async function writeSpectrogramPlot(ctx: CliContext, file: string, grams: SeriesSpectrogram[], fs: number): Promise<void> {
  await writeFigure(ctx, file, { id: 'spectrogram', spec: spectrogramSpec(grams.flatMap((g) => spectrogramRecords(g.name, g.result)), frequencyTitle(fs), timeTitle(fs)) }, 'svg');
}
