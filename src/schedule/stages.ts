import type { StageTable } from '../types.js';

/** Stage boundaries before coefficients are known: stage i covers startStep[i] … endStep[i]. */
export interface Partition {
  count: number;
  startStep: Float64Array;
  endStep: Float64Array;
}

/**
 * N stages of (almost) equal length: stage k covers steps ⌊kT/N⌋ + 1 … ⌊(k+1)T/N⌋, so lengths
 * differ by at most one step and every stage is non-empty (N ≤ T is checked by the schema).
 */
export function balancedPartition(steps: number, stages: number): Partition {
  const startStep = new Float64Array(stages);
  const endStep = new Float64Array(stages);
  for (let k = 0; k < stages; k++) {
    startStep[k] = Math.floor((k * steps) / stages) + 1;
    endStep[k] = Math.floor(((k + 1) * steps) / stages);
  }
  return { count: stages, startStep, endStep };
}

/** Stages of `length` steps each; the last one is shorter when `length` does not divide T. */
export function fixedLengthPartition(steps: number, length: number): Partition {
  const count = Math.ceil(steps / length);
  const startStep = new Float64Array(count);
  const endStep = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    startStep[k] = k * length + 1;
    endStep[k] = Math.min((k + 1) * length, steps);
  }
  return { count, startStep, endStep };
}

/** An empty table over a partition, to be filled with coefficients. */
export function emptyTable(p: Partition): StageTable {
  return {
    count: p.count,
    startStep: p.startStep,
    endStep: p.endStep,
    u: new Float64Array(p.count),
    v: new Float64Array(p.count),
  };
}

/** Index of the stage containing `step` (1-based), by binary search over the start steps. */
export function stageOfStep(table: StageTable, step: number): number {
  let lo = 0;
  let hi = table.count - 1;
  if (step < table.startStep[0] || step > table.endStep[hi]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (table.startStep[mid] <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
