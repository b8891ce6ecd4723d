import type { BankTable, FrequencyResponse, Schedule } from '../types.js';
import { sameRecursion } from './bank-table.js';
import { branchFrozenAt, frozenBankComplex } from './bank-response.js';
import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from './complex-response.js';
import { reducedAngle } from './exact-angle.js';
import { emptyZeroLimitInput } from './zero-limit.js';

/** Runs at most this long are stepped one step at a time (cheaper than pow + cos + sin per frequency). */
export const STEP_BY_STEP_MAX = 4;

/**
 * The exact time-variant frequency response (Zadeh's system function) of a momentum schedule,
 *
 *   H(t, ω) = Σ_{s ≤ t} h(t, s)·e^{−jω(t−s)}
 *
 * i.e. the output at step t for the input g_s = e^{jωs} started at step 1, divided by e^{jωt}. Each
 * branch of the filter bank obeys H_i(t) = v_t + u_t·e^{−jω}·H_i(t − 1), H_i(0) = 0 (H_i(1) = 1 when the
 * optimizer copies the first gradient into its buffer), and the output is H(t) = c0_t + Σ c_i,t·H_i(t).
 *
 * Inside a run of steps with constant (u, v) the recursion has the closed form
 *
 *   H_i(t0 + L) = H∞ + z^L·Δ,   z = u·e^{−jω},   H∞ = v/(1 − z),   Δ = H_i(t0) − H∞
 *   H′_i(t0 + L) = H∞′ + z^L·(Δ′ − jL·Δ)                      (′ = d/dω, for the group delay)
 *   H″_i(t0 + L) = H∞″ + z^L·(Δ″ − 2jL·Δ′ − L²·Δ)             (for the group delay at a zero of H)
 *
 * with |z|^L = |u|^L by pow and arg z^L = L·(π·[u < 0]) − L·ω reduced exactly (reducedAngle), so L may be
 * 10⁹ or more. Consecutive stages with the same (u, v) in every branch are one run (only the output
 * weights c differ), so adam-m's 10⁶ per-step stages cost one jump. Cost: O(runs × branches × frequencies).
 *
 * Alongside, per branch, bounds on the sizes of the terms H_i, H′_i and H″_i are sums of,
 * Σ_s |t − s|ⁿ·|h_i(t, s)| for n = 0, 1, 2 (absoluteSums): where |H| is below its terms' rounding,
 * the output carries what the continuous group delay needs (groupDelayAtZero).
 *
 * The walker moves forward only: `advanceTo(t)` then `response(k)` for the stage k containing t.
 * References: L. A. Zadeh, "Frequency analysis of variable networks", Proc. IRE 38 (1950).
 */
/** What a walker reads of a schedule besides its filter's table: the stage spans and the first-step copy. */
export type WalkedSchedule = Pick<Schedule, 'stages' | 'firstStepCopy'>;

export class ExactResponseWalker {
  /** Current step (0 = before the first gradient). */
  step = 0;
  /** Stage containing the current step (0 before the start). */
  stage = 0;
  readonly bank: BankTable;
  readonly omega: Float64Array;
  /** Branch states, branch-major: branch i at frequency f is at i·n + f. */
  readonly hr: Float64Array;
  readonly hi: Float64Array;
  readonly dr: Float64Array;
  readonly di: Float64Array;
  /** d²H_i/dω², branch-major. */
  readonly d2r: Float64Array;
  readonly d2i: Float64Array;
  /** Per branch: Σ_s |t − s|ⁿ·|h_i(t, s)|, n = 0, 1, 2 (upper bounds within a small factor). */
  private readonly sums: [Float64Array, Float64Array, Float64Array];
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly sinHalf: Float64Array;
  private readonly cosHalf: Float64Array;
  /** branchFrozenAt's output. */
  private readonly frozen = new Float64Array(6);
  private readonly startStep: Float64Array;
  private readonly endStep: Float64Array;
  private readonly firstStepCopy: boolean;

