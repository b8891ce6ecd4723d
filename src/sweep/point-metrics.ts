import { frozenBankResponse } from '../filter/bank-response.js';
import { frozenMagnitude } from '../filter/frozen-response.js';
import type { StageFilter } from '../filter/stage-filter.js';

/** |H_k(e^{jω})| at each ω of `omegas` (rad/sample), written into `out`. */
export function pointStageMagnitudes(point: StageFilter, k: number, omegas: Float64Array, out: Float64Array): Float64Array {
  if (omegas.length === 0) return out;
  if (point.bank) {
    out.set(frozenBankResponse(point.bank, k, omegas).magnitude);
    return out;
  }
  const u = point.stages.u[k];
  const v = point.stages.v[k];
  for (let i = 0; i < omegas.length; i++) out[i] = frozenMagnitude(u, v, omegas[i]);
  return out;
}
