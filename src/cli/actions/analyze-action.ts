import { join } from 'node:path';
import { analysisBudgets } from '../../analysis/analysis-budget.js';
import { scheduleHeader, stageRecords, type ResponseMode } from '../../analysis/analyze.js';
import { atStepRecordStream, uniqueSteps } from '../../analysis/exact-records.js';
import { selectStages } from '../../analysis/stage-selection.js';
import type { AnalysisFormat } from '../../analysis/analysis-budget.js';
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
import type { GridOptions, InputOptions, OutputOptions } from '../options.js';
import { checkOutputs, chooseFormat, makeOutputDirectory, outputColor, writeOutput } from '../output.js';
import { tableWriter, type FrequencyUnit } from '../table-writer.js';
import { quoted } from '../../util/excerpt.js';

export interface AnalyzeCliOptions extends InputOptions, GridOptions, OutputOptions {
  /** Undefined when not given: all stages, or none with --at-steps. */
  stages?: string;
  response: boolean;
  outDir?: string;
  mode?: ResponseMode;
  atSteps?: string;
  force?: boolean;
}

/** `momentum-fr analyze`: load → analyse stage by stage → stream to the chosen writers. */
export async function analyzeCommand(inputs: string[], options: AnalyzeCliOptions, ctx: CliContext): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['table', 'json', 'ndjson', 'csv']);
  const frequencies = gridFromOptions(options);
  await checkOutputs(ctx, { files: { '-o': options.output }, dirs: [options.outDir], inputs });
  const sources = await loadSources(inputs, options, ctx);
  const schedules = sources.flatMap((s) => s.schedules);
  // --out-dir's file names come from the configs' names, known now.
  const outDirFiles = options.outDir === undefined ? [] : dataFiles(sources, options.response).map(([name, fmt, withResponse]) => ({ path: join(options.outDir!, name), fmt, withResponse }));
  await checkOutputs(ctx, { files: { '-o': options.output }, dirs: [options.outDir], dirFiles: outDirFiles.map((f) => f.path), inputs });
  const atSteps = parseAtSteps(options.atSteps, schedules);
  if (atSteps.length > 0 && !options.response) throw new CliError('--at-steps reports responses: it cannot be combined with --no-response');
  if (atSteps.length > 0 && format === 'table' && options.outDir === undefined) {
    throw new CliError('--at-steps needs --format json, csv or ndjson (the table shows metrics only)');
  }
  // With --at-steps, the stages are reported only when asked for: the steps are what was asked.
  const stages = options.stages ?? (atSteps.length > 0 ? 'none' : 'all');
  const mode = options.mode ?? 'frozen';
  const outputs = [{ format: format as AnalysisFormat, response: format !== 'table' && options.response }];
  if (options.outDir !== undefined) {
    outputs.push({ format: 'csv', response: false }, ...(options.response ? (['json', 'csv'] as const).map((f) => ({ format: f, response: true })) : []));
  }
  const budgets = analysisBudgets({ schedules, selections: selections(schedules, stages), frequencies: frequencies.length, mode, atSteps: uniqueSteps(atSteps), outputs });
  checkBudgets([budgets.time, budgets.output], options.force);

  const lr = schedules.some((s) => s.lr !== undefined);
  const makeWriter = (fmt: string, sink: TextSink, response: boolean): AnalysisWriter => {
    const wo: WriterOptions = { response, mode: options.mode ?? 'frozen', atSteps: atSteps.length > 0, ...(lr ? { lr } : {}) };
    if (fmt === 'json') return jsonWriter(sink, wo);
    if (fmt === 'ndjson') return ndjsonWriter(sink, wo);
    if (fmt === 'csv') return csvWriter(sink, wo);
    return tableWriter(sink, { color: outputColor(ctx, options.output), units: options.units as FrequencyUnit, transient: (options.mode ?? 'frozen') !== 'frozen', lr });
  };
  // Table needs no response arrays; everything else follows --no-response.
  const response = format === 'table' ? false : options.response;
  await writeOutput(ctx, options.output, (sink) => stream(schedules, [makeWriter(format, sink, response)], { ...options, stages, response }, frequencies, atSteps));

  // Each --out-dir file is its own pass over the stages. One pass feeding every file was measured
  // (review of 2026-11-25): recomputing the records costs ~20 ms, while interleaving three file
  // streams cost more in GC and drain waits, so the passes stay separate.
  if (options.outDir !== undefined) {
    await makeOutputDirectory(ctx, options.outDir);
    for (const { path, fmt, withResponse } of outDirFiles) {
      await writeOutput(ctx, path, (sink) =>
        stream(schedules, [makeWriter(fmt, sink, withResponse)], { ...options, stages, response: withResponse }, frequencies, atSteps),
      );
    }
  }
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

async function stream(schedules: Schedule[], writers: AnalysisWriter[], options: AnalyzeCliOptions & { stages: string }, frequencies: Float64Array, atSteps: number[]): Promise<void> {
  for (const w of writers) await w.begin();
  for (const schedule of schedules) {
    for (const w of writers) await w.schedule(scheduleHeader(schedule, frequencies));
    for (const record of stageRecords(schedule, { frequencies, stages: options.stages, response: options.response, mode: options.mode })) {
      for (const w of writers) await w.stage(record);
    }
    if (atSteps.length > 0 && writers.some((w) => w.atStep)) {
      for (const record of atStepRecordStream(schedule, frequencies, atSteps)) {
        for (const w of writers) await w.atStep?.(record);
      }
    }
    for (const w of writers) await w.endSchedule();
  }
  for (const w of writers) await w.end();
}

/** The stages --stages selects in each schedule; a usage error for a selection that does not fit one. */
function selections(schedules: Schedule[], spec: string): number[][] {
  return schedules.map((s) => {
    const sel = selectStages(spec, s.stages);
    if (!Array.isArray(sel)) throw new CliError(`--stages: ${sel.error} (schedule ${s.name})`);
    return sel;
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
