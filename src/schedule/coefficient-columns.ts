import type { Schedule } from '../types.js';

/** The coefficients that define each stage's filter, as named columns. */
export interface CoefficientColumns {
  /** ASCII names in the notation of docs/methods.md: u, v; u1, v1, c1, …, c0; b0, …, a1, …. */
  names: string[];
  /** Value of column c in stage k. */
  value(k: number, c: number): number;
}

/**
 * Every coefficient that defines each stage's filter:
 *
 * - first-order momentum m_t = u·m_{t−1} + v·g_t: u and v;
 * - a filter bank d_t = c0·g_t + Σ_i c_i·m_{i,t}, m_{i,t} = u_i·m_{i,t−1} + v_i·g_t: u_i, v_i and c_i of
 *   every branch (1-based), and c0 when some stage has c0 ≠ 0;
 * - a rational filter a0·y_t = Σ b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k} (a0 = 1): b0 … b_{nb−1}, a1 … a_{na−1}.
 */
export function coefficientColumns(schedule: Schedule): CoefficientColumns {
  const { bank, rational, stages } = schedule;
  if (bank) {
    const B = bank.branches;
    const names: string[] = [];
    const cols: [Float64Array, number, number][] = [];
    for (let i = 0; i < B; i++) {
      names.push(`u${i + 1}`, `v${i + 1}`, `c${i + 1}`);
      cols.push([bank.u, B, i], [bank.v, B, i], [bank.c, B, i]);
    }
    if (bank.c0.subarray(0, stages.count).some((c) => c !== 0)) {
      names.push('c0');
      cols.push([bank.c0, 1, 0]);
    }
    return { names, value: (k, c) => cols[c][0][k * cols[c][1] + cols[c][2]] };
  }
  if (rational) {
    const { nb, na, b, a } = rational;
    const names = [...Array.from({ length: nb }, (_, k) => `b${k}`), ...Array.from({ length: na - 1 }, (_, k) => `a${k + 1}`)];
    return { names, value: (k, c) => (c < nb ? b[k * nb + c] : a[k * na + c - nb + 1]) };
  }
  return { names: ['u', 'v'], value: (k, c) => (c === 0 ? stages.u[k] : stages.v[k]) };
}

/**
 * Runs of consecutive stages whose every coefficient is equal (NaN equals NaN: it prints the same), in
 * order: what `coefficients --runs` prints, one row per run. O(stages × columns), nothing allocated per stage.
 */
export function* coefficientRuns(schedule: Schedule, columns: CoefficientColumns = coefficientColumns(schedule)): Generator<{ firstStage: number; lastStage: number }> {
  const n = schedule.stages.count;
  const width = columns.names.length;
  const same = (j: number, k: number): boolean => {
    for (let c = 0; c < width; c++) {
      const x = columns.value(j, c);
      const y = columns.value(k, c);
      if (x !== y && !(x !== x && y !== y)) return false;
    }
    return true;
  };
  let first = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && same(k, first)) continue;
    yield { firstStage: first, lastStage: k - 1 };
    first = k;
  }
}
