import type { BankTable, Schedule } from '../types.js';

/**
 * The schedule's filter bank; a first-order schedule (m_t = u·m_{t−1} + v·g_t) becomes the bank with one
 * branch, c0 = 0 and c1 = 1, sharing the stage table's u and v arrays.
 */
export function bankOf(schedule: Schedule): BankTable {
  if (schedule.bank) return schedule.bank;
  const n = schedule.stages.count;
  return { branches: 1, c0: new Float64Array(n), c: new Float64Array(n).fill(1), u: schedule.stages.u, v: schedule.stages.v };
}

/** Whether stages j and k have the same branch recursions (u, v); c may differ (it acts on the output only). */
export function sameRecursion(bank: BankTable, j: number, k: number): boolean {
  const b = bank.branches;
  for (let i = 0; i < b; i++) {
    if (bank.u[j * b + i] !== bank.u[k * b + i] || bank.v[j * b + i] !== bank.v[k * b + i]) return false;
  }
  return true;
}

/** An empty bank of `count` stages and `branches` branches, to be filled. */
export function emptyBank(count: number, branches: number): BankTable {
  return {
    branches,
    c0: new Float64Array(count),
    c: new Float64Array(count * branches),
    u: new Float64Array(count * branches),
    v: new Float64Array(count * branches),
  };
}
