import { frozenBankComplex, frozenBankResponse } from './bank-response.js';
import { bankStageMetrics } from './bank-stage-metrics.js';
import type { ComplexResponse } from './complex-response.js';
import { frozenMagnitude, frozenMagnitudeSquared, frozenResponse } from './frozen-response.js';
import { stageMetrics } from './metrics.js';
import { largestRootModulus } from './polynomial-roots.js';
import { rationalMetrics } from './rational-metrics.js';
import { frozenRationalComplex, frozenRationalResponse } from './rational-response.js';
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

/** H_k(e^{jω}) of a bank or rational stage as re, im; undefined for first-order (closed forms below). */
function stageComplex(schedule: StageFilter, k: number, omega: Float64Array): ComplexResponse | undefined {
  if (schedule.rational) return frozenRationalComplex(schedule.rational, k, omega);
  if (schedule.bank) return frozenBankComplex(schedule.bank, k, omega);
  return undefined;
}

/**
 * |H_k(e^{jω})| of stage k's frozen filter at each ω (rad/sample), into `out` (default: a new array):
 * v/(1 − u·e^{−jω}) for first-order momentum, c0 + Σ_i c_i·v_i/(1 − u_i·e^{−jω}) for a filter bank,
 * B/A for a rational stage. Bit for bit stageResponse's magnitude.
 */
export function stageMagnitude(schedule: StageFilter, k: number, omega: Float64Array, out = new Float64Array(omega.length)): Float64Array {
  const h = stageComplex(schedule, k, omega);
  if (h) {
    for (let f = 0; f < omega.length; f++) out[f] = Math.hypot(h.re[f], h.im[f]);
    return out;
  }
  const u = schedule.stages.u[k], v = schedule.stages.v[k];
  for (let f = 0; f < omega.length; f++) out[f] = frozenMagnitude(u, v, omega[f]);
  return out;
}

/** |H_k(e^{jω})|², the power gain (first order: v²/D(ω) without the square root). */
export function stageMagnitudeSquared(schedule: StageFilter, k: number, omega: Float64Array): Float64Array {
  const h = stageComplex(schedule, k, omega);
  if (h) return Float64Array.from(omega, (_, f) => h.re[f] * h.re[f] + h.im[f] * h.im[f]);
  const u = schedule.stages.u[k], v = schedule.stages.v[k];
  return omega.map((w) => frozenMagnitudeSquared(u, v, w));
}

/**
 * The largest pole modulus of stage k: |u| for first order, the largest |u_i| of the bank's branches
 * that reach the output (c_i·v_i ≠ 0), the largest |root| of A for a rational stage. It sets the
 * slowest time constant, and the lowest frequency where the response still changes (≈ 1 − ρ).
 */
export function stagePoleRadius(schedule: StageFilter, k: number): number {
  if (schedule.rational) {
    const { a, na } = schedule.rational;
    return largestRootModulus(a.subarray(k * na, (k + 1) * na));
  }
  if (schedule.bank) {
    const { branches: B, c, u, v } = schedule.bank;
    let radius = 0;
    for (let i = k * B; i < (k + 1) * B; i++) if (c[i] * v[i] !== 0) radius = Math.max(radius, Math.abs(u[i]));
    return radius;
  }
  return Math.abs(schedule.stages.u[k]);
}
