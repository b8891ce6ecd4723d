import { linearGrid } from '../filter/grid.js';
import { effectiveLearningRate, updateResponse } from '../filter/update-response.js';
import { stageAt, stageMetricsOf, stageResponse } from '../filter/stage-filter.js';
import type { ParseOptions } from '../schedule/parse.js';
import type { AnalysisResult, AtStepRecord, Schedule, ScheduleResult, StageRecord } from '../types.js';
import { documentHeader } from '../tool.js';
import { checkAnalyzeOptions, schedulesOfInput, withJson, type AnalyzeInput } from './analyze-input.js';
import { atStepRecords, ExactStageSource, uniqueSteps, type ResponseMode } from './exact-records.js';
import { selectedStages } from './stage-selection.js';
import { OptionError } from '../schedule/issues.js';
import { assertWithinBudget } from '../schedule/budgets.js';
import { analysisHeldBytes } from './analysis-budget.js';

export type { ResponseMode } from './exact-records.js';

export interface AnalyzeOptions {
  /** Frequency grid in rad/sample (default: linearGrid(512), scipy's freqz with include_nyquist). */
  frequencies?: Float64Array;
  /** Which stages to report (see selectStages); default 'all', or 'none' when atSteps are given. */
  stages?: string;
  /** Compute the frequency response arrays (false: metrics only). Default true. */
  response?: boolean;
  /**
   * 'frozen' (default): per-stage LTI responses; 'exact': the exact time-variant response H(t, ω) at each
   * stage's last step (`responseExact`) and transient metrics; 'both': all of them.
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
  frequencies: Float64Array;
}

export function scheduleHeader(schedule: Schedule, frequencies: Float64Array): ScheduleHeader {
  return { name: schedule.name, source: schedule.source, steps: schedule.steps, stageCount: schedule.stages.count, frequencies };
}

/**
 * The stage records of one schedule, one at a time, so writers can stream any number of stages
 * in constant memory. Throws an OptionError for a bad stage selection.
 */
export function* stageRecords(schedule: Schedule, options: AnalyzeOptions = {}): Generator<StageRecord> {
  const frequencies = options.frequencies ?? linearGrid(512);
  const selected = selectedStages(options.stages ?? 'all', schedule);
  if ('issue' in selected) throw new OptionError([selected.issue]);
  const mode = options.mode ?? 'frozen';
  const exact = mode === 'frozen' ? undefined : new ExactStageSource(schedule, frequencies);
  const withResponse = options.response !== false;
  for (const i of selected) {
    const stage = stageAt(schedule, i);
    const lr = schedule.lr?.[i];
    const metrics = stageMetricsOf(schedule, i);
    // Without lr the record is what it always was (no keys added), so outputs stay byte-identical.
    const record: StageRecord = lr === undefined ? { ...stage, metrics } : { ...stage, lr, metrics: { ...metrics, effectiveLearningRate: effectiveLearningRate(lr, metrics.dcGain) } };
    if (withResponse && mode !== 'exact') {
      record.response = stageResponse(schedule, i, frequencies);
      if (lr !== undefined) record.updateResponse = updateResponse(record.response, lr);
    }
    if (exact) {
      Object.assign(record, exact.stage(i, withResponse));
      if (lr !== undefined && record.responseExact) record.updateResponseExact = updateResponse(record.responseExact, lr);
    }
    yield record;
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
  const stages = options.stages ?? (options.atSteps && options.atSteps.length > 0 ? 'none' : 'all');
  const selections = schedules.map((s) => {
    const selected = selectedStages(stages, s);
    if ('issue' in selected) throw new OptionError([selected.issue]);
    return selected;
  });
  const atSteps = uniqueSteps(options.atSteps ?? []);
  const response = options.response !== false;
  assertWithinBudget([analysisHeldBytes({ schedules, selections, frequencies: frequencies.length, mode: options.mode ?? 'frozen', atSteps, response })]);
  const results: ScheduleResult[] = schedules.map((schedule) => {
    const result: ScheduleResult = {
      ...scheduleHeader(schedule, frequencies),
      stages: [...stageRecords(schedule, { ...options, stages, frequencies })],
    };
    if (options.atSteps && options.atSteps.length > 0) result.atSteps = atStepsOf(schedule, { ...options, frequencies });
    return result;
  });
  return withJson({ ...documentHeader(), schedules: results, ...(warnings.length > 0 ? { warnings } : {}) });
}
