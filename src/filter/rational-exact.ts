import type { FrequencyResponse, Schedule } from '../types.js';
import { emptyComplexResponse, responseFromComplex, type ComplexResponse } from './complex-response.js';

/**
 * The exact time-variant response of a rational schedule (preset `rational`), stepped through every step:
 * with the input g_s = e^{jωs} from s = 1 and the difference equation of the stage containing t,
 *
 *   y_t = Σ_k b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k}      (a_0 = 1; g_s = y_s = 0 for s ≤ 0)
 *
 * H(t, ω) = y_t·e^{−jωt} obeys H(t) = Σ_{k<t} b_k·e^{−jωk} − Σ_{k≥1} a_k·e^{−jωk}·H(t − k), which is what is
 * run here, with dH/dω alongside (d/dω e^{−jωk} = −jk·e^{−jωk}). A stage switch keeps the past inputs and
 * outputs (direct form I), as a training loop that changes its filter coefficients would.
 *
 * Cost: O(steps × frequencies × (nb + na)) — no closed form is used, since the order is arbitrary
 * (e.g. 117 000 steps × 512 frequencies × 3 coefficients ≈ 2·10⁸ complex operations, about a second).
 */
export class RationalExactWalker {
  step = 0;
  stage = 0;
  readonly omega: Float64Array;
  private readonly schedule: Schedule;
  private readonly nb: number;
  private readonly na: number;
  /** History ring of H(t − 1 … t − na + 1) and dH/dω per frequency: slot (t mod na)·n + f. */
  private readonly hr: Float64Array;
  private readonly hi: Float64Array;
  private readonly dr: Float64Array;
  private readonly di: Float64Array;
  /** e^{−jωk} for k < max(nb, na), per frequency: k·n + f. */
  private readonly er: Float64Array;
  private readonly ei: Float64Array;

  constructor(schedule: Schedule, omega: Float64Array) {
    if (!schedule.rational) throw new TypeError('RationalExactWalker needs a rational schedule');
    this.schedule = schedule;
    this.omega = omega;
    this.nb = schedule.rational.nb;
    this.na = schedule.rational.na;
    const n = omega.length;
    const depth = Math.max(1, this.na);
    this.hr = new Float64Array(depth * n);
    this.hi = new Float64Array(depth * n);
    this.dr = new Float64Array(depth * n);
    this.di = new Float64Array(depth * n);
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
    const table = this.schedule.rational!;
    if (t < this.step || t > stages.endStep[stages.count - 1]) throw new RangeError(`cannot advance from step ${this.step} to ${t}`);
    const n = this.omega.length;
    const { nb, na, hr, hi, dr, di, er, ei } = this;
    const depth = Math.max(1, na);
    const limit = watch ? watchLimits(watch) : undefined;
    if (watch && this.outside(limit!)) watch.lastOutside = this.step;
    const bk = new Float64Array(nb);
    const ak = new Float64Array(na);
    let loaded = -1;
    while (this.step < t) {
      const s = this.step + 1;
      let k = this.stage;
      while (stages.endStep[k] < s) k++;
      this.stage = k;
      if (k !== loaded) {
        bk.set(table.b.subarray(k * nb, (k + 1) * nb));
        ak.set(table.a.subarray(k * na, (k + 1) * na));
        loaded = k;
      }
      const slot = s % depth;
      for (let f = 0; f < n; f++) {
        let yr = 0;
        let yi = 0;
        let yr1 = 0;
        let yi1 = 0;
        const bUpTo = Math.min(nb, s); // inputs before step 1 are 0
        for (let m = 0; m < bUpTo; m++) {
          const b = bk[m];
          if (b === 0) continue;
          yr += b * er[m * n + f];
          yi += b * ei[m * n + f];
          // d/dω (b·e^{−jωm}) = −jm·b·e^{−jωm}
          yr1 += m * b * ei[m * n + f];
          yi1 -= m * b * er[m * n + f];
        }
        const aUpTo = Math.min(na, s);
        for (let m = 1; m < aUpTo; m++) {
          const a = ak[m];
          if (a === 0) continue;
          const at = ((s - m) % depth) * n + f;
          const cr = er[m * n + f];
          const ci = ei[m * n + f];
          const pr = hr[at];
          const pi = hi[at];
          // a·e^{−jωm}·H(s − m)
          yr -= a * (cr * pr - ci * pi);
          yi -= a * (cr * pi + ci * pr);
          // derivative: a·e^{−jωm}·(H′ − jm·H)
          const qr = dr[at] + m * pi;
          const qi = di[at] - m * pr;
          yr1 -= a * (cr * qr - ci * qi);
          yi1 -= a * (cr * qi + ci * qr);
        }
        hr[slot * n + f] = yr;
        hi[slot * n + f] = yi;
        dr[slot * n + f] = yr1;
        di[slot * n + f] = yi1;
      }
      this.step = s;
      if (watch && this.outside(limit!)) watch.lastOutside = s;
    }
    while (this.stage + 1 < stages.count && stages.startStep[this.stage + 1] <= this.step) this.stage++;
  }

  /** H(t, ω) at the current step (the stage index is unused: the output is the difference equation's). */
  output(_k: number = this.stage, out: ComplexResponse = emptyComplexResponse(this.omega.length)): ComplexResponse {
    const n = this.omega.length;
    const slot = (this.step % Math.max(1, this.na)) * n;
    for (let f = 0; f < n; f++) {
      out.re[f] = this.step === 0 ? 0 : this.hr[slot + f];
      out.im[f] = this.step === 0 ? 0 : this.hi[slot + f];
      out.dre[f] = this.step === 0 ? 0 : this.dr[slot + f];
      out.dim[f] = this.step === 0 ? 0 : this.di[slot + f];
    }
    return out;
  }

  response(): FrequencyResponse {
    return responseFromComplex(this.output());
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
