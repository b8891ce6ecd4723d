import { Chalk } from 'chalk';
import { AUTO_STAGE_LIMIT, autoStageReport, displayStageEnds, type StageReport } from '../../analysis/display-stages.js';
import { simulateDisplayCount } from '../../spectral/display-stage-count.js';
import { selectStages } from '../../analysis/stage-selection.js';
import { stageSpans } from '../../spectral/stage-spans.js';
import { writeTrace } from '../../io/trace-writer.js';
import type { TraceFormat } from '../../io/trace-types.js';
import { DEFAULT_TOLERANCE } from '../../spectral/figure-one.js';
import { testSignal } from '../../spectral/signals.js';
import { simulateSchedule } from '../../spectral/simulation.js';
import { simulationBudgets } from '../../spectral/simulation-budget.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { loadSchedules } from '../load-schedules.js';
import { type InputOptions, type OutputOptions } from '../options.js';
import { parseDisplayStages } from '../display-stages-option.js';
import { checkOutputs, chooseFormat, outputFormat, outputColor, outputTerminal, writeFileWith, writeOutput } from '../output.js';
import { FIGURE_FORMATS, type FigureFormat } from '../../plot/plot-format.js';
import { writeSimulationJson, writeSimulationRows, writeSimulationTable, type SimulationReport } from './simulate-report.js';
import { numberOption, signalFromOptions, type SignalCliOptions } from './simulate-signal.js';

export interface SimulateCliOptions extends InputOptions, OutputOptions, SignalCliOptions {
  steps?: string;
  stages: string;
  displayStages?: string;
  nperseg: string;
  coherence: string;
  spectra?: boolean;
  series?: string;
  seriesFormat?: TraceFormat;
  plot?: string;
  plotFormat?: FigureFormat;
  force?: boolean;
  all?: boolean;
}

const TRACE_FORMATS: readonly TraceFormat[] = ['csv', 'ndjson', 'json', 'npy'];

/** `momentum-fr simulate`: signal → time-variant momentum recursion → per-stage measured vs theoretical gain. */
export async function simulateCommand(inputs: string[], options: SimulateCliOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['table', 'json', 'ndjson', 'csv']);
  const spec = signalFromOptions(options);
  const nperseg = numberOption('nperseg', options.nperseg, (x) => Number.isInteger(x) && x >= 4, 'an integer ≥ 4');
  const threshold = numberOption('coherence', options.coherence, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
  const seriesFormat = options.series === undefined ? undefined : outputFormat('--series', options.series, '--series-format', options.seriesFormat, TRACE_FORMATS);
  const plotFormat = options.plot === undefined ? undefined : outputFormat('--plot', options.plot, '--plot-format', options.plotFormat, FIGURE_FORMATS);

  await checkOutputs(ctx, { files: { '-o': options.output, '--series': options.series, '--plot': options.plot }, inputs });
  const schedules = await loadSchedules(inputs, options, ctx);
  const longest = Math.max(...schedules.map((s) => s.steps));
  let steps = longest;
  if (options.steps !== undefined) {
    steps = numberOption('steps', options.steps, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
    if (steps > longest) throw new CliError(`--steps ${steps}: the schedule covers only ${longest} steps; lengthen it with --set steps=${steps}`);
  }
  const displayStages = options.displayStages === undefined ? undefined : parseDisplayStages(options.displayStages);
  const auto = options.stages.trim() === 'auto';
  if (displayStages !== undefined && !auto) throw new CliError(`--display-stages applies to --stages auto: it cannot be combined with --stages ${options.stages}`);
  // A per-step schedule under --stages auto: how many display stages judge the most (the default, and the hint when --display-stages judges none).
  // Display stages above 1000 stages, and up to 1000 when the real stages are too short to judge (simulateDisplayCount).
  // The count prefers display stages whose segments resolve the test sine (cycles/step), which the figure marks.
  const reference = spec.kind === 'noisy-sine' ? spec.frequency / (2 * Math.PI) : undefined;
  const counts = schedules.map((s) => (auto ? simulateDisplayCount(s, Math.min(steps, s.steps), nperseg, AUTO_STAGE_LIMIT, reference) : undefined));
  const selections = schedules.map((s, i) => {
    if (auto) {
      const count = counts[i];
      // --display-stages N groups any schedule, also one of at most 1000 stages whose real stages the rule keeps.
      const n = displayStages ?? count?.displayStages;
      const report: StageReport = n === undefined ? autoStageReport(s.stages) : { display: true, ends: displayStageEnds(s.stages, n) };
      return stageSpans(s, report).filter((span) => span.startStep <= steps);
    }
    const selected = selectStages(options.stages, s.stages);
    if (!Array.isArray(selected)) throw new CliError(`--stages: ${selected.error} (schedule ${s.name})`);
    // Stages that start after the signal ends are not compared.
    return selected.filter((i) => s.stages.startStep[i] <= steps);
  });
  const budgets = simulationBudgets({ steps, schedules, selected: selections.map((s) => s.length), nperseg, series: options.series !== undefined, spectra: options.spectra === true && format === 'json' });
  checkBudgets([budgets.memory, budgets.time, budgets.output], options.force);
  const input = testSignal(spec, steps);

  const simulations = schedules.map((s, i) => simulateSchedule(s, input.subarray(0, Math.min(steps, s.steps)), selections[i], { nperseg, coherenceThreshold: threshold }));
  const report: SimulationReport = {
    signal: { ...spec, steps },
    tolerance: { maxDeviationDb: DEFAULT_TOLERANCE.maxDeviationDb, medianDeviationDb: DEFAULT_TOLERANCE.medianDeviationDb, coherenceThreshold: threshold },
    simulations,
    spectra: options.spectra === true,
    displayCounts: counts,
    displayChosen: displayStages === undefined,
  };

  await writeOutput(ctx, options.output, async (sink) => {
    if (format === 'json') return writeSimulationJson(sink, report);
    if (format === 'csv' || format === 'ndjson') return writeSimulationRows(sink, report, format);
    const chalk = new Chalk({ level: outputColor(ctx, options.output) ? 1 : 0 });
    const terminal = outputTerminal(ctx, options.output);
    return writeSimulationTable(sink, report, { ok: chalk.green, bad: chalk.red, dim: chalk.dim }, terminal && { all: options.all === true, columns: terminal.columns });
  });

  if (options.series !== undefined && seriesFormat !== undefined) {
    const names = uniqueNames(['input', ...simulations.map((s) => s.schedule.name)]);
    const series = [{ name: names[0], values: input }, ...simulations.map((s, i) => ({ name: names[i + 1], values: padTo(s.output, steps) }))];
    await writeFileWith(ctx, options.series, (path) => writeTrace(path, seriesFormat, series));
  }
  if (options.plot !== undefined) {
    const { writeSimulationPlot } = await import('./simulate-plot.js');
    await writeSimulationPlot(ctx, options.plot, report, input, plotFormat);
  }
}

/** Schedules may share a name; series columns may not. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}#${k}`;
  });
}

/** Outputs of shorter schedules end early; the series file is rectangular (NaN → null/empty). */
function padTo(x: Float64Array, n: number): Float64Array {
  if (x.length === n) return x;
  const out = new Float64Array(n).fill(NaN);
  out.set(x);
  return out;
}
