import { counted, COST_NS, overBudget, type BudgetIssue } from '../schedule/budgets.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import { stageKnobs, stageTableCost } from '../schedule/stage-table-cost.js';
import { axisLength, axisValue } from './axis-value.js';
import { sweepColumns, jobSize, type SweepJob } from './sweep-job.js';

/** Written bytes per cell of a sweep row: 212 bytes per 21-column ema-sgdm row (integers, flags, doubles). */
const BYTES_PER_CELL = 11;

/** Keys whose value changes the number of stages from point to point. */
const PARTITION_KEYS = new Set(['steps', 'stages', 'stageLength']);

/**
 * The budgets of a sweep: every point re-resolves its stage table (stages × COST_NS.expressionStage for
 * custom expressions, COST_NS.presetStage for presets) and writes a row per picked stage
 * (COST_NS.sweepRow), spread over `threads`; the output is rows × columns. The stage count is the base
 * schedule's, or the largest at the ends of swept steps/stages/stageLength axes. Both are time and
 * output budgets: --force lifts them.
 */
export function sweepBudgets(job: SweepJob, base: { stages: number; picked: number }, threads: number): { time?: BudgetIssue; output?: BudgetIssue } {
  const points = jobSize(job);
  const stages = Math.max(base.stages, largestStageCount(job));
  const perStage = job.config.momentum.preset === undefined ? COST_NS.expressionStage : COST_NS.presetStage;
  const rows = points * Math.max(1, base.picked);
  const seconds = (points * stages * perStage + rows * COST_NS.sweepRow) / 1e9 / Math.max(1, threads);
  const what = `the sweep (${counted(points, 'point')} of ${counted(stages, 'stage')})`;
  const time = overBudget('seconds', seconds, what, stages > 1 ? ['points', 'stageCount'] : ['points']);
  const bytes = rows * sweepColumns(job).length * BYTES_PER_CELL * (job.format === 'csv' ? 1 : 2);
  const output = overBudget('outputBytes', bytes, `the output (${counted(rows, 'row')})`, ['points', 'stageSelection']);
  return { time, output };
}

/** Stages at the ends of the axes that change the partition (0 when none does). */
function largestStageCount(job: SweepJob): number {
  const axes = job.axes.filter((a) => a.configPath.length === 1 && PARTITION_KEYS.has(String(a.configPath[0])));
  let largest = 0;
  for (let corner = 0; corner < 1 << axes.length; corner++) {
    const config = { ...job.config } as ScheduleConfig & Record<string, unknown>;
    axes.forEach((a, i) => {
      const n = axisLength(a.spec);
      config[String(a.configPath[0])] = axisValue(a.spec, (corner >> i) & 1 ? n - 1 : 0);
    });
    if (config.stages !== undefined && config.stageLength !== undefined) continue;
    largest = Math.max(largest, stageTableCost(config).stages);
  }
  return largest;
}

/**
 * Evaluations a tune is planned with: the 64-point scan of --range (or the step-out from the current
 * value, usually fewer) and Brent's method to full precision (rarely more than ~100 steps; it stops at 200).
 */
export const TUNE_EVALUATIONS = 300;

/** The time budget of a tune: TUNE_EVALUATIONS re-resolutions of the stage table (as a sweep point each). */
export function tuneBudget(config: ScheduleConfig, stages: number): BudgetIssue | undefined {
  const perStage = config.momentum.preset === undefined ? COST_NS.expressionStage : COST_NS.presetStage;
  const seconds = (TUNE_EVALUATIONS * (stages * perStage + COST_NS.stageMetrics)) / 1e9;
  return overBudget('seconds', seconds, `tuning (about ${TUNE_EVALUATIONS} evaluations of ${counted(stages, 'stage')})`, stageKnobs(config));
}
