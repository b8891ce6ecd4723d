import { emptyComplexResponse, responseFromComplex } from '../filter/complex-response.js';
import { maxDeviationDb } from '../filter/exact-transient.js';
import { exactStepResponses, stageAt } from '../filter/stage-filter.js';
import { coefficientColumns } from '../schedule/coefficient-columns.js';
import type { ConfigIssue } from '../schedule/issues.js';
import { stageOfStep } from '../schedule/stages.js';
import type { DisplayStage, Schedule, StageRecord, StageTable } from '../types.js';
import type { ResponseMode } from './exact-records.js';
import { stageRecord, type ExactSide } from './stage-record.js';
import { selectedStages } from './stage-selection.js';

/**
 * Display stages: a schedule with more real stages than a reader can use (a per-step schedule of 10⁶
 * steps has 10⁶) is reported as at most N consecutive groups of whole real stages. Each group stands
 * for its last step: its coefficients there, the exact response H(t, ω) there, and the min/max of every
 * coefficient over the group.
 */

/** Schedules with at most this many real stages are reported stage by stage by default (`stages: 'auto'`). */
export const AUTO_STAGE_LIMIT = 1000;

/**
 * Display stages of a schedule with more than AUTO_STAGE_LIMIT stages, by default. 256 keeps a 10⁶-step
 * run's JSON with 2 responses of 512 frequencies per record near 16 MB.
 */
export const DEFAULT_DISPLAY_STAGES = 256;

/**
 * The last real stage of each display stage, ascending, at most `n` of them (n ≥ 1):
 *
 * - ends at steps 1, 2, 4, 8, … while ≤ T/n, at most max(1, ⌊n/8⌋) of them (none for n = 1): the first steps, where the first-step
 *   copy and the empty buffer make the exact response differ most from the frozen one;
 * - then n − (that many) ends uniform in steps up to T;
 * - each end snapped to the last step of the real stage containing it, T always last, duplicates dropped.
 *
 * O(n·log(stages)), allocates one array of at most n entries.
 */
export function displayStageEnds(stages: StageTable, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`display stages must be a positive integer (got ${n})`);
  const T = stages.endStep[stages.count - 1];
  const steps: number[] = [];
  const logCount = n < 2 ? 0 : Math.max(1, Math.floor(n / 8));
  for (let s = 1; s <= T / n && steps.length < logCount; s *= 2) steps.push(s);
  const from = steps.length > 0 ? steps[steps.length - 1] : 0;
  const uniform = n - steps.length;
  for (let j = 1; j <= uniform; j++) steps.push(from + Math.round(((T - from) * j) / uniform));
  const ends: number[] = [];
  for (const s of steps) {
    const k = stageOfStep(stages, Math.min(Math.max(s, 1), T));
    if (ends.length === 0 || k > ends[ends.length - 1]) ends.push(k);
  }
  if (ends[ends.length - 1] !== stages.count - 1) ends.push(stages.count - 1);
  return ends;
}

/**
 * The keys of a display stage's `range`, in order: u, v, lr (when the schedule has one), then the
 * coefficient columns (coefficientColumns) not among them (a first-order schedule's are u and v).
 * CSV/NDJSON write each as `<key>Min`, `<key>Max`.
 */
export function displayRangeKeys(schedule: Schedule): string[] {
  return [...new Set(['u', 'v', ...(schedule.lr ? ['lr'] : []), ...coefficientColumns(schedule).names])];
}

/**
 * Display stage `index` covering real stages firstStage … lastStage: its span, u, v (and lr) at its last
 * step, and the [min, max] of u, v, lr and every coefficient column (coefficientColumns) over the group.
 * NaN coefficients (a rational stage's u) give a NaN range. O(stages in the group × columns).
 */
