import { displayStageSpans, type StageReport } from '../analysis/display-stages.js';
import { stageAt, stageMagnitude, stagePoleRadius } from '../filter/stage-filter.js';
import { timeConstant } from '../filter/metrics.js';
import type { DisplayStage, Schedule, Stage } from '../types.js';

/**
 * What a per-stage view of a trace or a simulation measures over: a real stage, or a display stage
 * (a run of whole real stages, analysis/display-stages.ts: the same groups `analyze` reports a
 * per-step schedule as). A display stage's u and v are those at its last step; its filter varies
 * inside it, so its frozen response is a range (frozenRange), not one curve.
 */
export type StageSpan = Stage | DisplayStage;

/** The spans of a stage report: each selected real stage (stageAt), or its display stages. */
export function stageSpans(schedule: Schedule, report: StageReport): StageSpan[] {
  return report.display ? displayStageSpans(schedule, report.ends) : report.stages.map((k) => stageAt(schedule, k));
}

/** A real stage index stands for that stage's span. */
export function toSpan(schedule: Schedule, stage: number | StageSpan): StageSpan {
  return typeof stage === 'number' ? stageAt(schedule, stage) : stage;
}

/** The real stages a span covers, first … last. */
export function spanStages(span: StageSpan): { first: number; last: number } {
  return 'display' in span ? { first: span.display.firstStage, last: span.display.lastStage } : { first: span.index, last: span.index };
}

/**
 * At most this many real stages of a span are evaluated for its frozen range: the span's own
 * ends, evenly spaced ones between, and the stages where u and v take their extremes over the span.
 * A per-step schedule of 10⁶ steps has ~4000 real stages per display stage, whose |H| differ by a
 * fraction of the band between neighbours.
 */
export const RANGE_STAGES = 512;

/** Real stages of a span evaluated for its frozen range (all of them up to RANGE_STAGES). */
function rangeStages(schedule: Schedule, first: number, last: number): number[] {
  const n = last - first + 1;
  if (n <= RANGE_STAGES) return Array.from({ length: n }, (_, i) => first + i);
  const picks = new Set<number>();
  for (let j = 0; j < RANGE_STAGES; j++) picks.add(first + Math.round(((n - 1) * j) / (RANGE_STAGES - 1)));
  const { u, v } = schedule.stages;
  let uLo = first, uHi = first, vLo = first, vHi = first;
  for (let k = first; k <= last; k++) {
    if (u[k] < u[uLo]) uLo = k;
    if (u[k] > u[uHi]) uHi = k;
    if (v[k] < v[vLo]) vLo = k;
    if (v[k] > v[vHi]) vHi = k;
  }
  for (const k of [uLo, uHi, vLo, vHi]) picks.add(k);
  return [...picks].sort((a, b) => a - b);
}

/**
 * The range of the frozen magnitude |H_k(e^{jω})| over the real stages k of a span, at each ω
 * (rad/sample): low[i] = min_k |H_k(ω_i)|, high[i] = max_k. For a real stage low = high = |H_k|.
 * What a measurement over the whole span can be held against: its filter takes each of these
 * responses for some steps. Evaluates at most RANGE_STAGES stages (rangeStages).
 */
export function frozenRange(schedule: Schedule, span: StageSpan, omega: Float64Array): { low: Float64Array; high: Float64Array } {
  const { first, last } = spanStages(span);
  const low = new Float64Array(omega.length).fill(Infinity);
  const high = new Float64Array(omega.length).fill(-Infinity);
  const h = new Float64Array(omega.length);
  for (const k of rangeStages(schedule, first, last)) {
    stageMagnitude(schedule, k, omega, h);
    for (let i = 0; i < omega.length; i++) {
      if (h[i] < low[i]) low[i] = h[i];
      if (h[i] > high[i]) high[i] = h[i];
    }
  }
  return { low, high };
}

/** The longest time constant (steps, −1/ln ρ of the largest pole radius ρ) over the real stages of a span. */
export function spanTimeConstant(schedule: Schedule, span: StageSpan): number {
  const { first, last } = spanStages(span);
  let rho = 0;
  for (let k = first; k <= last; k++) rho = Math.max(rho, stagePoleRadius(schedule, k));
  return rho >= 1 ? Infinity : timeConstant(rho);
}
