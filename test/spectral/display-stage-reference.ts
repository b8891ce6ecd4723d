import { displayStageEnds } from '../../src/analysis/display-stages.js';
import type { Schedule } from '../../src/types.js';

/** A display stage as the reference sees it: real stages first … last, its samples inside the signal. */
export interface Span {
  first: number;
  last: number;
  samples: number;
}

/**
 * Reference for the display-stage counts: every count N from `from` to `to`, the display stages of
 * analyze --display-stages N cut at `steps`, counted by `ok` and, of those, by `preferred` too; the N
 * with the most preferred, then the most ok (the last such N on a tie), or `to` with none when no N
 * has any ok. Without `preferred`, the most ok.
 */
export function bruteForceCount(schedule: Schedule, steps: number, ok: (span: Span) => boolean, from = 1, to = 256, preferred: (span: Span) => boolean = () => false): { displayStages: number; measurable: number; reached: number; preferred: number } {
  const rows: { displayStages: number; measurable: number; reached: number; preferred: number }[] = [];
  for (let n = from; n <= to; n++) {
    let first = 0, count = 0, reached = 0, liked = 0;
    for (const last of displayStageEnds(schedule.stages, n)) {
      const start = schedule.stages.startStep[first];
      if (start > steps) break;
      reached++;
      const span = { first, last, samples: Math.min(schedule.stages.endStep[last], steps) - start + 1 };
      if (ok(span)) count++;
      if (ok(span) && preferred(span)) liked++;
      first = last + 1;
    }
    rows.push({ displayStages: n, measurable: count, reached, preferred: liked });
  }
  // Sort by (preferred, measurable, N) and take the largest.
  const best = [...rows].sort((a, b) => a.preferred - b.preferred || a.measurable - b.measurable || a.displayStages - b.displayStages).at(-1)!;
  return best.measurable === 0 ? { displayStages: to, measurable: 0, reached: rows.at(-1)!.reached, preferred: 0 } : best;
}

/**
 * simulate's preference as docs/spectral.md states it: a span judged with the stated tolerance (τ below
 * a quarter of its Welch segment) whose segment resolves the reference frequency f (cycles/step): a
 * bin k/nperseg strictly between 0 and f, i.e. nperseg·f > 1 (any segment without a reference).
 */
export function statedAndResolving(schedule: Schedule, span: Span, cap: number, reference?: number): boolean {
  if (span.samples < 16) return false;
  let nperseg = 1;
  while (nperseg * 2 <= Math.min(cap, span.samples / 4)) nperseg *= 2;
  const tau = longestTimeConstant(schedule, span.first, span.last);
  return 4 * tau < nperseg && (reference === undefined || nperseg * reference > 1);
}

/**
 * Whether a span's frozen gains at f (cycles/step) lie within `widthDb` of each other, max − min in dB
 * over real stages first … last of |H_k(ω)|, ω = 2πf, from the coefficients: first order v/(1 − u·z⁻¹),
 * a bank c0 + Σ c_i·v_i/(1 − u_i·z⁻¹), a rational stage Σ b_j z⁻ʲ / Σ a_j z⁻ʲ, each at z = e^{jω}.
 */
export function narrowAt(schedule: Schedule, span: Span, f: number, widthDb: number): boolean {
  const w = 2 * Math.PI * f;
  // z^{-j} = e^{-jωj} = cos(ωj) − i·sin(ωj); complex arithmetic on [re, im] pairs.
  const div = (a: number[], b: number[]): number[] => { const d = b[0] * b[0] + b[1] * b[1]; return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d]; };
  const poly = (c: ArrayLike<number>, from: number, n: number): number[] => {
    let re = 0, im = 0;
    for (let j = 0; j < n; j++) { re += c[from + j] * Math.cos(w * j); im -= c[from + j] * Math.sin(w * j); }
    return [re, im];
  };
  const gain = (k: number): number => {
    const filter = schedule.filter;
    if (filter.kind === 'first-order') return Math.hypot(...div([filter.v[k], 0], [1 - filter.u[k] * Math.cos(w), filter.u[k] * Math.sin(w)]));
    if (filter.kind === 'bank') {
      const { branches: B, c0, c, u, v } = filter.bank;
      let re = c0[k], im = 0;
      for (let i = 0; i < B; i++) { const h = div([c[k * B + i] * v[k * B + i], 0], [1 - u[k * B + i] * Math.cos(w), u[k * B + i] * Math.sin(w)]); re += h[0]; im += h[1]; }
      return Math.hypot(re, im);
    }
    const { nb, na, b, a } = filter.rational;
    return Math.hypot(...div(poly(b, k * nb, nb), poly(a, k * na, na)));
  };
  let lo = Infinity, hi = -Infinity;
  for (let k = span.first; k <= span.last; k++) {
    const db = 20 * Math.log10(gain(k));
    lo = Math.min(lo, db);
    hi = Math.max(hi, db);
  }
  return hi - lo <= widthDb;
}

/** The largest pole radius of real stage k, read off the filter's coefficients (first order: |u|; a bank: its branches that reach the output). */
function poleRadius(schedule: Schedule, k: number): number {
  const f = schedule.filter;
  if (f.kind === 'first-order') return Math.abs(f.u[k]);
  if (f.kind === 'bank') {
    const B = f.bank.branches;
    let r = 0;
    for (let i = 0; i < B; i++) if (f.bank.c[k * B + i] * f.bank.v[k * B + i] !== 0) r = Math.max(r, Math.abs(f.bank.u[k * B + i]));
    return r;
  }
  throw new Error('the reference covers first-order and bank schedules');
}

/**
 * simulate's judging rule as docs/spectral.md states it: a stage of n samples is measured with Welch
 * segments of the largest power of two ≤ min(cap, n/4) (none below 16 samples); it is judged when its
 * longest time constant τ = −1/ln ρ is below a quarter segment, or at most one segment with segments
 * of 16 … 256 samples (the measured memory bias).
 */
export function judgedByRule(schedule: Schedule, span: Span, cap: number): boolean {
  if (span.samples < 16) return false;
  let nperseg = 1;
  while (nperseg * 2 <= Math.min(cap, span.samples / 4)) nperseg *= 2;
  const tau = longestTimeConstant(schedule, span.first, span.last);
  if (4 * tau < nperseg) return true;
  return nperseg >= 16 && nperseg <= 256 && tau <= nperseg;
}

/** The longest time constant −1/ln ρ (steps) over real stages first … last (∞ for ρ ≥ 1). */
export function longestTimeConstant(schedule: Schedule, first: number, last: number): number {
  let rho = 0;
  for (let k = first; k <= last; k++) rho = Math.max(rho, poleRadius(schedule, k));
  return rho >= 1 ? Infinity : -1 / Math.log(rho);
}
