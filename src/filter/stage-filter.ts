import { frozenBankResponse } from './bank-response.js';
import { bankStageMetrics } from './bank-stage-metrics.js';
import { frozenResponse } from './frozen-response.js';
import { stageMetrics } from './metrics.js';
import { rationalMetrics } from './rational-metrics.js';
import { frozenRationalResponse } from './rational-response.js';
import type { FrequencyResponse, Schedule, StageMetrics } from '../types.js';

/** What decides a stage's filter: its (u, v), and the bank or rational form when there is one. */
export type StageFilter = Pick<Schedule, 'stages' | 'bank' | 'rational'>;

/**
 * Frozen response of stage k on `omega` (rad/sample), whatever the schedule's filter: the
 * first-order H_k = v/(1 − u·e^{−jω}), a filter bank (nesterov, qhm, aggmo, …) or a rational
 * transfer function. analyze, plot and the rest all go through here.
 */
export function stageResponse(schedule: StageFilter, k: number, omega: Float64Array): FrequencyResponse {
  if (schedule.rational) return frozenRationalResponse(schedule.rational, k, omega);
  if (schedule.bank) return frozenBankResponse(schedule.bank, k, omega);
  return frozenResponse(schedule.stages.u[k], schedule.stages.v[k], omega);
}

/** Metrics of stage k's frozen filter, as `analyze` reports them. */
export function stageMetricsOf(schedule: StageFilter, k: number): StageMetrics {
  if (schedule.rational) return rationalMetrics(schedule.rational, k);
  if (schedule.bank) return bankStageMetrics(schedule.bank, k);
  return stageMetrics(schedule.stages.u[k], schedule.stages.v[k]);
}

/** True when (u, v) alone describe each stage (first-order momentum), so bins can average them. */
export function isFirstOrder(schedule: StageFilter): boolean {
  return schedule.bank === undefined && schedule.rational === undefined;
}
