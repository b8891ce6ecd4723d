import type { FrequencyResponse, RationalTable } from '../types.js';
import type { WalkedSchedule } from './exact-response.js';
import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from './complex-response.js';
import { frozenRationalComplex } from './rational-response.js';
import { cachedUnitCircleSplit } from './unit-circle-zeros.js';
import { emptyZeroLimitInput } from './zero-limit.js';

/**
 * The exact time-variant response of a rational schedule (preset `rational`), stepped through every step:
 * with the input g_s = e^{jωs} from s = 1 and the difference equation of the stage containing t,
 *
 *   y_t = Σ_k b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k}      (a_0 = 1; g_s = y_s = 0 for s ≤ 0)
 *
 * H(t, ω) = y_t·e^{−jωt} obeys H(t) = Σ_{k<t} b_k·e^{−jωk} − Σ_{k≥1} a_k·e^{−jωk}·H(t − k), which is what is
 * run here, with dH/dω and d²H/dω² alongside (d/dω e^{−jωk} = −jk·e^{−jωk}; the second derivative is for
 * the group delay at zeros of H). The input sum Σ b_k·e^{−jωk} is formed once per stage (and per step
 * only while t < nb). A stage switch keeps the past inputs and outputs (direct form I), as a training
 * loop that changes its filter coefficients would.
 *
 * Cost: O(steps × frequencies × na) — no closed form is used, since the order is arbitrary
 * (e.g. 117 000 steps × 512 frequencies × 3 coefficients ≈ 2·10⁸ complex operations, about a second).
 */
export class RationalExactWalker {
  step = 0;
  stage = 0;
  readonly omega: Float64Array;
  private readonly schedule: WalkedSchedule;
  private readonly rational: RationalTable;
  private readonly nb: number;
  private readonly na: number;
  /** History ring of H(t − 1 … t − na + 1) and dH/dω per frequency: slot (t mod na)·n + f. */
  private readonly hr: Float64Array;
  private readonly hi: Float64Array;
  private readonly dr: Float64Array;
  private readonly di: Float64Array;
  /** … and d²H/dω². */
  private readonly d2r: Float64Array;
  private readonly d2i: Float64Array;
  /** e^{−jωk} for k < max(nb, na), per frequency: k·n + f. */
  private readonly er: Float64Array;
  private readonly ei: Float64Array;

  /** `rational`: the schedule's polynomials. Build walkers with exactWalker (filter/stage-filter.ts). */
  constructor(schedule: WalkedSchedule, rational: RationalTable, omega: Float64Array) {
    this.schedule = schedule;
    this.rational = rational;
    this.omega = omega;
    this.nb = rational.nb;
    this.na = rational.na;
    const n = omega.length;
    const depth = Math.max(1, this.na);
    this.hr = new Float64Array(depth * n);
    this.hi = new Float64Array(depth * n);
    this.dr = new Float64Array(depth * n);
    this.di = new Float64Array(depth * n);
    this.d2r = new Float64Array(depth * n);
    this.d2i = new Float64Array(depth * n);
    const powers = Math.max(this.nb, this.na);
    this.er = new Float64Array(powers * n);
    this.ei = new Float64Array(powers * n);
    for (let k = 0; k < powers; k++) {
      for (let f = 0; f < n; f++) {
        this.er[k * n + f] = Math.cos(k * omega[f]);
        this.ei[k * n + f] = -Math.sin(k * omega[f]);
      }
    }
  }

