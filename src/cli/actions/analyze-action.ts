import { join } from 'node:path';
import { analysisBudgets } from '../../analysis/analysis-budget.js';
import { coversSchedule, reportRecords, scheduleHeader, type ResponseMode } from '../../analysis/analyze.js';
import { displayRangeKeys, recordCount, stageReport, type StageReport } from '../../analysis/display-stages.js';
import { atStepRecordStream, uniqueSteps } from '../../analysis/exact-records.js';
import { SummaryBuilder, summaryOf } from '../../analysis/schedule-summary.js';
import type { AnalysisFormat } from '../../analysis/analysis-budget.js';
import { filterTables } from '../../filter/stage-filter.js';
import type { AnalysisWriter, WriterOptions } from '../../io/analysis-writer.js';
import { csvWriter } from '../../io/csv-writer.js';
import { jsonWriter } from '../../io/json-writer.js';
import { ndjsonWriter } from '../../io/ndjson-writer.js';
import type { TextSink } from '../../io/sink.js';
import type { Schedule } from '../../types.js';
import type { CliContext } from '../context.js';
import { checkBudgets } from '../budget-message.js';
import { CliError } from '../errors.js';
import { gridFromOptions } from '../grid-options.js';
import { loadSources } from '../load-schedules.js';
import { type GridOptions, type InputOptions, type OutputOptions } from '../options.js';
import { parseDisplayStages } from '../display-stages-option.js';
import { checkOutputs, chooseFormat, makeOutputDirectory, outputColor, outputTerminal, writeOutput } from '../output.js';
import { tableWriter, type FrequencyUnit } from '../table-writer.js';
import { terminalTableWriter } from '../terminal-table-writer.js';
import { writeCompareTable } from '../compare-table.js';
import { quoted } from '../../util/excerpt.js';

export interface AnalyzeCliOptions extends InputOptions, GridOptions, OutputOptions {
  /** Undefined when not given: auto (every stage, or display stages above 1 000), none with --at-steps. */
  stages?: string;
  /** --display-stages (text, as given): how many display stages `auto` shows a schedule of more than 1 000 stages as. */
  displayStages?: string;
  response: boolean;
  outDir?: string;
  mode?: ResponseMode;
  atSteps?: string;
  force?: boolean;
  all?: boolean;
  compare?: boolean;
}

