import { stageOfStep } from '../schedule/stages.js';
import type { StageTable } from '../types.js';
import type { StepBins } from './step-bins.js';

/** The stage at the middle step of bin b: the bin's representative when (u, v) cannot be averaged. */
export function middleStage(table: StageTable, bins: StepBins, b: number): number {
  // t0/t1 are steps elapsed, so the bin covers steps t0 + 1 … t1.
  return stageOfStep(table, Math.floor((bins.t0[b] + 1 + bins.t1[b]) / 2));
}

/** Up to `count` stages spread evenly over bin b, first and last included, without duplicates. */
export function sampleStages(bins: StepBins, b: number, count: number): number[] {
  const first = bins.firstStage[b];
  const last = bins.lastStage[b];
  if (last - first + 1 <= count) return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(first + ((last - first) * i) / (count - 1))))];
}
