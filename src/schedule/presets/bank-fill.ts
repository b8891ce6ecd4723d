import { emptyBank } from '../../filter/bank-table.js';
import type { BankTable } from '../../types.js';
import type { Partition } from '../stages.js';

/** One stage's bank coefficients: feed-through c0 and per-branch (c, u, v). */
export interface BankStage {
  c0: number;
  branches: { c: number; u: number; v: number }[];
}

/**
 * A bank over a partition from a function of the stage's first step t (1-based); `branches` fixes the
 * branch count. Used by the filter-bank presets.
 */
export function fillBank(partition: Partition, branches: number, at: (t: number, k: number) => BankStage): BankTable {
  const bank = emptyBank(partition.count, branches);
  for (let k = 0; k < partition.count; k++) {
    const s = at(partition.startStep[k], k);
    bank.c0[k] = s.c0;
    for (let i = 0; i < branches; i++) {
      const b = s.branches[i];
      bank.c[k * branches + i] = b.c;
      bank.u[k * branches + i] = b.u;
      bank.v[k * branches + i] = b.v;
    }
  }
  return bank;
}

/**
 * Adam's bias correction 1/(1 − β^t), computed as torch.optim.Adam/AdamW apply it
 * (`bias_correction1 = 1 - beta1 ** step`, then `lr / bias_correction1`), AdEMAMix's official code
 * alike; 1 for β = 0. Not −1/expm1(t·ln β): that form is more accurate when β^t is near 1, but it is
 * not what the optimizer applies (1.4e-14 relative apart at β = 0.999, t = 2), and the tool reports
 * the weights the optimizer uses.
 */
export function biasCorrection(beta: number, t: number): number {
  if (beta === 0) return 1;
  return 1 / (1 - Math.pow(beta, t));
}
