import { stageEnergySplits, type StageEnergy } from '../../spectral/energy-split.js';
import { MIN_STAGE_SAMPLES } from '../../spectral/stage-agreement.js';
import { runMomentum } from '../../spectral/simulate.js';
import { spectrogram, spectrogramChunks, type SpectrogramResult } from '../../spectral/spectrogram.js';
import { welchPsd, welchPsdChunks, type WelchResult } from '../../spectral/welch.js';
import type { Schedule } from '../../types.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { loadSchedules } from '../load-schedules.js';
import { type InputOptions, type OutputOptions } from '../options.js';
import { parseDisplayStages } from '../display-stages-option.js';
import { checkOutputs, chooseFormat, outputFormat, outputColor, outputTerminal, writeOutput } from '../output.js';
import type { SpectrumTerminal } from './spectrum-terminal.js';
import { FIGURE_FORMATS, type FigureFormat } from '../../plot/plot-format.js';
import { AUTO_STAGE_LIMIT, autoStageReport } from '../../analysis/display-stages.js';
import { splitDisplayStageCount } from '../../spectral/display-stage-count.js';
import { stageSpans, type StageSpan } from '../../spectral/stage-spans.js';
import { checkNfftBudget, checkSpectralBudgets } from './spectrum-budget.js';
import { spectralOptions, type SpectralCliOptions } from './spectrum-options.js';
import { writeEnergyReport, writePsdReport, writeSpectrogramReport } from './spectrum-report.js';
import { readSeries, requirePerStep, type TraceCliOptions } from './spectrum-trace.js';
import { numberOption } from './simulate-signal.js';

export interface SpectrumCliOptions extends SpectralCliOptions, TraceCliOptions, InputOptions, OutputOptions {
  spectrogram?: boolean;
  config?: string;
  split?: string;
  plot?: string;
  plotFormat?: FigureFormat;
  displayStages?: string;
  force?: boolean;
  all?: boolean;
}

/** A series and, with a schedule, its momentum-filtered version and the per-stage energy split. */
export interface SeriesSpectrum {
  name: string;
  welch: WelchResult;
  filtered?: WelchResult;
  stages?: StageEnergy[];
}

export interface SeriesSpectrogram {
  name: string;
  result: SpectrogramResult;
}