  /**
   * `bank`: the schedule's filter as a bank (a first-order schedule is the one-branch bank). Build walkers
   * with exactWalker (filter/stage-filter.ts), which picks the table and the walker by the filter's kind.
   */
  constructor(schedule: WalkedSchedule, bank: BankTable, omega: Float64Array) {
    this.bank = bank;
    this.omega = omega;
    const size = this.bank.branches * omega.length;
    this.hr = new Float64Array(size);
    this.hi = new Float64Array(size);
    this.dr = new Float64Array(size);
    this.di = new Float64Array(size);
    this.d2r = new Float64Array(size);
    this.d2i = new Float64Array(size);
    const B = this.bank.branches;
    this.sums = [new Float64Array(B), new Float64Array(B), new Float64Array(B)];
    this.cos = omega.map(Math.cos);
    this.sin = omega.map(Math.sin);
    this.sinHalf = omega.map((w) => Math.sin(w / 2));
    this.cosHalf = omega.map((w) => Math.cos(w / 2));
    this.startStep = schedule.stages.startStep;
    this.endStep = schedule.stages.endStep;
    this.firstStepCopy = schedule.firstStepCopy;
  }

  /** Runs the recursion forward to step t (t ≥ current step, t ≤ the schedule's last step). */
  advanceTo(t: number): void {
    const count = this.endStep.length;
    if (t < this.step || t > this.endStep[count - 1]) throw new RangeError(`cannot advance from step ${this.step} to ${t}`);
    while (this.step < t) {
      if (this.step === 0 && this.firstStepCopy) {
        // m_1 = g_1 in every branch: H_i(1) = 1, flat in ω.
        this.hr.fill(1);
        this.hi.fill(0);
        this.dr.fill(0);
        this.di.fill(0);
        this.d2r.fill(0);
        this.d2i.fill(0);
        this.sums[0].fill(1);
        this.sums[1].fill(0);
        this.sums[2].fill(0);
        this.step = 1;
        continue;
      }
      let k = this.stage;
      while (this.endStep[k] < this.step + 1) k++;
      let j = k;
      let end = Math.min(t, this.endStep[j]);
      while (end === this.endStep[j] && end < t && j + 1 < count && sameRecursion(this.bank, j + 1, k)) {
        j++;
        end = Math.min(t, this.endStep[j]);
      }
      const B = this.bank.branches;
      for (let i = 0; i < B; i++) this.jump(i, this.bank.u[k * B + i], this.bank.v[k * B + i], end - this.step);
      this.step = end;
      this.stage = j;
    }
    while (this.stage + 1 < count && this.startStep[this.stage + 1] <= this.step) this.stage++;
  }