function displayStage(schedule: Schedule, index: number, firstStage: number, lastStage: number, columns = coefficientColumns(schedule)): DisplayStage {
  const last = stageAt(schedule, lastStage);
  // The stage table's u and v columns hold the reported u and v (stageAt's rule); then lr and the columns
  // (the keys displayRangeKeys lists; a name met twice keeps its first column).
  const { u, v } = schedule.stages;
  const lr = schedule.lr;
  const names = ['u', 'v', ...(lr ? ['lr'] : []), ...columns.names];
  const fixed = names.length - columns.names.length;
  const min = new Float64Array(names.length).fill(Infinity);
  const max = new Float64Array(names.length).fill(-Infinity);
  const nan = new Uint8Array(names.length);
  const add = (c: number, x: number) => {
    if (x !== x) nan[c] = 1;
    if (x < min[c]) min[c] = x;
    if (x > max[c]) max[c] = x;
  };
  for (let k = firstStage; k <= lastStage; k++) {
    add(0, u[k]);
    add(1, v[k]);
    if (lr) add(2, lr[k]);
    for (let c = 0; c < columns.names.length; c++) add(fixed + c, columns.value(k, c));
  }
  const range: Record<string, [number, number]> = {};
  names.forEach((name, c) => {
    if (!(name in range)) range[name] = nan[c] ? [NaN, NaN] : [min[c], max[c]];
  });
  return {
    index,
    startStep: schedule.stages.startStep[firstStage],
    endStep: last.endStep,
    u: last.u,
    v: last.v,
    ...(lr ? { lr: lr[lastStage] } : {}),
    display: { firstStage, lastStage, range },
  };
}

/**
 * The display stages ending at `ends` (displayStageEnds) as spans, without responses: displayStage's
 * fields for each, in order. What per-stage views other than `analyze` (spectra and measured gains of a
 * trace or a simulation) measure over, so that they group the steps as `analyze` does.
 * O(real stages × coefficient columns).
 */
export function displayStageSpans(schedule: Schedule, ends: readonly number[]): DisplayStage[] {
  const columns = coefficientColumns(schedule);
  const spans: DisplayStage[] = [];
  let first = 0;
  for (const [index, last] of ends.entries()) {
    spans.push(displayStage(schedule, index, first, last, columns));
    first = last + 1;
  }
  return spans;
}

/** How a schedule's stages are reported: the real stages selected, or display stages ending at `ends`. */
export type StageReport = { display: false; stages: number[] } | { display: true; ends: number[] };

/**
 * The stage report of `spec`: `auto` is autoStageReport; anything else is a stage selection
 * (stage-selection.ts; `all` is every real stage).
 */
export function stageReport(schedule: Schedule, spec: string, displayStages: number = DEFAULT_DISPLAY_STAGES): StageReport | { issue: ConfigIssue } {
  if (spec.trim() === 'auto') return autoStageReport(schedule.stages, displayStages);
  const selected = selectedStages(spec, schedule);
  return 'issue' in selected ? selected : { display: false, stages: selected };
}

/** `stages: 'auto'`: every real stage up to AUTO_STAGE_LIMIT of them, `displayStages` display stages above. */
export function autoStageReport(stages: StageTable, displayStages: number = DEFAULT_DISPLAY_STAGES): StageReport {
  if (stages.count <= AUTO_STAGE_LIMIT) return { display: false, stages: Array.from({ length: stages.count }, (_, i) => i) };
  return { display: true, ends: displayStageEnds(stages, displayStages) };
}

/** How many records a report gives: its real stages, or its display stages. */
export function recordCount(report: StageReport): number {
  return report.display ? report.ends.length : report.stages.length;
}

/**
 * The records of display stages ending at `ends` (displayStageEnds), in order (stageRecord): displayStage's
 * fields, the frozen metrics of the group's last real stage (with lr, the update view) and, by `mode`:
 * - auto, exact: the exact response H(t, ω) at the group's last step (a frozen response of a group whose
 *   coefficients vary is not one thing) and `transient: { settlingSteps: null, maxDeviationDb }`, the
 *   deviation from the last real stage's frozen response (the first-step copy shows there);
 * - frozen: the last real stage's frozen response; both: both.
 * The exact responses come from ExactStepResponses (the truncated impulse response for per-step runs), one
 * response buffer reused throughout.
 */
export function* displayRecords(schedule: Schedule, ends: readonly number[], frequencies: Float64Array, mode: ResponseMode, withResponse: boolean): Generator<StageRecord> {
  const exact = mode === 'frozen' ? undefined : exactStepResponses(schedule, frequencies);
  const h = emptyComplexResponse(frequencies.length);
  const frozen = emptyComplexResponse(frequencies.length);
  const columns = coefficientColumns(schedule);
  let first = 0;
  for (let index = 0; index < ends.length; index++) {
    const last = ends[index];
    let side: ExactSide | undefined;
    if (exact) {
      exact.at(schedule.stages.endStep[last], last, h);
      side = { transient: { settlingSteps: null, maxDeviationDb: maxDeviationDb(h, exact.frozen(last, frozen)) } };
      if (withResponse) side.responseExact = responseFromComplex(h);
    }
    yield stageRecord(schedule, last, displayStage(schedule, index, first, last, columns), frequencies, withResponse && (mode === 'frozen' || mode === 'both'), side);
    first = last + 1;
  }
}