/** `momentum-fr spectrum`: trace → Welch PSD or spectrogram, and with a schedule the per-stage energy split. */
export async function spectrumCommand(path: string, options: SpectrumCliOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['table', 'json', 'ndjson', 'csv']);
  const spectral = spectralOptions(options);
  const fs = spectral.fs ?? 1;
  const split = options.split === undefined ? fs / 100 : numberOption('split', options.split, (x) => x > 0 && x <= fs / 2, `a frequency in (0, fs/2 = ${fs / 2}]`);
  const withSchedule = options.config !== undefined || options.preset !== undefined;
  if (options.split !== undefined && !withSchedule) throw new CliError('--split needs a schedule: add --config FILE or --preset NAME');
  if (options.set.length > 0 && !withSchedule) throw new CliError('--set needs a schedule: add --config FILE or --preset NAME');
  const plotFormat = options.plot === undefined ? undefined : outputFormat('--plot', options.plot, '--plot-format', options.plotFormat, FIGURE_FORMATS);
  if (options.displayStages !== undefined && !withSchedule) throw new CliError('--display-stages needs a schedule: add --config FILE or --preset NAME');
  const displayStages = options.displayStages === undefined ? undefined : parseDisplayStages(options.displayStages);

  await checkOutputs(ctx, { files: { '-o': options.output, '--plot': options.plot }, inputs: [path, options.config] });
  checkNfftBudget(spectral);
  const schedule = withSchedule ? await oneSchedule(options, ctx) : undefined;
  const series = await readSeries(path, options, options.fs !== undefined, ctx, !withSchedule);
  checkSpectralBudgets(series.map((s) => s.length), spectral, { spectrogram: options.spectrogram === true, copies: schedule ? 2 : 1, format, force: options.force });
  // A schedule of more than 1000 stages (a per-step one) is measured over the display stages analyze shows it as,
  // by default as many as leaves the most of them resolving the split (the hint when --display-stages leaves some that do not).
  const length = Math.max(0, ...series.map((s) => s.length));
  const count = schedule !== undefined && schedule.stages.count > AUTO_STAGE_LIMIT && options.spectrogram !== true ? splitDisplayStageCount(schedule, length, split, fs) : undefined;
  const report = schedule === undefined ? undefined : autoStageReport(schedule.stages, displayStages ?? count?.displayStages);
  const spans: StageSpan[] | undefined = schedule !== undefined && report?.display ? stageSpans(schedule, report) : undefined;
  if (schedule !== undefined) {
    requirePerStep(path, series);
    const long = series.find((s) => s.values.length > schedule.steps);
    if (long) throw new CliError(`${path}: series ${JSON.stringify(long.name)} has ${long.values.length} steps but schedule '${schedule.name}' covers ${schedule.steps}; add --set steps=${long.values.length}`);
    if (options.spectrogram !== true && spans === undefined) requireMeasurableStage(schedule, Math.max(...series.map((s) => s.values.length)));
  }
  const filtered = series.map((s) => (schedule === undefined ? undefined : finiteMomentum(path, s.name, schedule, runMomentum(schedule, s.values))));

  const screen = outputTerminal(ctx, options.output);
  const density = (spectral.scaling ?? 'density') === 'density';
  const terminal: SpectrumTerminal | undefined = screen === undefined || format !== 'table' ? undefined : {
    columns: screen.columns, all: options.all === true, color: outputColor(ctx, options.output),
    frequencyUnit: fs === 1 ? 'cycles/step' : 'units of fs',
    powerUnit: density ? 'u²/fs' : 'u²',
    powerLegend: density ? 'power spectral density, u²/fs (u: the trace\'s unit, per unit of frequency)' : 'power spectrum, u² (u: the trace\'s unit)',
  };
  const warn = (warnings: string[]) => warnings.forEach((w) => ctx.stderr.write(`momentum-fr: warning: ${w}\n`));
  const core = <T>(compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
  };

  if (options.spectrogram) {
    const grams: SeriesSpectrogram[] = [];
    series.forEach((s, i) => {
      grams.push({ name: s.name, result: core(() => (s.chunks ? spectrogramChunks(s.chunks(), s.length, spectral) : spectrogram(s.values, spectral))) });
      const m = filtered[i];
      if (m !== undefined) grams.push({ name: `${s.name}:momentum`, result: core(() => spectrogram(m, spectral)) });
    });
    warn([...new Set(grams.flatMap((g) => g.result.warnings))]);
    await writeOutput(ctx, options.output, (sink) => writeSpectrogramReport(sink, grams, format, terminal));
    if (options.plot !== undefined) {
      const { writeSpectrogramPlot } = await import('./spectrum-plot.js');
      await writeSpectrogramPlot(ctx, options.plot, grams, fs, plotFormat);
    }
    return;
  }

  const spectra: SeriesSpectrum[] = series.map((s, i) => {
    const m = filtered[i];
    const welch = core(() => (s.chunks ? welchPsdChunks(s.chunks(), s.length, spectral) : welchPsd(s.values, spectral)));
    if (m === undefined || schedule === undefined) return { name: s.name, welch };
    return { name: s.name, welch, filtered: core(() => welchPsd(m, spectral)), stages: stageEnergySplits(schedule, s.values, m, split, fs, spans) };
  });
  warn([...new Set(spectra.flatMap((s) => s.welch.warnings))]);
  await writeOutput(ctx, options.output, (sink) =>
    schedule === undefined ? writePsdReport(sink, spectra, format, terminal) : writeEnergyReport(sink, spectra, format, { schedule, split, fs, displayCount: count, displayChosen: displayStages === undefined }, terminal),
  );
  if (options.plot !== undefined) {
    const { writeSpectrumPlot } = await import('./spectrum-plot.js');
    const m = filtered[0];
    await writeSpectrumPlot(ctx, options.plot, spectra, schedule, spectral, m === undefined ? undefined : { g: series[0].values, m }, spans, plotFormat);
  }
}

/**
 * The per-stage energy split and spectra need stages of MIN_STAGE_SAMPLES steps or more in the trace: a
 * schedule whose every reached stage is shorter (a per-step schedule, e.g. OneCycleLR stepped every
 * batch) has nothing to measure per stage, so the command stops (exit 2) and says what works instead.
 */
function requireMeasurableStage(schedule: Schedule, length: number): void {
  const st = schedule.stages;
  let reached = 0;
  for (let i = 0; i < st.count && st.startStep[i] <= length; i++) {
    if (Math.min(st.endStep[i], length) - st.startStep[i] + 1 >= MIN_STAGE_SAMPLES) return;
    reached++;
  }
  throw new CliError(`schedule '${schedule.name}': none of its ${reached} stages in the trace lasts ${MIN_STAGE_SAMPLES} steps (its coefficients change every few steps), too short for a per-stage spectrum; add --spectrogram to see the trace and its momentum over time`);
}

async function oneSchedule(options: SpectrumCliOptions, ctx: CliContext): Promise<Schedule> {
  const schedules = await loadSchedules(options.config === undefined ? [] : [options.config], options, ctx);
  if (schedules.length !== 1) throw new CliError(`--config: expected one schedule, found ${schedules.length} (${schedules.map((s) => s.name).join(', ')}); pass a file with one`);
  return schedules[0];
}

/** m itself, or a usage error at the first step where it overflowed (an unstable schedule let through with --allow-unstable). */
function finiteMomentum(path: string, name: string, schedule: Schedule, m: Float64Array): Float64Array {
  for (let t = 0; t < m.length; t++) {
    if (m[t] - m[t] !== 0) {
      throw new CliError(`${path}: series ${JSON.stringify(name)} through schedule '${schedule.name}': the momentum buffer is ${m[t]} from step ${t + 1}, so it has no spectrum (an unstable stage?)`);
    }
  }
  return m;
}
