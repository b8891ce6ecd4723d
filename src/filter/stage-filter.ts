import { frozenBankComplex, frozenBankResponse } from './bank-response.js';
import { bankStageMetrics } from './bank-stage-metrics.js';
import type { ComplexResponse } from './complex-response.js';
import { ExactResponseWalker } from './exact-response.js';
import { ExactStepResponses } from './exact-step-responses.js';
import { frozenMagnitude, frozenMagnitudeSquared, frozenResponse } from './frozen-response.js';
import { stageMetrics } from './metrics.js';
import { largestRootModulus } from './polynomial-roots.js';
import { RationalExactWalker } from './rational-exact.js';
import { rationalMetrics } from './rational-metrics.js';
import { frozenRationalComplex, frozenRationalResponse } from './rational-response.js';
import type { BankTable, FrequencyResponse, RationalTable, Schedule, Stage, StageMetrics } from '../types.js';

/**
 * The one dispatch on a schedule's filter kind (first-order, bank, rational): every module that needs
 * a stage's response, metrics, magnitude, pole radius or the filter's tables asks here, so a new kind
 * is added in this file (and in resolve, which makes it).
 */

/** What decides a stage's filter: the stage table (its spans) and the filter. */
export type StageFilter = Pick<Schedule, 'stages' | 'filter'>;

/** One handler per filter kind; `matchFilter` calls the one that applies. */
export interface FilterCases<T> {
  firstOrder(u: Float64Array, v: Float64Array): T;
  bank(bank: BankTable): T;
  rational(rational: RationalTable): T;
}

/** Calls the case of the schedule's filter kind (the switch is exhaustive: a new kind fails to compile). */
export function matchFilter<T>(schedule: StageFilter, cases: FilterCases<T>): T {
  const { filter } = schedule;
  switch (filter.kind) {
    case 'first-order':
      return cases.firstOrder(filter.u, filter.v);
    case 'bank':
      return cases.bank(filter.bank);
    case 'rational':
      return cases.rational(filter.rational);
    default:
      return unknownKind(filter);
  }
}

function unknownKind(filter: never): never {
  throw new Error(`unknown filter kind: ${(filter as { kind: string }).kind}`);
}

/**
 * Stage k as every report shows it: its span, and the u and v that stand for its filter. The one
 * owner of that rule:
 * - first-order momentum: the stage's own u and v;
 * - a filter bank: branch 0's u and v (nesterov's, qhm's momentum buffer);
 * - a rational schedule: u = −a1 and v = b0 (a0 = 1) when every stage is first order, b = [v] and
 *   a = [1, −u] (u = 0 for a = [1]); otherwise NaN, written as null in JSON.
 */
export function stageAt(schedule: StageFilter, k: number): Stage {
  const { startStep, endStep } = schedule.stages;
  return { index: k, startStep: startStep[k], endStep: endStep[k], u: reportedCoefficient(schedule, k, 'u'), v: reportedCoefficient(schedule, k, 'v') };
}

/** The reported u or v of stage k (stageAt's rule). */
function reportedCoefficient(schedule: StageFilter, k: number, which: 'u' | 'v'): number {
  return matchFilter(schedule, {
    firstOrder: (u, v) => (which === 'u' ? u[k] : v[k]),
    bank: (bank) => bank[which][k * bank.branches],
    rational: ({ nb, na, a, b }) => {
      if (nb !== 1 || na > 2) return NaN;
      if (which === 'v') return b[k];
      return na === 2 ? -a[k * 2 + 1] : 0;
    },
  });
}

/**
 * Frozen response of stage k on `omega` (rad/sample), whatever the schedule's filter: the
 * first-order H_k = v/(1 − u·e^{−jω}), a filter bank (nesterov, qhm, aggmo, …) or a rational
 * transfer function. analyze, plot and the rest all go through here.
 */
export function stageResponse(schedule: StageFilter, k: number, omega: Float64Array): FrequencyResponse {
  return matchFilter(schedule, {
    firstOrder: (u, v) => frozenResponse(u[k], v[k], omega),
    bank: (bank) => frozenBankResponse(bank, k, omega),
    rational: (rational) => frozenRationalResponse(rational, k, omega),
  });
}

/** Metrics of stage k's frozen filter, as `analyze` reports them. */
export function stageMetricsOf(schedule: StageFilter, k: number): StageMetrics {
  return matchFilter(schedule, {
    firstOrder: (u, v) => stageMetrics(u[k], v[k]),
    bank: (bank) => bankStageMetrics(bank, k),
    rational: (rational) => rationalMetrics(rational, k),
  });
}

/** True when (u, v) alone describe each stage (first-order momentum), so bins can average them. */
export function isFirstOrder(schedule: StageFilter): boolean {
  return matchFilter(schedule, { firstOrder: () => true, bank: () => false, rational: () => false });
}

/**
 * The schedule's filter bank; a first-order schedule (m_t = u·m_{t−1} + v·g_t) becomes the bank with one
 * branch, c0 = 0 and c1 = 1, sharing its u and v arrays. Undefined for a rational schedule.
 */
