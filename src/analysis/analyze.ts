import { linearGrid } from '../filter/grid.js';
import { stageAt } from '../filter/stage-filter.js';
import type { ParseOptions } from '../schedule/parse.js';
import type { AnalysisResult, AtStepRecord, Schedule, ScheduleResult, StageRecord } from '../types.js';
import { documentHeader } from '../tool.js';
import { checkAnalyzeOptions, schedulesOfInput, withJson, type AnalyzeInput } from './analyze-input.js';
import { atStepRecords, ExactStageSource, uniqueSteps, type ResponseMode } from './exact-records.js';
import { DEFAULT_DISPLAY_STAGES, displayRecords, stageReport, type StageReport } from './display-stages.js';
import { OptionError } from '../schedule/issues.js';
import { assertWithinBudget } from '../schedule/budgets.js';
import { analysisHeldBytes } from './analysis-budget.js';
import { scheduleSummary, summaryOf } from './schedule-summary.js';
import { stageRecord } from './stage-record.js';

export type { ResponseMode } from './exact-records.js';

export interface AnalyzeOptions {
  /** Frequency grid in rad/sample (default: linearGrid(512), scipy's freqz with include_nyquist). */
  frequencies?: Float64Array;
  /**
   * Which stages to report: 'auto' (default; 'none' when atSteps are given): every stage of a schedule
   * with at most 1 000 of them, `displayStages` display stages above (display-stages.ts); or a selection
   * (selectStages: 'all' is every real stage).
   */
  stages?: string;
  /** How many display stages `stages: 'auto'` reports a schedule of more than 1 000 stages as (default 256). */
  displayStages?: number;
  /** Compute the frequency response arrays (false: metrics only). Default true. */
  response?: boolean;
  /**
   * 'frozen': per-stage LTI responses; 'exact': the exact time-variant response H(t, ω) at each stage's
   * last step (`responseExact`) and transient metrics; 'both': all of them; 'auto' (default): frozen for
   * real stages, exact for display stages.
   */
  mode?: ResponseMode;
  /** Steps at which to report the exact response as well (`atSteps` of each schedule). */
  atSteps?: number[];
}

/** The header of one schedule's result, before its stages. */
export interface ScheduleHeader {
  name: string;
  source: string;
  steps: number;
  stageCount: number;
  /** Present when the stages are reported as display stages: how many. */
  display?: { stages: number };
  frequencies: Float64Array;
  /**
   * The schedule in words (scheduleSummary), when known before its stages: a writer whose stages do not
   * cover the schedule is given it; one that sees every stage may build it as they pass (SummaryBuilder).
   */
  summary?: string[];
}

/** A schedule's header; with a display report (stageReportOf), the number of display stages too. */
export function scheduleHeader(schedule: Schedule, frequencies: Float64Array, report?: StageReport): ScheduleHeader {
  const display = report?.display ? { display: { stages: report.ends.length } } : {};
  return { name: schedule.name, source: schedule.source, steps: schedule.steps, stageCount: schedule.stages.count, ...display, frequencies };
}

/** Whether a report's records cover the whole schedule in order: every stage, or display stages. */
export function coversSchedule(report: StageReport, schedule: Schedule): boolean {
  return report.display || report.stages.length === schedule.stages.count;
}

/** How `options.stages` reports `schedule` (stageReport); throws an OptionError for a bad selection. */
export function stageReportOf(schedule: Schedule, options: Pick<AnalyzeOptions, 'stages' | 'displayStages'> = {}): StageReport {
  const report = stageReport(schedule, options.stages ?? 'auto', options.displayStages ?? DEFAULT_DISPLAY_STAGES);
  if ('issue' in report) throw new OptionError([report.issue]);
  return report;
}

/**
 * The stage records of one schedule, one at a time, so writers can stream any number of stages
 * in constant memory. Throws an OptionError for a bad stage selection.
 */
export function* stageRecords(schedule: Schedule, options: AnalyzeOptions = {}): Generator<StageRecord> {
  yield* reportRecords(schedule, stageReportOf(schedule, options), options);
}

/** stageRecords of a report already made (stageReportOf), for callers that planned with it. */
export function* reportRecords(schedule: Schedule, report: StageReport, options: AnalyzeOptions = {}): Generator<StageRecord> {
  const frequencies = options.frequencies ?? linearGrid(512);
  const withResponse = options.response !== false;
  if (report.display) {
    yield* displayRecords(schedule, report.ends, frequencies, options.mode ?? 'auto', withResponse);
    return;
  }
  const mode = options.mode === undefined || options.mode === 'auto' ? 'frozen' : options.mode;
  const exact = mode === 'frozen' ? undefined : new ExactStageSource(schedule, frequencies);
  for (const i of report.stages) {
    yield stageRecord(schedule, i, stageAt(schedule, i), frequencies, withResponse && mode !== 'exact', exact?.stage(i, withResponse));
  }
}

/** Exact responses at the steps in options.atSteps (empty without them). */
export function atStepsOf(schedule: Schedule, options: AnalyzeOptions = {}): AtStepRecord[] {
  if (!options.atSteps || options.atSteps.length === 0) return [];
  return atStepRecords(schedule, options.frequencies ?? linearGrid(512), options.atSteps);
}

/**
 * Analyse schedules, config text or a config object in memory: per-stage metrics and responses.
 *
 *   analyze(await readFile('configs/fsgdm-cifar100.yaml', 'utf8'))
 *   analyze({ steps: 1000, stages: 10, momentum: { preset: 'ema-sgdm', beta: 0.9 } })
 *   analyze(schedules, { stages: 'first,last', response: false })
 *
 * Bad input throws only typed errors: a config with problems a ConfigError carrying every issue
 * (code, key path, message, received value; line:col for text), bad options an OptionError (a
 * ConfigError too). A result that would not fit in BUDGETS.workingSetBytes (all its responses are
 * held in memory) throws a BudgetError before anything is computed: use stageRecords and
 * atStepRecordStream to stream larger analyses. The config's warnings are in `result.warnings`;
 * `JSON.stringify(result)` gives the CLI's JSON document.
 */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions & ParseOptions = {}): AnalysisResult {
  const { schedules, warnings } = schedulesOfInput(input, options);
  checkAnalyzeOptions(schedules, options);
  const frequencies = options.frequencies ?? linearGrid(512);
  // As the CLI: with atSteps, the stages are reported only when asked for.
  const stages = options.stages ?? (options.atSteps && options.atSteps.length > 0 ? 'none' : 'auto');
  const reports = schedules.map((s) => stageReportOf(s, { ...options, stages }));
  const atSteps = uniqueSteps(options.atSteps ?? []);
  const response = options.response !== false;
  assertWithinBudget([analysisHeldBytes({ schedules, reports, frequencies: frequencies.length, mode: options.mode ?? 'auto', atSteps, response })]);
  const results: ScheduleResult[] = schedules.map((schedule, i) => {
    const records = [...reportRecords(schedule, reports[i], { ...options, frequencies })];
    return {
      ...scheduleHeader(schedule, frequencies, reports[i]),
      stages: records,
      ...(options.atSteps && options.atSteps.length > 0 ? { atSteps: atStepsOf(schedule, { ...options, frequencies }) } : {}),
      // Last, where the JSON writer streams it. Records that cover the schedule (every stage, or display
      // stages) are what the summary reads; a selection does not, so the summary is built apart.
      summary: coversSchedule(reports[i], schedule) ? scheduleSummary(records, schedule) : summaryOf(schedule),
    };
  });
  return withJson({ ...documentHeader(), schedules: results, ...(warnings.length > 0 ? { warnings } : {}) });
}
