import { bankMetrics } from '../filter/bank-metrics.js';
import { isStablePolynomial, polynomialRoots } from '../filter/polynomial-roots.js';
import { rationalMetrics } from '../filter/rational-metrics.js';
import type { BankTable, RationalTable, StageTable } from '../types.js';
import type { ConfigIssue } from './issues.js';
import { stageSteps } from './resolve-warnings.js';
import type { ScheduleConfig } from './schema.js';

type Path = (string | number)[];

/** The filter of a resolved schedule, as resolveSchedule has it before building the Schedule. */
interface StageFilters {
  stages: StageTable;
  bank?: BankTable;
  rational?: RationalTable;
}

/**
 * Stages whose gains overflow binary64: the DC, Nyquist or peak gain |H|, or the noise gain Σ h_n², is
 * not finite although the filter is stable (v: 1e308 validates as a number, yet its DC gain 1e308/(1 − u)
 * does not exist in double precision). One issue naming up to three such stages and, for the first, the
 * gains that overflow; its path is the coefficient that sets the scale (momentum.v, momentum.b) where the
 * config has one, else momentum. Unstable stages (allowed by --allow-unstable) have infinite gains by
 * nature and are not checked.
 *
 * First-order and bank stages use their closed forms, with the bound |c0| + Σ|a_i|/(1 − |u_i|) for the
 * peak (the peak itself is searched only when the bound overflows); rational stages the bound
 * Σ|b_k|/Π(1 − |p_i|) over A's poles p_i, with noise ≤ peak² (Parseval), and their full metrics only when
 * the bound overflows.
 */
export function gainOverflowIssues(filters: StageFilters, momentum: ScheduleConfig['momentum'], momentumPath: Path): ConfigIssue[] {
  const { stages } = filters;
  if (!filters.bank && !filters.rational && firstOrderBounded(stages)) return [];
  const bad: number[] = [];
  let firstGains: string[] = [];
  let previous: string[] = [];
  for (let k = 0; k < stages.count; k++) {
    // rational stages find roots: reuse the last stage's answer when its coefficients are equal
    const gains = filters.rational && k > 0 && sameRational(filters.rational, k, k - 1) ? previous : overflowingGains(filters, k);
    if (gains.length > 0 && bad.push(k) === 1) firstGains = gains;
    previous = gains;
  }
  if (bad.length === 0) return [];
  const shown = bad.slice(0, 3).map((k) => stageSteps(k, stages.startStep[k], stages.endStep[k]));
  const more = bad.length - shown.length;
  const rest = more > 0 ? ` and ${more} more stage${more === 1 ? '' : 's'}` : '';
  const path = scalePath(momentum, momentumPath, filters);
  const issue: ConfigIssue = { code: 'gain_overflow', path, message: `the gain overflows double precision: ${listed(firstGains)} exceed${firstGains.length === 1 ? 's' : ''} 1.8e308 in ${shown.join(', ')}${rest}; scale the coefficients down` };
  if (!filters.bank && !filters.rational) issue.received = stages.v[bad[0]];
  return [issue];
}

/**
 * Stages whose update response α_k·H_k overflows binary64 although H_k does not (`lr: 1e308` with a DC
 * gain of 10): the update view's magnitudes and `effectiveLearningRate` would come out null. Run after
 * gainOverflowIssues found every stable stage's gains finite, so only α_k > 1 can overflow; unstable
 * stages (--allow-unstable) are infinite by nature and skipped. The peak gain is a first-order stage's
 * |v|/(1 − |u|), else checked on a bank's bound |c0| + Σ|c_i v_i|/(1 − |u_i|) first and searched (the
 * metrics) only where α times the bound overflows. One issue at `lrPath` naming up to three stages.
 */
export function updateGainOverflowIssues(filters: StageFilters, lr: Float64Array, lrPath: Path): ConfigIssue[] {
  const { stages } = filters;
  const bad: number[] = [];
  for (let k = 0; k < stages.count; k++) {
    if (!(lr[k] > 1)) continue;
    const peak = stablePeakGain(filters, lr[k], k);
    if (peak !== undefined && !Number.isFinite(lr[k] * peak)) bad.push(k);
  }
  if (bad.length === 0) return [];
  const shown = bad.slice(0, 3).map((k) => stageSteps(k, stages.startStep[k], stages.endStep[k]));
  const more = bad.length - shown.length;
  const rest = more > 0 ? ` and ${more} more stage${more === 1 ? '' : 's'}` : '';
  return [
    {
      code: 'gain_overflow',
      path: lrPath,
      message: `the update response lr·|H| overflows double precision: lr × peakGain exceeds 1.8e308 in ${shown.join(', ')}${rest}; scale the learning rate down`,
      received: lr[bad[0]],
    },
  ];
}

/** The stage's peak gain (a bank's bound when α times it is finite), or undefined for an unstable stage. */
function stablePeakGain(filters: StageFilters, lr: number, k: number): number | undefined {
  if (filters.rational) {
    const a = filters.rational.a.subarray(k * filters.rational.na, (k + 1) * filters.rational.na);
    return isStablePolynomial(a) ? rationalMetrics(filters.rational, k).peakGain : undefined;
  }
  if (filters.bank) {
    const { bank } = filters;
    const B = bank.branches;
    let bound = Math.abs(bank.c0[k]);
    for (let i = 0; i < B; i++) {
      const weight = Math.abs(bank.c[k * B + i] * bank.v[k * B + i]);
      const u = Math.abs(bank.u[k * B + i]);
      if (weight !== 0 && !(u < 1)) return undefined;
      bound += weight / (1 - u);
    }
    return Number.isFinite(lr * bound) ? bound : bankMetrics(bank, k).peakGain;
  }
  const u = Math.abs(filters.stages.u[k]);
  return u < 1 ? Math.abs(filters.stages.v[k]) / (1 - u) : undefined;
}

