import type { BankTable, FrequencyResponse } from '../types.js';
import { bankZeros, bankZerosGroupDelay } from './bank-zeros.js';
import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from './complex-response.js';

/**
 * One first-order branch's frozen response H(ω) = v/(1 − z), z = u·e^{−jω}, and H′ = dH/dω = −j·H·z/(1 − z),
 * into (re, im, dre, dim). 1 − z = a + jb with a = 1 − u·cos ω written as (1 − u) + 2u·sin²(ω/2) (no
 * cancellation as u → 1, ω → 0), b = u·sin ω, |1 − z|² = denominatorPower(u, ω) (frozen-response.ts).
 */
export function branchFrozen(u: number, v: number, omega: number): [number, number, number, number] {
  const out = SCRATCH;
  branchFrozenAt(u, v, Math.sin(omega), Math.cos(omega), u >= 0 ? Math.sin(omega / 2) : Math.cos(omega / 2), out);
  return [out[0], out[1], out[2], out[3]];
}

const SCRATCH = new Float64Array(6);

/**
 * branchFrozen from the frequency's sin ω, cos ω and `half` = sin(ω/2) for u ≥ 0, cos(ω/2) for u < 0 (for
 * callers that keep them per grid point), with H″ = −vz(1 + z)/(1 − z)³ = −j·H′·(1 + 2q), q = z/(1 − z):
 * out = [Re H, Im H, Re H′, Im H′, Re H″, Im H″].
 */
export function branchFrozenAt(u: number, v: number, sin: number, cos: number, half: number, out: Float64Array): void {
  // a = 1 − u·cos ω and d = |1 − z|² as denominatorReal and denominatorPower (frozen-response.ts) form them
  const base = u >= 0 ? 1 - u : 1 + u;
  const a = u >= 0 ? base + 2 * u * half * half : base - 2 * u * half * half;
  const d = u >= 0 ? base * base + 4 * u * half * half : base * base - 4 * u * half * half;
  const b = u * sin;
  const hr = (v * a) / d;
  const hi = (-v * b) / d;
  // q = z/(1 − z) = u(cos − j sin)(a − jb)/d
  const zr = u * cos;
  const zi = -u * sin;
  const qr = (zr * a + zi * b) / d;
  const qi = (zi * a - zr * b) / d;
  // H′ = −j·H·q
  const pr = hr * qr - hi * qi;
  const pi = hr * qi + hi * qr;
  const h1r = pi;
  const h1i = -pr;
  // H″ = −j·H′·w, w = 1 + 2q
  const wr = 1 + 2 * qr;
  const wi = 2 * qi;
  out[0] = hr;
  out[1] = hi;
  out[2] = h1r;
  out[3] = h1i;
  out[4] = h1r * wi + h1i * wr;
  out[5] = -(h1r * wr - h1i * wi);
}

/**
 * Frozen (LTI) response of stage k of a filter bank:
 *
 *   H_k(e^{jω}) = c0 + Σ_i c_i·v_i / (1 − u_i·e^{−jω})
 *
 * with dH/dω for the group delay. Parameters: bank, stage index k, ω grid in rad/sample.
 */
export function frozenBankComplex(bank: BankTable, k: number, omega: Float64Array, out: ComplexResponse = emptyComplexResponse(omega.length)): ComplexResponse {
  const B = bank.branches;
  const c0 = bank.c0[k];
  for (let f = 0; f < omega.length; f++) {
    let re = c0;
    let im = 0;
    let dre = 0;
    let dim = 0;
    for (let i = 0; i < B; i++) {
      const c = bank.c[k * B + i];
      if (c === 0) continue;
      const [hr, hi, dr, di] = branchFrozen(bank.u[k * B + i], bank.v[k * B + i], omega[f]);
      re += c * hr;
      im += c * hi;
      dre += c * dr;
      dim += c * di;
    }
    out.re[f] = re;
    out.im[f] = im;
    out.dre[f] = dre;
    out.dim[f] = dim;
  }
  return out;
}

/**
 * Frozen response of stage k of a bank as magnitude, dB, unwrapped phase and group delay (steps). Where
 * the stage has zeros on the unit circle, τ comes from its zeros and poles instead (bankZeros: ½ step per
 * unit-circle zero, the continuous value at the zero itself).
 */
export function frozenBankResponse(bank: BankTable, k: number, omega: Float64Array): FrequencyResponse {
  const response = responseFromComplex(frozenBankComplex(bank, k, omega));
  const zeros = bankZeros(bank, k);
  if (zeros) for (let f = 0; f < omega.length; f++) response.groupDelay[f] = bankZerosGroupDelay(zeros, omega[f]);
  return response;
}