export function bankOf(schedule: StageFilter): BankTable | undefined {
  const n = schedule.stages.count;
  return matchFilter<BankTable | undefined>(schedule, {
    firstOrder: (u, v) => ({ branches: 1, c0: new Float64Array(n), c: new Float64Array(n).fill(1), u, v }),
    bank: (bank) => bank,
    rational: () => undefined,
  });
}

/** The per-stage polynomials of a rational schedule; undefined for the other kinds. */
export function rationalOf(schedule: StageFilter): RationalTable | undefined {
  return matchFilter<RationalTable | undefined>(schedule, { firstOrder: () => undefined, bank: () => undefined, rational: (r) => r });
}

/** H_k(e^{jω}) of a bank or rational stage as re, im; undefined for first-order (closed forms below). */
function stageComplex(schedule: StageFilter, k: number, omega: Float64Array): ComplexResponse | undefined {
  return matchFilter<ComplexResponse | undefined>(schedule, {
    firstOrder: () => undefined,
    bank: (bank) => frozenBankComplex(bank, k, omega),
    rational: (rational) => frozenRationalComplex(rational, k, omega),
  });
}

/**
 * |H_k(e^{jω})| of stage k's frozen filter at each ω (rad/sample), into `out` (default: a new array):
 * v/(1 − u·e^{−jω}) for first-order momentum, c0 + Σ_i c_i·v_i/(1 − u_i·e^{−jω}) for a filter bank,
 * B/A for a rational stage. Bit for bit stageResponse's magnitude.
 */
export function stageMagnitude(schedule: StageFilter, k: number, omega: Float64Array, out = new Float64Array(omega.length)): Float64Array {
  const h = stageComplex(schedule, k, omega);
  if (h) {
    for (let f = 0; f < omega.length; f++) out[f] = Math.hypot(h.re[f], h.im[f]);
    return out;
  }
  const u = schedule.stages.u[k], v = schedule.stages.v[k]; // first order: the filter's own arrays
  for (let f = 0; f < omega.length; f++) out[f] = frozenMagnitude(u, v, omega[f]);
  return out;
}

/** |H_k(e^{jω})|², the power gain (first order: v²/D(ω) without the square root). */
export function stageMagnitudeSquared(schedule: StageFilter, k: number, omega: Float64Array): Float64Array {
  const h = stageComplex(schedule, k, omega);
  if (h) return Float64Array.from(omega, (_, f) => h.re[f] * h.re[f] + h.im[f] * h.im[f]);
  const u = schedule.stages.u[k], v = schedule.stages.v[k]; // first order: the filter's own arrays
  return omega.map((w) => frozenMagnitudeSquared(u, v, w));
}

/**
 * The largest pole modulus of stage k: |u| for first order, the largest |u_i| of the bank's branches
 * that reach the output (c_i·v_i ≠ 0), the largest |root| of A for a rational stage. It sets the
 * slowest time constant, and the lowest frequency where the response still changes (≈ 1 − ρ).
 */
export function stagePoleRadius(schedule: StageFilter, k: number): number {
  return matchFilter(schedule, {
    firstOrder: (u) => Math.abs(u[k]),
    bank: ({ branches: B, c, u, v }) => {
      let radius = 0;
      for (let i = k * B; i < (k + 1) * B; i++) if (c[i] * v[i] !== 0) radius = Math.max(radius, Math.abs(u[i]));
      return radius;
    },
    rational: ({ a, na }) => largestRootModulus(a.subarray(k * na, (k + 1) * na)),
  });
}

/**
 * The exact (time-variant) walker of a schedule, by its filter's kind: a first-order or bank schedule
 * jumps over runs of equal stages in closed form (ExactResponseWalker), a rational one is stepped
 * (RationalExactWalker). ω in rad/sample; see the walkers for costs.
 */
export function exactWalker(schedule: StageFilter & Pick<Schedule, 'firstStepCopy'>, omega: Float64Array): ExactResponseWalker | RationalExactWalker {
  return matchFilter<ExactResponseWalker | RationalExactWalker>(schedule, {
    firstOrder: () => new ExactResponseWalker(schedule, bankOf(schedule)!, omega),
    bank: (bank) => new ExactResponseWalker(schedule, bank, omega),
    rational: (rational) => new RationalExactWalker(schedule, rational, omega),
  });
}

/**
 * Exact responses at ascending steps by the cheaper of the walker and the truncated impulse response
 * (ExactStepResponses); `path` forces one (tests, benchmarks). ω in rad/sample.
 */
export function exactStepResponses(schedule: StageFilter & Pick<Schedule, 'firstStepCopy'>, omega: Float64Array, options: { path?: 'walker' | 'impulse' } = {}): ExactStepResponses {
  return new ExactStepResponses(schedule, exactWalker(schedule, omega), omega, options);
}

/** The filter's tables as optional fields, for code that walks them (cost estimates, coefficient columns). */
export function filterTables(schedule: StageFilter): { bank?: BankTable; rational?: RationalTable } {
  return matchFilter<{ bank?: BankTable; rational?: RationalTable }>(schedule, { firstOrder: () => ({}), bank: (bank) => ({ bank }), rational: (rational) => ({ rational }) });
}