  /**
   * Steps forward to step t. With `watch`, records in watch.lastOutside the last step (from the current
   * one on) where |H − frozen| > tolerance·|frozen| at some frequency.
   */
  advanceTo(t: number, watch?: { frozen: ComplexResponse; tolerance: number; lastOutside: number }): void {
    const { stages } = this.schedule;
    const table = this.rational;
    if (t < this.step || t > stages.endStep[stages.count - 1]) throw new RangeError(`cannot advance from step ${this.step} to ${t}`);
    const n = this.omega.length;
    const { nb, na, hr, hi, dr, di, d2r, d2i, er, ei } = this;
    const depth = Math.max(1, na);
    const limit = watch ? watchLimits(watch) : undefined;
    if (watch && this.outside(limit!)) watch.lastOutside = this.step;
    const ak = new Float64Array(na);
    const input = new Float64Array(6 * n);
    let loaded = -1;
    let inputTerms = -1;
    while (this.step < t) {
      const s = this.step + 1;
      let k = this.stage;
      while (stages.endStep[k] < s) k++;
      this.stage = k;
      if (k !== loaded) {
        ak.set(table.a.subarray(k * na, (k + 1) * na));
        loaded = k;
        inputTerms = -1;
      }
      // Σ_{m<min(nb, s)} b_m·e^{−jωm} and its two derivatives: the same for every step once s ≥ nb
      const bUpTo = Math.min(nb, s); // inputs before step 1 are 0
      if (bUpTo !== inputTerms) {
        inputSum(table.b, k * nb, bUpTo, er, ei, n, input);
        inputTerms = bUpTo;
      }
      const out = (s % depth) * n;
      hr.set(input.subarray(0, n), out);
      hi.set(input.subarray(n, 2 * n), out);
      dr.set(input.subarray(2 * n, 3 * n), out);
      di.set(input.subarray(3 * n, 4 * n), out);
      d2r.set(input.subarray(4 * n, 5 * n), out);
      d2i.set(input.subarray(5 * n, 6 * n), out);
      for (let m = 1; m < Math.min(na, s); m++) {
        const a = ak[m];
        if (a === 0) continue;
        const at = ((s - m) % depth) * n;
        const e = m * n;
        for (let f = 0; f < n; f++) {
          const cr = er[e + f];
          const ci = ei[e + f];
          const pr = hr[at + f];
          const pi = hi[at + f];
          const qr = dr[at + f];
          const qi = di[at + f];
          // a·e^{−jωm}·X with X = H, H′ − jmH, H″ − 2jmH′ − m²H (the derivatives of e^{−jωm}·H)
          hr[out + f] -= a * (cr * pr - ci * pi);
          hi[out + f] -= a * (cr * pi + ci * pr);
          const xr = qr + m * pi;
          const xi = qi - m * pr;
          dr[out + f] -= a * (cr * xr - ci * xi);
          di[out + f] -= a * (cr * xi + ci * xr);
          const wr = d2r[at + f] + 2 * m * qi - m * m * pr;
          const wi = d2i[at + f] - 2 * m * qr - m * m * pi;
          d2r[out + f] -= a * (cr * wr - ci * wi);
          d2i[out + f] -= a * (cr * wi + ci * wr);
        }
      }
      this.step = s;
      if (watch && this.outside(limit!)) watch.lastOutside = s;
    }
    while (this.stage + 1 < stages.count && stages.startStep[this.stage + 1] <= this.step) this.stage++;
  }

  /**
   * H(t, ω) at the current step (the stage index is unused: the output is the difference equation's),
   * with H″ and the sizes of the terms of the last step for τ at zeros of H (groupDelayAtZero):
   * Σ_m |b_m|·mⁿ + Σ_m |a_m|·|(mⁿ-weighted) H(t − m) and its derivatives|. Where the stage containing t is
   * FIR (a = [1]), H(t) is the polynomial Σ_{m<min(t, nb)} b_m·e^{−jωm} whatever came before, and its group
   * delay comes from its root form where it has unit-circle zeros, as for the frozen response.
   */
  output(_k: number = this.stage, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    const n = this.omega.length;
    const z = (out.atZeros ??= emptyZeroLimitInput(this.omega));
    z.split = undefined;
    if (this.step === 0) {
      for (const x of [out.re, out.im, out.dre, out.dim, z.d2re, z.d2im, z.s0, z.s1, z.s2]) x.fill(0);
      return out;
    }
    const { nb, na, hr, hi, dr, di, d2r, d2i } = this;
    const depth = Math.max(1, na);
    const slot = (this.step % depth) * n;
    out.re.set(hr.subarray(slot, slot + n));
    out.im.set(hi.subarray(slot, slot + n));
    out.dre.set(dr.subarray(slot, slot + n));
    out.dim.set(di.subarray(slot, slot + n));
    z.d2re.set(d2r.subarray(slot, slot + n));
    z.d2im.set(d2i.subarray(slot, slot + n));
    const table = this.rational;
    const k = this.stage;
    const b = table.b.subarray(k * nb, k * nb + Math.min(nb, this.step));
    const a = table.a.subarray(k * na, (k + 1) * na);
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    b.forEach((x, m) => {
      b0 += Math.abs(x);
      b1 += m * Math.abs(x);
      b2 += m * m * Math.abs(x);
    });
    z.s0.fill(b0);
    z.s1.fill(b1);
    z.s2.fill(b2);
    let fir = true;
    for (let m = 1; m < Math.min(na, this.step); m++) {
      const w = Math.abs(a[m]);
      if (w === 0) continue;
      fir = false;
      const at = ((this.step - m) % depth) * n;
      for (let f = 0; f < n; f++) {
        const h0 = Math.hypot(hr[at + f], hi[at + f]);
        const h1 = Math.hypot(dr[at + f], di[at + f]);
        const h2 = Math.hypot(d2r[at + f], d2i[at + f]);
        z.s0[f] += w * h0;
        z.s1[f] += w * (h1 + m * h0);
        z.s2[f] += w * (h2 + 2 * m * h1 + m * m * h0);
      }
    }
    if (fir) z.split = cachedUnitCircleSplit(b);
    return out;
  }

