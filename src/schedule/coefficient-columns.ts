import type { Schedule } from '../types.js';
import { filterTables } from '../filter/stage-filter.js';

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
  const { stages } = schedule;
  const { bank, rational } = filterTables(schedule);
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
 * Steps that share their coefficients as the optimizer applies them: a stage's steps, except that the
 * first step of a schedule that copies the gradient into its buffer (m_1 = g_1: PyTorch SGD, Nesterov,
 * FSGDM) applies v = 1 whatever the stage's v, so it is a segment of its own when that changes a value.
 */
export interface CoefficientSegment {
  stage: number;
  startStep: number;
  endStep: number;
  /** The first step's copy: every gradient weight (v, v1, v2, …) is 1. */
  copy: boolean;
}

/** The columns `coefficients` prints: the filter's (coefficientColumns), then `lr` when the schedule has one. */
export interface AppliedColumns {
  names: string[];
  /** Value of column c over a segment, as applied. */
  at(segment: CoefficientSegment, c: number): number;
}

/** Gradient weights of the recursion, which the first step's copy sets to 1. */
const GRADIENT_WEIGHT = /^v\d*$/;

export function appliedColumns(schedule: Schedule, columns: CoefficientColumns = coefficientColumns(schedule)): AppliedColumns {
  const { lr } = schedule;
  const width = columns.names.length;
  const names = lr ? [...columns.names, 'lr'] : [...columns.names];
  const copied = columns.names.map((n) => GRADIENT_WEIGHT.test(n));
  return {
    names,
    at: (segment, c) => {
      if (c === width) return lr![segment.stage];
      return segment.copy && copied[c] ? 1 : columns.value(segment.stage, c);
    },
  };
}

/** The segments of a schedule in step order (CoefficientSegment): one per stage, the copy step apart when it differs. */
export function* coefficientSegments(schedule: Schedule, columns: AppliedColumns = appliedColumns(schedule)): Generator<CoefficientSegment> {
  const { startStep, endStep, count } = schedule.stages;
  for (let k = 0; k < count; k++) {
    const whole: CoefficientSegment = { stage: k, startStep: startStep[k], endStep: endStep[k], copy: false };
    if (k > 0 || !schedule.firstStepCopy) {
      yield whole;
      continue;
    }
    const copy: CoefficientSegment = { stage: 0, startStep: startStep[0], endStep: startStep[0], copy: true };
    if (sameValues(columns, copy, whole)) {
      yield whole;
      continue;
    }
    yield copy;
    if (endStep[0] > startStep[0]) yield { stage: 0, startStep: startStep[0] + 1, endStep: endStep[0], copy: false };
  }
}

/** Every column equal (NaN equals NaN: it prints the same). */
function sameValues(columns: AppliedColumns, a: CoefficientSegment, b: CoefficientSegment): boolean {
  for (let c = 0; c < columns.names.length; c++) {
    const x = columns.at(a, c);
    const y = columns.at(b, c);
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/**
 * Runs of consecutive steps whose every applied coefficient (lr included) is equal, in order: what
 * `coefficients --runs` prints, one row per run, with the segment whose values it shows. O(stages ×
 * columns), nothing allocated per stage beyond the segment objects.
 */
export function* coefficientRuns(
  schedule: Schedule,
  columns: AppliedColumns = appliedColumns(schedule),
): Generator<{ firstStage: number; lastStage: number; startStep: number; endStep: number; segment: CoefficientSegment }> {
  let run: { firstStage: number; lastStage: number; startStep: number; endStep: number; segment: CoefficientSegment } | undefined;
  for (const segment of coefficientSegments(schedule, columns)) {
    if (run && sameValues(columns, run.segment, segment)) {
      run.lastStage = segment.stage;
      run.endStep = segment.endStep;
      continue;
    }
    if (run) yield run;
    run = { firstStage: segment.stage, lastStage: segment.stage, startStep: segment.startStep, endStep: segment.endStep, segment };
  }
  if (run) yield run;
}