/** `momentum-fr analyze`: load → analyse stage by stage → stream to the chosen writers. */
export async function analyzeCommand(inputs: string[], options: AnalyzeCliOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['table', 'json', 'ndjson', 'csv']);
  const frequencies = gridFromOptions(options);
  await checkOutputs(ctx, { files: { '-o': options.output }, dirs: [options.outDir], inputs });
  // Option checks that need no config come first: the configs may take seconds to load.
  const asksSteps = options.atSteps !== undefined && options.compare !== true;
  if (asksSteps && !options.response) throw new CliError('--at-steps reports responses: it cannot be combined with --no-response');
  if (asksSteps && format === 'table' && options.outDir === undefined) {
    throw new CliError('--at-steps needs --format json, csv or ndjson (the table shows metrics only)');
  }
  const sources = await loadSources(inputs, options, ctx);
  const schedules = sources.flatMap((s) => s.schedules);
  // --out-dir's file names come from the configs' names, known now.
  const outDirFiles = options.outDir === undefined ? [] : dataFiles(sources, options.response).map(([name, fmt, withResponse]) => ({ path: join(options.outDir!, name), fmt, withResponse }));
  await checkOutputs(ctx, { files: { '-o': options.output }, dirs: [options.outDir], dirFiles: outDirFiles.map((f) => f.path), inputs });
  if (options.compare === true) return compareCommand(schedules, format, options, ctx);
  const atSteps = parseAtSteps(options.atSteps, schedules);
  // With --at-steps, the stages are reported only when asked for: the steps are what was asked.
  const stages = options.stages ?? (atSteps.length > 0 ? 'none' : 'auto');
  const mode = options.mode ?? 'auto';
  if (options.displayStages !== undefined && stages !== 'auto') {
    throw new CliError(`--display-stages applies to --stages auto: it cannot be combined with --stages ${stages}${options.stages === undefined ? ' (the default with --at-steps)' : ''}`);
  }
  const displayStages = parseDisplayStages(options.displayStages);
  const reports = stageReports(schedules, stages, displayStages);
  // The CSV/NDJSON layout (and the table's columns) of the exact modes as soon as one record has an exact response.
  const layout: 'frozen' | 'exact' | 'both' = mode !== 'auto' ? mode : reports.some((r) => r.display) ? 'exact' : 'frozen';
  const outputs = [{ format: format as AnalysisFormat, response: format !== 'table' && options.response }];
  if (options.outDir !== undefined) {
    outputs.push({ format: 'csv', response: false }, ...(options.response ? (['json', 'csv'] as const).map((f) => ({ format: f, response: true })) : []));
  }
  const budgets = analysisBudgets({ schedules, reports, frequencies: frequencies.length, mode, atSteps: uniqueSteps(atSteps), outputs });
  checkBudgets([budgets.time, budgets.output], options.force);

  const lr = schedules.some((s) => s.lr !== undefined);
  const display = [...new Set(schedules.flatMap((s, i) => (reports[i].display ? displayRangeKeys(s) : [])))];
  // A bank of several branches shows each (table-writer.ts bankColumns); one branch (nesterov, qhm) is the u, v its records hold.
  const banks = schedules.map((s) => filterTables(s).bank).map((bank) => (bank !== undefined && bank.branches > 1 ? bank : undefined));
  const makeWriter = (fmt: string, sink: TextSink, response: boolean): AnalysisWriter => {
    const wo: WriterOptions = { response, mode: layout, atSteps: atSteps.length > 0, ...(lr ? { lr } : {}), ...(display.length > 0 ? { display } : {}) };
    if (fmt === 'json') return jsonWriter(sink, wo);
    if (fmt === 'ndjson') return ndjsonWriter(sink, wo);
    if (fmt === 'csv') return csvWriter(sink, wo);
    const table = { color: outputColor(ctx, options.output), units: options.units as FrequencyUnit, transient: layout !== 'frozen', lr, banks };
    const terminal = outputTerminal(ctx, options.output);
    if (terminal === undefined) return tableWriter(sink, table);
    return terminalTableWriter(sink, { ...table, terminal: { columns: terminal.columns, all: options.all === true, rows: reports.map(recordCount) } });
  };
  // Table needs no response arrays; everything else follows --no-response.
  const response = format === 'table' ? false : options.response;
  await writeOutput(ctx, options.output, (sink) => stream(schedules, reports, [makeWriter(format, sink, response)], { mode, response }, frequencies, atSteps));

  // Each --out-dir file is its own pass over the stages. One pass feeding every file was measured
  // (review of 2026-11-25): recomputing the records costs ~20 ms, while interleaving three file
  // streams cost more in GC and drain waits, so the passes stay separate.
  if (options.outDir !== undefined) {
    await makeOutputDirectory(ctx, options.outDir);
    for (const { path, fmt, withResponse } of outDirFiles) {
      await writeOutput(ctx, path, (sink) =>
        stream(schedules, reports, [makeWriter(fmt, sink, withResponse)], { mode, response: withResponse }, frequencies, atSteps),
      );
    }
  }
}