  response(): FrequencyResponse {
    return responseFromComplex(this.output());
  }

  /** The frozen response H_k(e^{jω}) of stage k (frozenRationalComplex), what the exact one is compared with, into `out`. */
  frozenComplex(k: number, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    return frozenRationalComplex(this.rational, k, this.omega, out);
  }

  /**
   * Whether |H − frozen| > tolerance·|frozen| at some frequency, as |(H − frozen)/|frozen||² > tolerance²:
   * squares of the relative difference (no hypot in the hot loop, and no square of a tiny or huge gain).
   */
  private outside(limit: { re: Float64Array; im: Float64Array; inverse: Float64Array; tolerance2: number }): boolean {
    const n = this.omega.length;
    const slot = (this.step % Math.max(1, this.na)) * n;
    const { re, im, inverse, tolerance2 } = limit;
    const zero = this.step === 0;
    for (let f = 0; f < n; f++) {
      const dr = ((zero ? 0 : this.hr[slot + f]) - re[f]) * inverse[f];
      const di = ((zero ? 0 : this.hi[slot + f]) - im[f]) * inverse[f];
      if (!(dr * dr + di * di <= tolerance2)) return true;
    }
    return false;
  }
}

/** The frozen response and 1/|frozen| per frequency (the largest double where it vanishes: only H = frozen passes there). */
function watchLimits(watch: { frozen: ComplexResponse; tolerance: number }): { re: Float64Array; im: Float64Array; inverse: Float64Array; tolerance2: number } {
  const { re, im } = watch.frozen;
  const inverse = re.map((r, f) => Math.min(Number.MAX_VALUE, 1 / Math.hypot(r, im[f])));
  return { re, im, inverse, tolerance2: watch.tolerance * watch.tolerance };
}

/**
 * Σ_{m<terms} b_m·e^{−jωm} and its first two derivatives in ω (factors −jm and −m²), per frequency, into
 * out as [re | im | d1 re | d1 im | d2 re | d2 im], each n long. b from offset; e^{−jωm} as (er, ei).
 */
function inputSum(b: Float64Array, offset: number, terms: number, er: Float64Array, ei: Float64Array, n: number, out: Float64Array): void {
  out.fill(0);
  for (let m = 0; m < terms; m++) {
    const c = b[offset + m];
    if (c === 0) continue;
    for (let f = 0; f < n; f++) {
      const r = er[m * n + f];
      const i = ei[m * n + f];
      out[f] += c * r;
      out[n + f] += c * i;
      // d/dω (c·e^{−jωm}) = −jm·c·e^{−jωm}; d²/dω² = −m²·c·e^{−jωm}
      out[2 * n + f] += m * c * i;
      out[3 * n + f] -= m * c * r;
      out[4 * n + f] -= m * m * c * r;
      out[5 * n + f] -= m * m * c * i;
    }
  }
}