  /**
   * The output H(t, ω) = c0 + Σ c_i·H_i(t) at the current step, with the output weights of stage k, and
   * its H″ and term sizes (|c0| + Σ |c_i|·Σ_s|h_i|, Σ |c_i|·Σ_s |t − s|ⁿ·|h_i|) for τ at its zeros.
   */
  output(k: number = this.stage, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    const n = this.omega.length;
    const B = this.bank.branches;
    const z = (out.atZeros ??= emptyZeroLimitInput(this.omega));
    const c0 = this.bank.c0[k];
    out.re.fill(c0);
    out.im.fill(0);
    out.dre.fill(0);
    out.dim.fill(0);
    z.d2re.fill(0);
    z.d2im.fill(0);
    let s0 = Math.abs(c0);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < B; i++) {
      const c = this.bank.c[k * B + i];
      if (c === 0) continue;
      s0 += Math.abs(c) * this.sums[0][i];
      s1 += Math.abs(c) * this.sums[1][i];
      s2 += Math.abs(c) * this.sums[2][i];
      const o = i * n;
      for (let f = 0; f < n; f++) {
        out.re[f] += c * this.hr[o + f];
        out.im[f] += c * this.hi[o + f];
        out.dre[f] += c * this.dr[o + f];
        out.dim[f] += c * this.di[o + f];
        z.d2re[f] += c * this.d2r[o + f];
        z.d2im[f] += c * this.d2i[o + f];
      }
    }
    z.s0.fill(s0);
    z.s1.fill(s1);
    z.s2.fill(s2);
    return out;
  }

  /** The output as magnitude, dB, unwrapped phase and group delay. */
  response(k: number = this.stage): FrequencyResponse {
    return responseFromComplex(this.output(k));
  }

  /** The frozen response H_k(e^{jω}) of stage k (frozenBankComplex), what the exact one is compared with, into `out`. */
  frozenComplex(k: number, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    return frozenBankComplex(this.bank, k, this.omega, out);
  }

  /** L steps of branch i with constant (u, v). */
  private jump(i: number, u: number, v: number, L: number): void {
    const n = this.omega.length;
    const o = i * n;
    const { hr, hi, dr, di, d2r, d2i, omega } = this;
    absoluteSums(this.sums, i, u, v, u === 0 ? 1 : L);
    if (L <= STEP_BY_STEP_MAX || u === 0) {
      const steps = u === 0 ? 1 : L;
      this.stepThrough(o, u, v, steps, 0, n);
      return;
    }
    const mag = Math.pow(Math.abs(u), L);
    const sign = u < 0 && L % 2 === 1 ? -1 : 1;
    for (let f = 0; f < n; f++) {
      const frozen = this.frozen;
      branchFrozenAt(u, v, this.sin[f], this.cos[f], u >= 0 ? this.sinHalf[f] : this.cosHalf[f], frozen);
      const [ir, ii, idr, idi, i2r, i2i] = frozen;
      if (!(Number.isFinite(ir) && Number.isFinite(ii))) {
        if (u === 1 && omega[f] === 0) this.accumulate(o + f, v, L);
        else this.stepThrough(o, u, v, L, f, f + 1);
        continue;
      }
      const xr = hr[o + f] - ir;
      const xi = hi[o + f] - ii;
      if (mag === 0) {
        hr[o + f] = ir;
        hi[o + f] = ii;
        dr[o + f] = idr;
        di[o + f] = idi;
        d2r[o + f] = i2r;
        d2i[o + f] = i2i;
        continue;
      }
      const theta = -reducedAngle(L, omega[f]);
      const zr = sign * mag * Math.cos(theta);
      const zi = sign * mag * Math.sin(theta);
      // Δ′ − jLΔ and Δ″ − 2jLΔ′ − L²Δ
      const er = dr[o + f] - idr;
      const ei = di[o + f] - idi;
      const yr = er + L * xi;
      const yi = ei - L * xr;
      const y2r = d2r[o + f] - i2r + 2 * L * ei - L * L * xr;
      const y2i = d2i[o + f] - i2i - 2 * L * er - L * L * xi;
      hr[o + f] = ir + zr * xr - zi * xi;
      hi[o + f] = ii + zr * xi + zi * xr;
      dr[o + f] = idr + zr * yr - zi * yi;
      di[o + f] = idi + zr * yi + zi * yr;
      d2r[o + f] = i2r + zr * y2r - zi * y2i;
      d2i[o + f] = i2i + zr * y2i + zi * y2r;
    }
  }

  /**
   * L steps with z = u·e^{−jω} = 1 (u = 1 at ω = 0, only with --allow-unstable), where H∞ = v/(1 − z) does
   * not exist: H gains v per step, so H(t0 + L) = H(t0) + L·v; from H′ ← H′ − j·H and H″ ← H″ − 2j·H′ − H,
   * H′(t0 + L) = H′(t0) − j·(L·H(t0) + v·L(L − 1)/2) and
   * H″(t0 + L) = H″(t0) − 2jL·H′(t0) − L²·H(t0) − v·L(L − 1)(2L − 1)/6 (the v term is −v·Σ_{k<L} k²).
   * O(1) whatever L (a 10¹²-step run was stepped through).
   */
  private accumulate(at: number, v: number, L: number): void {
    const hr = this.hr[at];
    const hi = this.hi[at];
    const dr = this.dr[at];
    const di = this.di[at];
    this.d2r[at] += 2 * L * di - L * L * hr - (v * L * (L - 1) * (2 * L - 1)) / 6;
    this.d2i[at] += -2 * L * dr - L * L * hi;
    this.dr[at] = dr + L * hi;
    this.di[at] = di - (L * hr + (v * L * (L - 1)) / 2);
    this.hr[at] = hr + L * v;
  }

  /** L steps of the recursion, one at a time: short stages, and poles on the unit circle
   *  (u = ±1 at ω = 0 or π, only with --allow-unstable) where the closed form does not apply. */
  private stepThrough(o: number, u: number, v: number, L: number, from: number, to: number): void {
    const { hr, hi, dr, di, d2r, d2i, cos, sin } = this;
    for (let f = from; f < to; f++) {
      const at = o + f;
      const zr = u * cos[f];
      const zi = -u * sin[f];
      let a = hr[at];
      let b = hi[at];
      let da = dr[at];
      let db = di[at];
      let sa = d2r[at];
      let sb = d2i[at];
      for (let s = 0; s < L; s++) {
        // H″ ← z·(H″ − 2jH′ − H); H′ ← z·(H′ − jH); H ← v + z·H
        const qr = sa + 2 * db - a;
        const qi = sb - 2 * da - b;
        sa = zr * qr - zi * qi;
        sb = zr * qi + zi * qr;
        const pr = da + b;
        const pi = db - a;
        da = zr * pr - zi * pi;
        db = zr * pi + zi * pr;
        const nr = v + zr * a - zi * b;
        b = zr * b + zi * a;
        a = nr;
      }
      hr[at] = a;
      hi[at] = b;
      dr[at] = da;
      di[at] = db;
      d2r[at] = sa;
      d2i[at] = sb;
    }
  }
}