/** `--compare`: the schedules side by side in one table (compare-table.ts). */
async function compareCommand(schedules: Schedule[], format: string, options: AnalyzeCliOptions, ctx: CliContext): Promise<void> {
  const clash = format !== 'table' ? `--format ${format}` : options.outDir !== undefined ? '--out-dir' : options.atSteps !== undefined ? '--at-steps' : options.mode !== undefined && options.mode !== 'auto' && options.mode !== 'frozen' ? `--mode ${options.mode}` : undefined;
  if (clash !== undefined) throw new CliError(`--compare prints one table of frozen metrics: it cannot be combined with ${clash} (JSON, CSV and NDJSON already hold every schedule)`);
  const terminal = outputTerminal(ctx, options.output);
  await writeOutput(ctx, options.output, (sink) =>
    writeCompareTable(sink, schedules, { stages: options.stages, units: options.units as FrequencyUnit, color: outputColor(ctx, options.output), columns: terminal?.columns }),
  );
}

/** --out-dir's files: name, format, and whether it holds the response (absent with --no-response). */
function dataFiles(sources: { stem: string }[], response: boolean): [string, string, boolean][] {
  const stem = sources.length === 1 ? sources[0].stem : 'analysis';
  const files: [string, string, boolean][] = [
    [`${stem}.json`, 'json', true],
    [`${stem}.metrics.csv`, 'csv', false],
    [`${stem}.response.csv`, 'csv', true],
  ];
  return files.filter(([, , withResponse]) => response || !withResponse);
}

/**
 * The summary in words describes the whole schedule: for a writer that prints it, it is built from the
 * records as they pass when those cover the schedule (every stage, or display stages, refined from the
 * schedule: SummaryBuilder) and given at endSchedule; else, or when the writer must print it before
 * any row, it is given in the header (AnalysisWriter.summaryFirst: summaryOf, a bounded pass over
 * stage metrics).
 */
async function stream(schedules: Schedule[], reports: StageReport[], writers: AnalysisWriter[], options: { response: boolean; mode: ResponseMode }, frequencies: Float64Array, atSteps: number[]): Promise<void> {
  for (const w of writers) await w.begin();
  for (const [i, schedule] of schedules.entries()) {
    const header = scheduleHeader(schedule, frequencies, reports[i]);
    const covers = coversSchedule(reports[i], schedule);
    if (writers.some((w) => w.summaryFirst?.(covers))) header.summary = summaryOf(schedule);
    const words = header.summary === undefined && writers.some((w) => w.summaryFirst) ? new SummaryBuilder(schedule) : undefined;
    for (const w of writers) await w.schedule(header);
    const { response, mode } = options;
    for (const record of reportRecords(schedule, reports[i], { frequencies, response, mode })) {
      words?.add(record);
      for (const w of writers) await w.stage(record);
    }
    if (atSteps.length > 0 && writers.some((w) => w.atStep)) {
      for (const record of atStepRecordStream(schedule, frequencies, atSteps)) {
        for (const w of writers) await w.atStep?.(record);
      }
    }
    const summary = words?.sentences();
    for (const w of writers) await w.endSchedule(summary);
  }
  for (const w of writers) await w.end();
}

/** How --stages reports each schedule (stageReport); a usage error for a selection that does not fit one. */
function stageReports(schedules: Schedule[], spec: string, displayStages: number | undefined): StageReport[] {
  return schedules.map((s) => {
    const report = stageReport(s, spec, displayStages);
    if ('issue' in report) throw new CliError(`--stages: ${report.issue.message}`);
    return report;
  });
}


/** --at-steps "1,100,1000" → steps; usage errors for anything but integers inside every schedule. */
function parseAtSteps(spec: string | undefined, schedules: Schedule[]): number[] {
  if (spec === undefined) return [];
  const steps = spec.split(',').map((part) => {
    const n = Number(part.trim());
    if (part.trim() === '' || !Number.isInteger(n) || n < 1) throw new CliError(`--at-steps: expected positive integer steps separated by commas (got ${quoted(part.trim())})`);
    return n;
  });
  for (const s of schedules) {
    const bad = steps.find((n) => n > s.steps);
    if (bad !== undefined) throw new CliError(`--at-steps: step ${bad} is after the last step of schedule ${s.name} (${s.steps})`);
  }
  return steps;
}
