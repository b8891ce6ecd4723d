import type { BankTable, StageMetrics } from '../types.js';
import { bankMetrics } from './bank-metrics.js';
import { stageMetrics } from './metrics.js';

/**
 * Metrics of stage k of a bank: in closed form (stageMetrics(u, c·v)) when the stage is one scaled
 * first-order branch without feed-through (adam-m's bias-corrected EMA), bankMetrics otherwise (closed form
 * for one branch with feed-through, numerically for several). Consecutive stages of several branches with
 * the same coefficients reuse the last result (per-step schedules).
 */
export function bankStageMetrics(bank: BankTable, k: number): StageMetrics {
  const B = bank.branches;
  if (B === 1 && bank.c0[k] === 0) return stageMetrics(bank.u[k], bank.c[k] * bank.v[k]);
  if (B === 1) return bankMetrics(bank, k); // closed form too (firstOrderShape): cheaper than the cache key
  const key = coefficientKey(bank, k);
  if (lastKey === key && lastMetrics) return { ...lastMetrics };
  lastMetrics = bankMetrics(bank, k);
  lastKey = key;
  return { ...lastMetrics };
}

let lastKey: string | undefined;
let lastMetrics: StageMetrics | undefined;

function coefficientKey(bank: BankTable, k: number): string {
  const B = bank.branches;
  const parts = [bank.c0[k]];
  for (let i = 0; i < B; i++) parts.push(bank.c[k * B + i], bank.u[k * B + i], bank.v[k * B + i]);
  return parts.join(',');
}
