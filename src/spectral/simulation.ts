import type { Schedule } from '../types.js';
import { runMomentum } from './simulate.js';
import { stageComparison, type AgreementOptions, type StageComparison } from './stage-agreement.js';
import { toSpan, type StageSpan } from './stage-spans.js';

export interface SimulationTolerance {
  maxDeviationDb: number;
  medianDeviationDb: number;
}

/** One schedule simulated on an input: its output and the per-stage comparison with theory. */
export interface ScheduleSimulation {
  schedule: Schedule;
  /** m_t for t = 1 … input.length (the momentum buffer). */
  output: Float64Array;
  /** The selected stages (real stages, or display stages: StageSpan) that the input reaches, in order. */
  stages: StageComparison[];
}

/**
 * Runs `input` through `schedule` (the time-variant recursion, runMomentum) and compares the
 * measured gain of each selected stage (a stage index, or a span: a display stage, stage-spans.ts)
 * with its frozen response (stageComparison). Stages that start after the input ends are left out.
 */
export function simulateSchedule(schedule: Schedule, input: Float64Array, stages: readonly (number | StageSpan)[], options: AgreementOptions = {}): ScheduleSimulation {
  const output = runMomentum(schedule, input);
  const compared = stages
    .map((i) => toSpan(schedule, i))
    .filter((span) => span.startStep <= input.length)
    .map((span) => stageComparison(schedule, input, output, span, options));
  return { schedule, output, stages: compared };
}

/**
 * Whether a stage agrees with its frozen response: both deviations within the tolerance, widened to
 * the estimate's own measured deviations for a stage whose filter remembers long against its
 * segments (StageComparison.memoryBias, MEMORY_BIAS). null when the stage is not judged: nothing was
 * compared (frequenciesUsed 0), or its memory is longer than the estimate's bias was measured for
 * (memoryLimited) — a stage that was not checked neither agrees nor disagrees.
 */
export function withinTolerance(stage: StageComparison, tolerance: SimulationTolerance): boolean | null {
  const a = stage.agreement;
  if (a.maxDeviationDb === null || a.medianDeviationDb === null || stage.memoryLimited) return null;
  const bias = stage.memoryBias;
  const max = Math.max(tolerance.maxDeviationDb, bias?.maxDeviationDb ?? 0);
  const median = Math.max(tolerance.medianDeviationDb, bias?.medianDeviationDb ?? 0);
  return a.maxDeviationDb <= max && a.medianDeviationDb <= median;
}

/**
 * A schedule's verdict over its stages (withinTolerance of each): true when at least one stage is
 * judged and every judged stage agrees, false when one disagrees, null when none is judged.
 */
export function allWithinTolerance(stages: readonly StageComparison[], tolerance: SimulationTolerance): boolean | null {
  let verdict: boolean | null = null;
  for (const st of stages) {
    const ok = withinTolerance(st, tolerance);
    if (ok === false) return false;
    if (ok === true) verdict = true;
  }
  return verdict;
}
