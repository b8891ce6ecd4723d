import type { BankTable } from '../types.js';
import { firstOrderGroupDelay } from './frozen-response.js';
import { splitUnitCircleZeros, zerosGroupDelay, type UnitCircleSplit } from './unit-circle-zeros.js';

/** A bank stage written as N(z⁻¹)/Π_i(1 − u_i z⁻¹), with the unit-circle zeros of N split off. */
export interface BankZeros {
  split: UnitCircleSplit;
  /** u_i of the branches in use (c_i·v_i ≠ 0), one pole each. */
  poles: number[];
}

/**
 * Stage k of a bank, H(z) = c0 + Σ_i a_i/(1 − u_i z⁻¹) with a_i = c_i·v_i, over a common denominator:
 *
 *   N(z⁻¹) = c0·Π_i (1 − u_i z⁻¹) + Σ_i a_i·Π_{l≠i} (1 − u_l z⁻¹)
 *
 * with N's zeros on the unit circle split off (splitUnitCircleZeros); undefined when N has none, which
 * is the usual case (qhm with ν = (1 + β)/(2β) and nesterov with momentum −0.5 have one at Nyquist,
 * nesterov with dampening 1/μ at DC).
 */
export function bankZeros(bank: BankTable, k: number): BankZeros | undefined {
  const B = bank.branches;
  const poles: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < B; i++) {
    const a = bank.c[k * B + i] * bank.v[k * B + i];
    if (a === 0) continue;
    poles.push(bank.u[k * B + i]);
    weights.push(a);
  }
  if (poles.length === 0) return undefined;
  let numerator = [bank.c0[k]];
  for (const u of poles) numerator = times(numerator, u);
  poles.forEach((_, i) => {
    let term = [weights[i]];
    poles.forEach((u, l) => {
      if (l !== i) term = times(term, u);
    });
    term.forEach((x, j) => (numerator[j] += x));
  });
  const split = splitUnitCircleZeros(numerator);
  return split && { split, poles };
}

/** τ(ω) of the bank stage in steps: N's zeros (zerosGroupDelay) plus each pole's u(cos ω − u)/D. */
export function bankZerosGroupDelay(zeros: BankZeros, omega: number): number {
  let tau = zerosGroupDelay(zeros.split, omega);
  for (const u of zeros.poles) tau += firstOrderGroupDelay(u, omega);
  return tau;
}

/** p(z⁻¹)·(1 − u z⁻¹), padded so that sums of terms line up (degree + 1). */
function times(p: number[], u: number): number[] {
  const out = [...p, 0];
  for (let j = p.length - 1; j >= 0; j--) out[j + 1] -= u * p[j];
  return out;
}
