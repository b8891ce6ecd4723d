import { matchFilter } from '../filter/stage-filter.js';
import type { Schedule } from '../types.js';

/** The coefficients of stage k's filter: two stages with equal lists draw the same curve. */
function stageValues(schedule: Schedule, k: number): number[] {
  return matchFilter(schedule, {
    firstOrder: (u, v) => [u[k], v[k]],
    bank: (b) => [b.c0[k], ...b.c.subarray(k * b.branches, (k + 1) * b.branches), ...b.u.subarray(k * b.branches, (k + 1) * b.branches), ...b.v.subarray(k * b.branches, (k + 1) * b.branches)],
    rational: (r) => [...r.b.subarray(k * r.nb, (k + 1) * r.nb), ...r.a.subarray(k * r.na, (k + 1) * r.na)],
  });
}

export interface CurveStages {
  /** Stage indices to draw, in order. */
  stages: number[];
  /** How many stages draw different curves at all (≥ stages.length). */
  distinct: number;
}

/**
 * `count` stages to draw as curves, spread over training by position *and* by value, each drawing a
 * different curve: the position of stage k is half its share of the steps before it and half its
 * share of the coefficient change before it (Σ|Δ coefficients|), and the stages at `count` equal
 * steps of that position are taken (the first and the last stage among them); a stage whose
 * coefficients equal one already taken is dropped, and the gap is filled with the stage of an unused
 * value farthest (in position) from those taken. So a warm-up in the first 1 % of training gets
 * curves of its own, and a plateau of equal stages one curve, never several on top of each other.
 * Fewer than `count` only when fewer distinct filters exist (`distinct`).
 */
export function curveStages(schedule: Schedule, count: number): CurveStages {
  const table = schedule.stages;
  const n = table.count;
  if (n === 0 || count < 1) return { stages: [], distinct: 0 };
  const keys: string[] = new Array(n);
  const change = new Float64Array(n);
  let previous: number[] | undefined;
  for (let k = 0; k < n; k++) {
    const values = stageValues(schedule, k);
    keys[k] = values.join(',');
    if (previous) {
      let d = 0;
      for (let j = 0; j < values.length; j++) d += Math.abs(values[j] - previous[j]) || 0;
      change[k] = change[k - 1] + d;
    }
    previous = values;
  }
  const first = table.startStep[0];
  const span = table.startStep[n - 1] - first;
  const total = change[n - 1];
  const position = (k: number) => (span > 0 ? (table.startStep[k] - first) / span : 0) * (total > 0 ? 0.5 : 1) + (total > 0 ? (0.5 * change[k]) / total : 0);
  const taken = new Map<string, number>();
  const take = (k: number) => {
    if (!taken.has(keys[k])) taken.set(keys[k], k);
  };
  for (let i = 0; i < count; i++) {
    const target = count === 1 ? 1 : i / (count - 1);
    take(firstAtOrAfter(position, n, target));
  }
  // One stage per value not taken yet (its first), then the farthest of them until `count`.
  const unused = new Map<string, number>();
  for (let k = 0; k < n; k++) if (!taken.has(keys[k]) && !unused.has(keys[k])) unused.set(keys[k], k);
  const distinct = taken.size + unused.size;
  while (taken.size < count && unused.size > 0) {
    let best = -1;
    let bestGap = -1;
    for (const k of unused.values()) {
      let gap = Infinity;
      for (const p of taken.values()) gap = Math.min(gap, Math.abs(position(k) - position(p)));
      if (gap > bestGap) [best, bestGap] = [k, gap];
    }
    unused.delete(keys[best]);
    take(best);
  }
  return { stages: [...taken.values()].sort((a, b) => a - b), distinct };
}

/** The first stage whose position is ≥ target (the last when none is), by bisection: position rises with k. */
function firstAtOrAfter(position: (k: number) => number, n: number, target: number): number {
  let lo = 0;
  let hi = n - 1;
  if (position(hi) < target - 1e-12) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (position(mid) >= target - 1e-12) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
