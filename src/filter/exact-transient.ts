import type { BankTable, TransientMetrics } from '../types.js';
import { branchFrozen } from './bank-response.js';
import type { ComplexResponse } from './complex-response.js';

/** Relative distance from the frozen response within which a stage counts as settled (1 %). */
export const SETTLING_TOLERANCE = 0.01;

/**
 * settlingSteps of stage k, in closed form. From the stage's entry state H_i(e) (e = the step before the
 * stage, or step 1 after a first-step copy), n steps later
 *
 *   H(e + n) − H_k = Σ_i c_i·z_i^n·(H_i(e) − H∞_i),   so   |H(e + n) − H_k| ≤ Σ_i |c_i|·|u_i|^n·|Δ_i|.
 *
 * The bound is exact for one branch and decreases in n for |u_i| ≤ 1, so "within 1 % of |H_k(ω)| at every
 * grid frequency from then on" holds from the smallest n where the bound passes; found by bisection on n,
 * where |u_i|^n is shared by all frequencies. No stepping. Reported as (e − startStep + 1) + n, i.e. the
 * count of stage steps up to and including the first settled one (0: settled on entry); null if the
 * stage ends first (or H_k(ω) = 0 somewhere the entry state differs from it).
 *
 * Parameters: entry branch states (re, im, branch-major like ExactResponseWalker), the entry offset
 * (0 or 1), the stage length in steps, and the frozen response of the stage.
 */
export function settlingSteps(
  bank: BankTable,
  k: number,
  omega: Float64Array,
  entry: { hr: Float64Array; hi: Float64Array },
  offset: number,
  length: number,
  frozen: ComplexResponse,
): number | null {
  const n = omega.length;
  const B = bank.branches;
  const weight = new Float64Array(B * n);
  const target = new Float64Array(n);
  const absU = new Float64Array(B);
  for (let f = 0; f < n; f++) target[f] = SETTLING_TOLERANCE * Math.hypot(frozen.re[f], frozen.im[f]);
  for (let i = 0; i < B; i++) {
    const u = bank.u[k * B + i];
    const v = bank.v[k * B + i];
    const c = Math.abs(bank.c[k * B + i]);
    absU[i] = Math.abs(u);
    if (c === 0) continue;
    for (let f = 0; f < n; f++) {
      const [ir, ii] = branchFrozen(u, v, omega[f]);
      weight[i * n + f] = c * Math.hypot(entry.hr[i * n + f] - ir, entry.hi[i * n + f] - ii);
    }
  }
  const settledAfter = (m: number): boolean => {
    const powers = Array.from(absU, (a) => Math.pow(a, m));
    for (let f = 0; f < n; f++) {
      let bound = 0;
      for (let i = 0; i < B; i++) bound += weight[i * n + f] * powers[i];
      if (!(bound <= target[f])) return false;
    }
    return true;
  };
  const remaining = length - offset;
  if (settledAfter(0)) return offset;
  if (remaining < 1 || !settledAfter(remaining)) return null;
  let lo = 0;
  let hi = remaining;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (settledAfter(mid)) hi = mid;
    else lo = mid;
  }
  return offset + hi;
}

/** max over the grid of |20·log10|exact| − 20·log10|frozen||, dB; null if either vanishes somewhere. */
export function maxDeviationDb(exact: ComplexResponse, frozen: ComplexResponse): number | null {
  let worst = 0;
  for (let f = 0; f < exact.re.length; f++) {
    const d = Math.abs(20 * Math.log10(Math.hypot(exact.re[f], exact.im[f]) / Math.hypot(frozen.re[f], frozen.im[f])));
    if (!Number.isFinite(d)) return null;
    if (d > worst) worst = d;
  }
  return worst;
}

export function transientMetrics(settling: number | null, deviation: number | null): TransientMetrics {
  return { settlingSteps: settling, maxDeviationDb: deviation };
}
