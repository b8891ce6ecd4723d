import { count, counted, COST_NS, overBudget, type BudgetIssue, type BudgetKnob } from '../schedule/budgets.js';
import type { Schedule } from '../types.js';
import { recordCount, type StageReport } from './display-stages.js';
import { exactResponsesSeconds, exactWalkSeconds } from './exact-cost.js';
import type { ResponseMode } from './exact-records.js';

/** The formats analyze writes (src/io/analysis-writer.ts writes them). */
export type AnalysisFormat = 'json' | 'ndjson' | 'csv' | 'table';

/** What one analysis will compute and write, known before anything is computed. */
export interface AnalysisPlan {
  schedules: readonly Schedule[];
  /** How each schedule's stages are reported (stageReport: real stages selected, or display stages). */
  reports: readonly StageReport[];
  frequencies: number;
  mode: ResponseMode;
  /** --at-steps, sorted and each once. */
  atSteps: readonly number[];
  /** Each output written (stdout, -o, every --out-dir file): its format and whether it has responses. */
  outputs: readonly { format: AnalysisFormat; response: boolean }[];
}

/**
 * Written bytes per stage-frequency of one response (frozen or exact), and per stage record without
 * responses, per format: measured on fsgdm-cifar100 (301 stages × 512 frequencies) and rounded up.
 * The table has a row of metrics per stage and no responses (126 bytes per row for adam-m).
 */
const BYTES_PER_POINT: Record<AnalysisFormat, number> = { json: 80, csv: 160, ndjson: 290, table: 0 };
const BYTES_PER_RECORD: Record<AnalysisFormat, number> = { json: 500, csv: 270, ndjson: 550, table: 150 };

/**
 * The budgets of an analysis, in the order a user meets them:
 *
 * - time: the exact walks (--mode exact|both up to the last reported stage, exactWalkSeconds, with the
 *   transient metrics of every record), the exact responses of display stages and of --at-steps
 *   (exactResponsesSeconds to reach them, COST_NS.exactResponseFrequency per point of each), and the
 *   metrics of every reported stage;
 * - output: the bytes written to every output, estimated from records × frequencies per format
 *   (BYTES_PER_POINT; the table's rows by BYTES_PER_RECORD), the --at-steps responses included
 *   whatever stages are selected. Only `force` lifts it, not an explicit stage selection.
 *
 * Nothing is held across stages or steps (both stream), so there is no memory budget here; analyze()
 * checks its own (analysisHeldBytes).
 */
export function analysisBudgets(plan: AnalysisPlan): { time?: BudgetIssue; output?: BudgetIssue } {
  const { schedules, reports, frequencies, mode, atSteps } = plan;
  let exact = false;
  let display = false;
  let seconds = 0;
  let walked = 0;
  let records = 0;
  let atStepRecords = 0;
  // Responses as written, in units of one response's points: with lr, 1.5 (the update view adds 2 numbers to H's 4).
  let responseCount = 0;
  let atStepResponses = 0;
  schedules.forEach((s, i) => {
    const report = reports[i];
    const count = recordCount(report);
    records += count;
    responseCount += count * (mode === 'both' ? 2 : 1) * updateFactor(s);
    atStepResponses += atSteps.length * updateFactor(s);
    seconds += (count * COST_NS.stageMetrics) / 1e9;
    if (report.display && mode !== 'frozen' && count > 0) {
      exact = true;
      display = true;
      walked += report.ends.length;
      seconds += exactResponsesSeconds(s, report.ends.map((k) => s.stages.endStep[k]), frequencies);
      seconds += (report.ends.length * frequencies * COST_NS.exactResponseFrequency) / 1e9;
    } else if (!report.display && (mode === 'exact' || mode === 'both') && count > 0) {
      exact = true;
      const last = s.stages.endStep[report.stages[count - 1]];
      walked += last;
      seconds += exactWalkSeconds(s, last, frequencies) + (count * frequencies * COST_NS.exactStageFrequency) / 1e9;
    }
    if (atSteps.length > 0) {
      walked += atSteps[atSteps.length - 1];
      atStepRecords += atSteps.length;
      seconds += exactResponsesSeconds(s, atSteps, frequencies) + (atSteps.length * frequencies * COST_NS.exactResponseFrequency) / 1e9;
    }
  });
  const reduce = (...knobs: (BudgetKnob | false)[]) => knobs.filter((k): k is BudgetKnob => k !== false);
  const walks = exact || atSteps.length > 0;
  const time = walks
    ? overBudget(
        'seconds',
        seconds,
        `the exact responses (${count(walked)} steps walked at ${frequencies} frequencies${exact ? `, ${counted(records, 'stage record')}` : ''})`,
        reduce('frequencies', 'steps', display && 'displayStages', exact && 'stageSelection', atSteps.length > 0 && 'atSteps'),
      )
    : overBudget('seconds', seconds, `the metrics of ${counted(records, 'stage')}`, ['stageSelection']);

  // Every format is counted (the table too), and --at-steps responses whatever stages are selected.
  let stageBytes = 0;
  let stepBytes = 0;
  for (const { format, response } of plan.outputs) {
    stageBytes += records * BYTES_PER_RECORD[format] + (response ? responseCount * frequencies * BYTES_PER_POINT[format] : 0);
    if (response) stepBytes += atStepResponses * frequencies * BYTES_PER_POINT[format];
  }
  const responses = plan.outputs.some((o) => o.response);
  const parts = [records > 0 || atStepRecords === 0 ? counted(records, 'stage record') : '', atStepRecords > 0 ? counted(atStepRecords, 'step response') : ''];
  const what = `the output (${parts.filter((p) => p !== '').join(' and ')}${responses ? ` × ${frequencies} frequencies` : ''})`;
  // The knobs of the larger part first; --no-response cannot go with --at-steps.
  const knobs =
    stepBytes > stageBytes
      ? reduce('atSteps', 'frequencies', records > 0 && 'stageSelection')
      : reduce(records > 0 && 'stageSelection', responses && 'frequencies', atStepRecords > 0 && 'atSteps', responses && records > 0 && atStepRecords === 0 && 'response');
  const output = overBudget('outputBytes', stageBytes + stepBytes, what, knobs);
  return { time, output };
}

/**
 * Bytes analyze() holds in its result: every reported stage's responses (4 float64 arrays per response
 * kind, 6 with the update view) and every --at-steps response, against BUDGETS.workingSetBytes.
 */
export function analysisHeldBytes(plan: Omit<AnalysisPlan, 'outputs'> & { response: boolean }): BudgetIssue | undefined {
  const records = plan.reports.reduce((n, r) => n + recordCount(r), 0);
  const kinds = plan.mode === 'both' ? 2 : 1;
  const responses = plan.schedules.reduce((n, s, i) => n + ((plan.response ? recordCount(plan.reports[i]) * kinds : 0) + plan.atSteps.length) * updateFactor(s), 0);
  const what = `responses of ${count(records)} stages${plan.atSteps.length > 0 ? ` and ${plan.atSteps.length} steps` : ''} × ${plan.frequencies} frequencies`;
  return overBudget('workingSetBytes', responses * plan.frequencies * 32, what, ['stageSelection', 'frequencies', 'atSteps', 'response']);
}

/** A response's size relative to H's 4 arrays: with a learning rate the update view adds magnitude and dB (6/4). */
function updateFactor(schedule: Schedule): number {
  return schedule.lr === undefined ? 1 : 1.5;
}