/** a, b and c */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function overflowingGains(filters: StageFilters, k: number): string[] {
  if (filters.rational) return rationalOverflow(filters.rational, k);
  if (filters.bank) return bankOverflow(filters.bank, k);
  return firstOrderOverflow(filters.stages.u[k], filters.stages.v[k]);
}

function sameRational(table: RationalTable, j: number, k: number): boolean {
  const same = (x: Float64Array, n: number) => {
    for (let i = 0; i < n; i++) if (!Object.is(x[j * n + i], x[k * n + i])) return false;
    return true;
  };
  return same(table.b, table.nb) && same(table.a, table.na);
}

const NONE: string[] = [];

/** The names of the gains that are not finite (NONE, allocation-free, when all are: the usual case). */
function notFinite(gains: Record<string, number>): string[] {
  const names = Object.keys(gains).filter((name) => !Number.isFinite(gains[name]));
  return names.length === 0 ? NONE : names;
}

/**
 * Every first-order stage is stable with B = |v|/(1 − |u|) ≤ 1e154: then |H(0)|, |H(π)| and the peak
 * are ≤ B and the noise gain v²/(1 − u²) ≤ B·|v| ≤ B² ≤ 1e308, so nothing overflows. One multiply per
 * stage, no division: the sweep runs this at every point. Stages it cannot vouch for (unstable, NaN,
 * huge v) go through the full check.
 */
function firstOrderBounded(stages: StageTable): boolean {
  for (let k = 0; k < stages.count; k++) {
    if (!boundedStage(stages.u[k], stages.v[k])) return false;
  }
  return true;
}

function boundedStage(u: number, v: number): boolean {
  return Math.abs(v) <= 1e154 * (1 - Math.abs(u));
}

/**
 * Every first-order stage is stable (|u| < 1, u and v finite) and firstOrderBounded's bound holds:
 * then neither the stage checks nor gainOverflowIssues find anything. One pass for both, for the
 * sweep, which resolves every point.
 */
export function firstOrderStableAndBounded(stages: StageTable): boolean {
  for (let k = 0; k < stages.count; k++) {
    const u = stages.u[k];
    if (!(Math.abs(u) < 1 && boundedStage(u, stages.v[k]))) return false;
  }
  return true;
}

function firstOrderOverflow(u: number, v: number): string[] {
  if (!(Math.abs(u) < 1)) return NONE;
  const dcGain = Math.abs(v) / (1 - u);
  const nyquistGain = Math.abs(v) / (1 + u);
  const noiseGain = (v * v) / ((1 - u) * (1 + u));
  if (Number.isFinite(dcGain) && Number.isFinite(nyquistGain) && Number.isFinite(noiseGain)) return NONE;
  return notFinite({ dcGain, nyquistGain, peakGain: Math.max(dcGain, nyquistGain), noiseGain });
}

function bankOverflow(bank: BankTable, k: number): string[] {
  const B = bank.branches;
  let h0 = bank.c0[k];
  let hPi = bank.c0[k];
  let bound = Math.abs(bank.c0[k]);
  for (let i = 0; i < B; i++) {
    const u = bank.u[k * B + i];
    const a = bank.c[k * B + i] * bank.v[k * B + i];
    if (a !== 0 && !(Math.abs(u) < 1)) return NONE;
    h0 += a / (1 - u);
    hPi += a / (1 + u);
    bound += Math.abs(a) / (1 - Math.abs(u));
  }
  if (Number.isFinite(bound * bound)) return NONE; // |H(0)|, |H(π)|, peak ≤ bound; noise ≤ peak²
  const m = bankMetrics(bank, k);
  return notFinite({ dcGain: h0, nyquistGain: hPi, peakGain: m.peakGain, noiseGain: m.noiseGain });
}

function rationalOverflow(table: RationalTable, k: number): string[] {
  const b = table.b.subarray(k * table.nb, (k + 1) * table.nb);
  const a = table.a.subarray(k * table.na, (k + 1) * table.na);
  if (!isStablePolynomial(a)) return NONE;
  const { re, im } = polynomialRoots(a);
  let bound = b.reduce((s, x) => s + Math.abs(x), 0);
  for (let i = 0; i < re.length; i++) bound /= 1 - Math.hypot(re[i], im[i]);
  if (Number.isFinite(bound * bound)) return NONE;
  const m = rationalMetrics(table, k);
  return notFinite({ dcGain: m.dcGain, nyquistGain: m.nyquistGain, peakGain: m.peakGain, noiseGain: m.noiseGain });
}

/** The key whose value sets the gain: momentum.v (custom, constant), momentum.b (rational), else momentum. */
function scalePath(momentum: ScheduleConfig['momentum'], momentumPath: Path, filters: StageFilters): Path {
  if (momentum.preset === undefined) return [...momentumPath, 'v'];
  if (filters.rational) return [...momentumPath, 'b'];
  return 'v' in momentum.params ? [...momentumPath, 'v'] : momentumPath;
}
