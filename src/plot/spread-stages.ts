import { stageOfStep } from '../schedule/stages.js';
import type { StageTable } from '../types.js';

/**
 * Indices of `count` stages spread evenly over training *steps* (not over stage indices), first and
 * last stage always included, in order and without duplicates. Spreading over steps means a schedule
 * with one long stage and many short ones is sampled where training actually spends its time.
 *
 * Notes: returns every stage when count ≥ table.count; fewer than `count` when long stages absorb
 * several sample points.
 */
export function spreadStages(table: StageTable, count: number): number[] {
  const n = table.count;
  if (n === 0 || count < 1) return [];
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  const first = table.startStep[0];
  const last = table.endStep[n - 1];
  const picked = new Set<number>();
  for (let i = 0; i < count; i++) {
    const step = count === 1 ? last : Math.round(first + ((last - first) * i) / (count - 1));
    picked.add(stageOfStep(table, step));
  }
  return [...picked].filter((k) => k >= 0).sort((a, b) => a - b);
}