/**
 * Advances branch i's term sizes S_n = Σ_s |t − s|ⁿ·|h_i(t, s)| by L steps of constant (u, v): the old
 * terms decay by |u|^L and lie L steps further back, the new ones are |v|·|u|^k at lags k < L:
 *
 *   S0 ← g·S0 + |v|·G0,   S1 ← g·(S1 + L·S0) + |v|·G1,   S2 ← g·(S2 + 2L·S1 + L²·S0) + |v|·G2,
 *
 * g = |u|^L, G_n = Σ_{k<L} kⁿ·|u|^k (geometricMoments). Infinity once they overflow (|u| > 1).
 */
function absoluteSums(sums: [Float64Array, Float64Array, Float64Array], i: number, u: number, v: number, L: number): void {
  const p = Math.abs(u);
  const q = Math.abs(v);
  const g = Math.pow(p, L);
  geometricMoments(p, L, MOMENTS);
  const [s0, s1, s2] = sums;
  const a0 = s0[i];
  const a1 = s1[i];
  const a2 = s2[i];
  s0[i] = g * a0 + q * MOMENTS[0];
  s1[i] = g * (a1 + L * a0) + q * MOMENTS[1];
  s2[i] = g * (a2 + 2 * L * a1 + L * L * a0) + q * MOMENTS[2];
  for (const x of sums) if (Number.isNaN(x[i])) x[i] = Infinity;
}

const MOMENTS = new Float64Array(3);

/**
 * Σ_{k<L} kⁿ·p^k for n = 0, 1, 2 and p ≥ 0: exact for n = 0 (p < 1: −expm1(L·ln p)/(1 − p)); for n = 1, 2
 * the smaller of the sums without decay (L(L − 1)/2, (L − 1)L(2L − 1)/6) and the infinite series
 * (p/(1 − p)², p(1 + p)/(1 − p)³), upper bounds within a factor 2 (n = 1) and 3.4 (n = 2) that never
 * cancel. p ≥ 1 (unstable stages only): p^{L−1} times the sums without decay, looser upper bounds.
 */
function geometricMoments(p: number, L: number, out: Float64Array): void {
  const m1 = (L * (L - 1)) / 2;
  const m2 = ((L - 1) * L * (2 * L - 1)) / 6;
  if (p >= 1) {
    const grow = Math.pow(p, L - 1);
    out[0] = L * grow;
    out[1] = m1 * grow;
    out[2] = m2 * grow;
  } else if (p === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
  } else {
    const r = 1 - p;
    out[0] = -Math.expm1(L * Math.log(p)) / r;
    out[1] = Math.min(m1, p / (r * r));
    out[2] = Math.min(m2, (p * (1 + p)) / (r * r * r));
  }
}
