import type { BankTable, FrequencyResponse, Schedule } from '../types.js';
import { bankOf, sameRecursion } from './bank-table.js';
import { branchFrozen } from './bank-response.js';
import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from './complex-response.js';
import { reducedAngle } from './exact-angle.js';
import { RationalExactWalker } from './rational-exact.js';

/** Runs at most this long are stepped one step at a time (cheaper than pow + cos + sin per frequency). */
const STEP_BY_STEP_MAX = 4;

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
 *   H_i(t0 + L) = H∞ + z^L·(H_i(t0) − H∞),   z = u·e^{−jω},   H∞ = v/(1 − z)
 *   H′_i(t0 + L) = H∞′ + z^L·(H′_i(t0) − H∞′ − jL·(H_i(t0) − H∞))        (′ = d/dω, for the group delay)
 *
 * with |z|^L = |u|^L by pow and arg z^L = L·(π·[u < 0]) − L·ω reduced exactly (reducedAngle), so L may be
 * 10⁹ or more. Consecutive stages with the same (u, v) in every branch are one run (only the output
 * weights c differ), so adam-m's 10⁶ per-step stages cost one jump. Cost: O(runs × branches × frequencies).
 *
 * The walker moves forward only: `advanceTo(t)` then `response(k)` for the stage k containing t.
 * References: L. A. Zadeh, "Frequency analysis of variable networks", Proc. IRE 38 (1950).
 */
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
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly startStep: Float64Array;
  private readonly endStep: Float64Array;
  private readonly firstStepCopy: boolean;

  constructor(schedule: Schedule, omega: Float64Array) {
    this.bank = bankOf(schedule);
    this.omega = omega;
    const size = this.bank.branches * omega.length;
    this.hr = new Float64Array(size);
    this.hi = new Float64Array(size);
    this.dr = new Float64Array(size);
    this.di = new Float64Array(size);
    this.cos = omega.map(Math.cos);
    this.sin = omega.map(Math.sin);
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

  /** The output H(t, ω) = c0 + Σ c_i·H_i(t) at the current step, with the output weights of stage k. */
  output(k: number = this.stage, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    const n = this.omega.length;
    const B = this.bank.branches;
    out.re.fill(this.bank.c0[k]);
    out.im.fill(0);
    out.dre.fill(0);
    out.dim.fill(0);
    for (let i = 0; i < B; i++) {
      const c = this.bank.c[k * B + i];
      if (c === 0) continue;
      const o = i * n;
      for (let f = 0; f < n; f++) {
        out.re[f] += c * this.hr[o + f];
        out.im[f] += c * this.hi[o + f];
        out.dre[f] += c * this.dr[o + f];
        out.dim[f] += c * this.di[o + f];
      }
    }
    return out;
  }

  /** The output as magnitude, dB, unwrapped phase and group delay. */
  response(k: number = this.stage): FrequencyResponse {
    return responseFromComplex(this.output(k));
  }

  /** L steps of branch i with constant (u, v). */
  private jump(i: number, u: number, v: number, L: number): void {
    const n = this.omega.length;
    const o = i * n;
    const { hr, hi, dr, di, omega } = this;
    if (L <= STEP_BY_STEP_MAX || u === 0) {
      const steps = u === 0 ? 1 : L;
      for (let f = 0; f < n; f++) this.stepThrough(o + f, u, v, steps, f);
      return;
    }
    const mag = Math.pow(Math.abs(u), L);
    const sign = u < 0 && L % 2 === 1 ? -1 : 1;
    for (let f = 0; f < n; f++) {
      const [ir, ii, idr, idi] = branchFrozen(u, v, omega[f]);
      if (!(Number.isFinite(ir) && Number.isFinite(ii))) {
        if (u === 1 && omega[f] === 0) this.accumulate(o + f, v, L);
        else this.stepThrough(o + f, u, v, L, f);
        continue;
      }
      const xr = hr[o + f] - ir;
      const xi = hi[o + f] - ii;
      if (mag === 0) {
        hr[o + f] = ir;
        hi[o + f] = ii;
        dr[o + f] = idr;
        di[o + f] = idi;
        continue;
      }
      const theta = -reducedAngle(L, omega[f]);
      const zr = sign * mag * Math.cos(theta);
      const zi = sign * mag * Math.sin(theta);
      // Δ′ − jLΔ
      const yr = dr[o + f] - idr + L * xi;
      const yi = di[o + f] - idi - L * xr;
      hr[o + f] = ir + zr * xr - zi * xi;
      hi[o + f] = ii + zr * xi + zi * xr;
      dr[o + f] = idr + zr * yr - zi * yi;
      di[o + f] = idi + zr * yi + zi * yr;
    }
  }

  /**
   * L steps with z = u·e^{−jω} = 1 (u = 1 at ω = 0, only with --allow-unstable), where H∞ = v/(1 − z) does
   * not exist: H gains v per step, so H(t0 + L) = H(t0) + L·v and, from H′ ← H′ − j·H,
   * H′(t0 + L) = H′(t0) − j·(L·H(t0) + v·L(L − 1)/2). O(1) whatever L (a 10¹²-step run was stepped through).
   */
  private accumulate(at: number, v: number, L: number): void {
    const hr = this.hr[at];
    const hi = this.hi[at];
    this.dr[at] += L * hi;
    this.di[at] -= L * hr + (v * L * (L - 1)) / 2;
    this.hr[at] = hr + L * v;
  }

  /** L steps of the recursion, one at a time: runs of a few steps, and an H∞ that overflows (|u| far
   *  above 1, only with --allow-unstable), where the closed form does not apply. */
  private stepThrough(at: number, u: number, v: number, L: number, f: number): void {
    const zr = u * this.cos[f];
    const zi = -u * this.sin[f];
    let a = this.hr[at];
    let b = this.hi[at];
    let da = this.dr[at];
    let db = this.di[at];
    for (let s = 0; s < L; s++) {
      // H′ ← z·(H′ − jH); H ← v + z·H
      const pr = da + b;
      const pi = db - a;
      da = zr * pr - zi * pi;
      db = zr * pi + zi * pr;
      const nr = v + zr * a - zi * b;
      b = zr * b + zi * a;
      a = nr;
    }
    this.hr[at] = a;
    this.hi[at] = b;
    this.dr[at] = da;
    this.di[at] = db;
  }
}

/**
 * Exact responses H(t, ω) at the given steps (ascending or not; each 1 … schedule.steps); rational schedules
 * are stepped (RationalExactWalker), all others use the closed form.
 *
 *   exactResponseAt(schedule, linearGrid(512), [1, 100, schedule.steps])
 */
export function exactResponseAt(schedule: Schedule, omega: Float64Array, steps: readonly number[]): FrequencyResponse[] {
  const order = steps.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const walker = schedule.rational ? new RationalExactWalker(schedule, omega) : new ExactResponseWalker(schedule, omega);
  const out: FrequencyResponse[] = new Array(steps.length);
  for (const [s, i] of order) {
    walker.advanceTo(s);
    out[i] = walker.response();
  }
  return out;
}
