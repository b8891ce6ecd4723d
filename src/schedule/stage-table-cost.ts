import { count, overBudget, type BudgetIssue, type BudgetKnob } from './budgets.js';
import { LIMITS } from './limits.js';
import { PRESETS } from './presets/index.js';
import { extraStageBytes, ownStageCount, scheduledKeys } from './presets/preset.js';
import { isScheduler, isTable, readsStep, type ScheduleValueConfig } from './schedule-value.js';
import type { ScheduleConfig } from './schema.js';

/** Bytes of one stage in the stage table: u, v, first and last step, float64 each. */
const TABLE_BYTES = 32;
/** Bytes of a stage's learning rate, when the config gives one. */
const LR_BYTES = 8;

/**
 * Whether resolveSchedule evaluates the config's values at every step: no `stages`/`stageLength`,
 * and the learning rate, a custom u or v, or the preset reads the step (docs/config.md).
 */
export function evaluatesPerStep(config: ScheduleConfig): boolean {
  if (config.stages !== undefined || config.stageLength !== undefined) return false;
  if (readsStep(config.lr)) return true;
  const { momentum } = config;
  if (momentum.preset === undefined) return readsStep(momentum.custom.u) || readsStep(momentum.custom.v);
  const preset = PRESETS.get(momentum.preset);
  if (!preset) return false;
  const params = momentum.params as Record<string, unknown>;
  // A scheduled parameter given as a schedule reads the step like any value.
  const scheduledReads = scheduledKeys(preset, params).some((key) => readsStep(params[key] as ScheduleValueConfig));
  return scheduledReads || (preset.stepDependent?.(params as never) ?? false);
}

/** The config's values that may be schedules: lr, custom u and v, a preset's parameters. */
function valuesOf(config: ScheduleConfig): unknown[] {
  const { momentum } = config;
  const own = momentum.preset === undefined ? [momentum.custom.u, momentum.custom.v] : Object.values(momentum.params);
  return [config.lr, ...own];
}

/**
 * Stages and bytes of a validated config's stage table (with its bank or rational rows), computed from
 * the config alone, before anything is allocated: the partition rule of resolveSchedule (stageLength,
 * else stages, default 1) or the preset's own (fsgdm, adam-m, ademamix).
 */
export function stageTableCost(config: ScheduleConfig): { stages: number; bytes: number } {
  const { momentum } = config;
  const preset = momentum.preset === undefined ? undefined : PRESETS.get(momentum.preset);
  const params = (momentum.preset === undefined ? {} : momentum.params) as never;
  let stages: number;
  const own = preset && ownStageCount(preset, params, config.steps, config.stages ?? preset.defaults.stages);
  if (own !== undefined) stages = own;
  else if (config.stageLength !== undefined) stages = Math.ceil(config.steps / config.stageLength);
  else stages = config.stages ?? 1;
  // Per step, stages are runs of equal values: at most one per step (the bound, checked before allocation);
  // a scheduler or a table is per step whatever the partition.
  if (evaluatesPerStep(config) || valuesOf(config).some((v) => isScheduler(v) || isTable(v))) stages = Math.max(stages, config.steps);
  const extra = (preset ? extraStageBytes(preset, params) : 0) + (config.lr === undefined ? 0 : LR_BYTES);
  return { stages, bytes: stages * (TABLE_BYTES + extra) };
}

/**
 * What makes a config's stage table smaller: fewer steps when there is a stage per step (adam-m,
 * stageLength: 1), fewer stages when `stages:` fixes their count (fewer steps leave it as it is),
 * either when stageLength (or a preset's rule) derives the count from the steps.
 */
export function stageKnobs(config: ScheduleConfig): BudgetKnob[] {
  const stages = stageTableCost(config).stages;
  const fewerSteps = stageTableCost({ ...config, steps: Math.max(1, Math.floor(config.steps / 2)) }).stages;
  if (fewerSteps === stages) return ['stageCount'];
  return stages === config.steps ? ['steps'] : ['stageCount', 'steps'];
}

/**
 * The stage tables of all these schedules together against BUDGETS.stageTableBytes. A schedule over
 * LIMITS.maxStages on its own is left to resolveSchedule, which refuses it with the key to change.
 */
export function stageTablesOverBudget(configs: readonly ScheduleConfig[]): BudgetIssue | undefined {
  let schedules = 0;
  let stages = 0;
  let bytes = 0;
  for (const c of configs) {
    const cost = stageTableCost(c);
    if (cost.stages > LIMITS.maxStages) continue;
    schedules++;
    stages += cost.stages;
    bytes += cost.bytes;
  }
  const what = schedules === 1 ? `a schedule of ${count(stages)} stages` : `${schedules} schedules of ${count(stages)} stages in all`;
  const knobs = new Set(configs.flatMap(stageKnobs));
  const reduce: BudgetKnob[] = (['stageCount', 'steps'] as const).filter((k) => knobs.has(k));
  if (schedules > 1) reduce.push('schedules');
  return overBudget('stageTableBytes', bytes, what, reduce);
}
