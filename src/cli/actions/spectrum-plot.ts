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
import { spanStages, type StageSpan } from '../../spectral/stage-spans.js';
import { stageAt } from '../../filter/stage-filter.js';
import type { PlotFormat } from '../../plot/plot-format.js';

const frequencyTitle = (fs: number) => (fs === 1 ? 'Frequency (cycles/step)' : `Frequency (units of fs = ${fs})`);
/** Steps (counted from 1) for fs = 1: spectrogramSpec's own time axis. */
const timeTitle = (fs: number) => (fs === 1 ? undefined : 'Time (units of 1/fs; segment centre)');

/** Fewer samples of a stage than this in the trace: no spectrum worth a panel (Welch needs segments). */
export { MIN_STAGE_SAMPLES };

/**
 * Up to four stages spread over those the trace reaches with at least MIN_STAGE_SAMPLES samples
 * (first, two between, last), by position in `spans` (each real stage by default, or display
 * stages: then positions are display-stage indices); not plot/spread-stages.ts' curveStages, which
 * spreads N stages over the schedule's steps. `short` lists the reached ones left out as too
 * short (e.g. a one-step last stage), which the figure names rather than drawing an empty panel.
 */
export function spreadReachedStages(schedule: Schedule, length: number, spans?: readonly StageSpan[]): { stages: number[]; short: number[] } {
  const usable: number[] = [];
  const short: number[] = [];
  const count = spans?.length ?? schedule.stages.count;
  for (let i = 0; i < count; i++) {
    const { startStep, endStep } = spans?.[i] ?? { startStep: schedule.stages.startStep[i], endStep: schedule.stages.endStep[i] };
    if (startStep > length) break;
    (Math.min(endStep, length) - startStep + 1 >= MIN_STAGE_SAMPLES ? usable : short).push(i);
  }
  const n = usable.length;
  const picks = [0, Math.floor((n - 1) / 3), Math.floor((2 * (n - 1)) / 3), n - 1].filter((i) => i >= 0).map((i) => usable[i]);
  return { stages: [...new Set(picks)], short };
}

/** "stage 8 (1 step in the trace) left out: too short for a spectrum", or undefined. */
function shortNote(spans: readonly StageSpan[], length: number, short: readonly number[]): string | undefined {
  if (short.length === 0) return undefined;
  const named = short.length <= 3
    ? short.map((i) => { const s = spans[i], n = Math.min(s.endStep, length) - s.startStep + 1; return `${spanName(s)} (${n} step${n === 1 ? '' : 's'} in the trace)`; }).join(', ')
    : `${short.length} ${'display' in spans[short[0]] ? 'display stages' : 'stages'}`;
  return `${named} left out: too short for a spectrum (< ${MIN_STAGE_SAMPLES} steps)`;
}

/** "stage 8", or a display stage's real stages "stages 8–15". */
function spanName(span: StageSpan): string {
  const { first, last } = spanStages(span);
  return first === last ? `stage ${first}` : `stages ${first}–${last}`;
}

/**
 * `spectrum --plot` in `format` (the action decides it from --plot-format or the name): without a schedule, the PSD of each series; with one, per-stage PSDs of the
 * first series (gradient, momentum, |H_k|²·gradient) for up to four stages (of `spans`: display stages, else each real stage).
 */
export async function writeSpectrumPlot(
  ctx: CliContext, file: string, spectra: SeriesSpectrum[], schedule: Schedule | undefined, options: WelchOptions,
  trace?: { g: Float64Array; m: Float64Array }, spans?: readonly StageSpan[], format: PlotFormat = 'svg',
): Promise<void> {
  const fs = options.fs ?? 1;
  if (schedule === undefined || trace === undefined) {
    const records = spectra.flatMap((s) => Array.from(s.welch.frequencies, (f, k) => ({
      series: s.name, frequency: roundSig(f), psdDb: s.welch.psd[k] > 0 ? roundSig(10 * Math.log10(s.welch.psd[k])) : null,
    })));
    return writeFigure(ctx, file, { id: 'psd', spec: psdSpec(records, frequencyTitle(fs)) }, format);
  }
  const all = spans ?? Array.from({ length: schedule.stages.count }, (_, i) => stageAt(schedule, i));
  const { stages, short } = spreadReachedStages(schedule, trace.g.length, all);
  const records = stagePsdRecords(schedule, trace.g, trace.m, stages.map((i) => all[i]), options);
  return writeFigure(ctx, file, { id: 'stage-psd', spec: stagePsdSpec(records, frequencyTitle(fs), { note: shortNote(all, trace.g.length, short), lastStep: trace.g.length }) }, format);
}

/** `spectrum --spectrogram --plot`: heat maps of the trace (and of its filtered version). */
export async function writeSpectrogramPlot(ctx: CliContext, file: string, grams: SeriesSpectrogram[], fs: number, format: PlotFormat = 'svg'): Promise<void> {
  await writeFigure(ctx, file, { id: 'spectrogram', spec: spectrogramSpec(grams.flatMap((g) => spectrogramRecords(g.name, g.result)), frequencyTitle(fs), timeTitle(fs)) }, format);
}
