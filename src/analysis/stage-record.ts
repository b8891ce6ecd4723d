import { stageMetricsOf, stageResponse } from '../filter/stage-filter.js';
import { effectiveLearningRate, updateResponse } from '../filter/update-response.js';
import type { FrequencyResponse, Schedule, Stage, StageRecord, TransientMetrics } from '../types.js';

/** The exact side of a record: transient metrics and, if asked, H(t, ω) at its last step. */
export interface ExactSide {
  transient: TransientMetrics;
  responseExact?: FrequencyResponse;
}

/**
 * The record of real stage k reported as `base` (stageAt's fields, or a display stage's): the frozen
 * metrics of stage k, its frozen response when `frozen`, the exact side when given, and with the
 * schedule's learning rate α_k the update view: `lr`, `metrics.effectiveLearningRate`, `updateResponse`
 * after `response`, `updateResponseExact` after `responseExact` (update-response.ts). The key order is
 * the JSON writer's; without lr no key is added. ω in rad/sample.
 */
export function stageRecord(schedule: Schedule, k: number, base: Stage & { lr?: number }, frequencies: Float64Array, frozen: boolean, exact?: ExactSide): StageRecord {
  const lr = schedule.lr?.[k];
  const metrics = stageMetricsOf(schedule, k);
  // A display stage's base holds lr already: spreading keeps its place (after v) and its value.
  const record: StageRecord = lr === undefined ? { ...base, metrics } : { ...base, lr, metrics: { ...metrics, effectiveLearningRate: effectiveLearningRate(lr, metrics.dcGain) } };
  if (frozen) {
    record.response = stageResponse(schedule, k, frequencies);
    if (lr !== undefined) record.updateResponse = updateResponse(record.response, lr);
  }
  if (exact) {
    Object.assign(record, exact);
    if (lr !== undefined && record.responseExact) record.updateResponseExact = updateResponse(record.responseExact, lr);
  }
  return record;
}
