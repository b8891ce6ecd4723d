import { frozenBankComplex } from '../filter/bank-response.js';
import { frozenMagnitude } from '../filter/frozen-response.js';
import { frozenRationalComplex } from '../filter/rational-response.js';
import type { Schedule } from '../types.js';

/**
 * |H_k(e^{jω})| of stage k's frozen filter at each ω (rad/sample): v/(1 − u·e^{−jω}) for
 * first-order momentum, c0 + Σ_i c_i·v_i/(1 − u_i·e^{−jω}) for a filter bank, B/A for a
 * rational schedule (the same formulas as `analyze`, src/filter).
 */
export function stageGain(schedule: Schedule, k: number, omega: Float64Array): Float64Array {
  if (schedule.rational || schedule.bank) {
    const h = schedule.rational ? frozenRationalComplex(schedule.rational, k, omega) : frozenBankComplex(schedule.bank!, k, omega);
    return Float64Array.from(omega, (_, f) => Math.hypot(h.re[f], h.im[f]));
  }
  const u = schedule.stages.u[k], v = schedule.stages.v[k];
  return omega.map((w) => frozenMagnitude(u, v, w));
}
