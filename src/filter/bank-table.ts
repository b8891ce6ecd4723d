import type { BankTable } from '../types.js';

/** Whether stages j and k have the same branch recursions (u, v); c may differ (it acts on the output only). */
export function sameRecursion(bank: Pick<BankTable, 'branches' | 'u' | 'v'>, j: number, k: number): boolean {
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
