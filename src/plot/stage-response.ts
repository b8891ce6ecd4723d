import { frozenBankResponse } from '../filter/bank-response.js';
import { bankStageMetrics } from '../filter/bank-stage-metrics.js';
import { frozenResponse } from '../filter/frozen-response.js';
import { stageMetrics } from '../filter/metrics.js';
import { rationalMetrics } from '../filter/rational-metrics.js';
import { frozenRationalResponse } from '../filter/rational-response.js';
import type { FrequencyResponse, Schedule, StageMetrics } from '../types.js';

/**
 * Frozen response of stage k on `omega` (rad/sample), whatever the schedule's filter: the
 * first-order H_k = v/(1 − u·e^{−jω}), a filter bank (nesterov, qhm, aggmo, …) or a rational
 * transfer function — the same choice `analyze` makes.
 */
export function stageResponse(schedule: Schedule, k: number, omega: Float64Array): FrequencyResponse {
  if (schedule.rational) return frozenRationalResponse(schedule.rational, k, omega);
  if (schedule.bank) return frozenBankResponse(schedule.bank, k, omega);
  return frozenResponse(schedule.stages.u[k], schedule.stages.v[k], omega);
}

/** Metrics of stage k's frozen filter, as `analyze` reports them. */
export function stageMetricsOf(schedule: Schedule, k: number): StageMetrics {
  if (schedule.rational) return rationalMetrics(schedule.rational, k);
  if (schedule.bank) return bankStageMetrics(schedule.bank, k);
  return stageMetrics(schedule.stages.u[k], schedule.stages.v[k]);
}

/** True when (u, v) alone describe each stage (first-order momentum), so bins can average them. */
export function isFirstOrder(schedule: Schedule): boolean {
  return schedule.bank === undefined && schedule.rational === undefined;
}
