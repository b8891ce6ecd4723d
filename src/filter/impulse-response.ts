import type { BankTable } from '../types.js';
import { rfftPlan, type RfftPlan } from '../math/fft-plan.js';
import type { ComplexResponse } from './complex-response.js';
import type { WalkedSchedule } from './exact-response.js';
import { emptyZeroLimitInput } from './zero-limit.js';

/** Inputs older than the window change H, H′ and H″ by at most this fraction of their term sizes. */
const TAIL_RTOL = 2 ** -60;

/**
 * The exact time-variant response at one step t from the impulse response of the last W steps:
 *
 *   H(t, ω) = Σ_{k<t} h(t, t − k)·e^{−jωk},   H′ = Σ −jk·h·e^{−jωk},   H″ = Σ −k²·h·e^{−jωk},
 *
 * h(t, s) = [s = t]·c0_t + Σ_i c_i,t·v_i,s·Π_{r=s+1..t} u_i,r (v_i,1 = 1 when the optimizer copies the first
 * gradient), read backwards from the stage table: O(W·branches) scalar work, whatever the number of stages.
 *
 * Truncation: with ρ_i = max |u_i| < 1 and V_i = max |v_i| (1 with the copy) over the schedule, every
 * |h_i(t′, s)| ≤ V_i·ρ_i^{t′−s}, so S_n,i = sup Σ_s |t′ − s|ⁿ·|h_i(t′, s)| is at most V/(1 − ρ),
 * Vρ/(1 − ρ)², Vρ(1 + ρ)/(1 − ρ)³ (n = 0, 1, 2). The inputs older than W steps add at most
 * P·S₀, P·(S₁ + W·S₀) and P·(S₂ + 2W·S₁ + W²·S₀) to the terms of branch i, P = Π_{r=t−W+1..t} |u_i,r|;
 * the window ends at the first W where each is ≤ 2⁻⁶⁰ of the terms kept, so the result equals the full
 * sum to rounding. A window reaching step 1 is the full sum. Schedules with some |u| ≥ 1 get no window.
 *
 * The sums on the grid: on linearGrid(n) (ω_f = πf/(n − 1)) a real DFT of size 2(n − 1) of h, k·h and
 * k²·h folded modulo its size gives all n frequencies at once (rfftPlan: radix-4 or Bluestein); any other
 * grid is summed by Horner's rule per frequency (O(W·n)). Buffers are allocated once and grow by doubling.
 */
export class ImpulseResponse {
  readonly omega: Float64Array;
  /** The combined impulse response h(t, t − k), k < length, of the last `prepare`. */
  h = new Float64Array(1024);
  length = 0;
  /** Σ_k kⁿ·|h_k| of the kept terms plus the truncation bound, over branches weighted by |c_i| (n = 0, 1, 2). */
  readonly sizes = new Float64Array(3);
  private readonly bank: BankTable;
  private readonly startStep: Float64Array;
  private readonly firstStepCopy: boolean;
  /** Per branch: sup S_n (Infinity when some |u_i| ≥ 1). */
  private readonly supSums: [Float64Array, Float64Array, Float64Array];
  private readonly product: Float64Array;
  private readonly kept: [Float64Array, Float64Array, Float64Array];
  private readonly plan: RfftPlan | undefined;
  private readonly fold: [Float64Array, Float64Array, Float64Array] | undefined;
  private readonly spectrum: [Float64Array, Float64Array] | undefined;

  constructor(schedule: WalkedSchedule, bank: BankTable, omega: Float64Array) {
    this.bank = bank;
    this.omega = omega;
    this.startStep = schedule.stages.startStep;
    this.firstStepCopy = schedule.firstStepCopy;
    const B = bank.branches;
    const count = schedule.stages.count;
    this.supSums = [new Float64Array(B), new Float64Array(B), new Float64Array(B)];
    for (let i = 0; i < B; i++) {
      let rho = 0;
      let V = schedule.firstStepCopy ? 1 : 0;
      for (let k = 0; k < count; k++) {
        rho = Math.max(rho, Math.abs(bank.u[k * B + i]));
        V = Math.max(V, Math.abs(bank.v[k * B + i]));
      }
      const r = 1 - rho;
      const stable = rho < 1 && Number.isFinite(V);
      this.supSums[0][i] = stable ? V / r : Infinity;
      this.supSums[1][i] = stable ? (V * rho) / (r * r) : Infinity;
      this.supSums[2][i] = stable ? (V * rho * (1 + rho)) / (r * r * r) : Infinity;
    }
    this.product = new Float64Array(B);
    this.kept = [new Float64Array(B), new Float64Array(B), new Float64Array(B)];
    if (isLinearGrid(omega)) {
      const N = 2 * (omega.length - 1);
      this.plan = rfftPlan(N);
      this.fold = [new Float64Array(N), new Float64Array(N), new Float64Array(N)];
      this.spectrum = [new Float64Array(this.plan.bins), new Float64Array(this.plan.bins)];
    }
  }

  /** True when the frequencies are summed by one real DFT (a linear grid with DC and Nyquist). */
  get onGrid(): boolean {
    return this.plan !== undefined;
  }

  /**
   * The impulse response at step t (in stage k) into `h`, back to the window's start; false (and nothing
   * usable) when more than maxTerms terms would be needed. O(W·branches).
   */
  prepare(t: number, k: number, maxTerms: number = Infinity): boolean {
    const { bank, startStep, product, kept, supSums } = this;
    const B = bank.branches;
    product.fill(1);
    for (const s of kept) s.fill(0);
    const c0 = bank.c0[k];
    let stage = k;
    let W = 0;
    for (let lag = 0; lag < t; lag++) {
      if (lag >= maxTerms) return false;
      const s = t - lag;
      while (startStep[stage] > s) stage--;
      if (lag >= this.h.length) this.grow();
      let h = lag === 0 ? c0 : 0;
      let done = true;
      for (let i = 0; i < B; i++) {
        const c = bank.c[k * B + i];
        if (c === 0) continue;
        const v = s === 1 && this.firstStepCopy ? 1 : bank.v[stage * B + i];
        const term = v * product[i];
        h += c * term;
        const a = Math.abs(term);
        kept[0][i] += a;
        kept[1][i] += lag * a;
        kept[2][i] += lag * lag * a;
        product[i] *= bank.u[stage * B + i];
        if (done && !withinTail(Math.abs(product[i]), lag + 1, supSums, kept, i)) done = false;
      }
      this.h[lag] = h;
      W = lag + 1;
      if (done) break;
    }
    this.length = W;
    // Term sizes: the kept sums plus what the window dropped (zero when it reached step 1).
    const full = W === t;
    this.sizes[0] = Math.abs(c0);
    this.sizes[1] = 0;
    this.sizes[2] = 0;
    for (let i = 0; i < B; i++) {
      const c = Math.abs(bank.c[k * B + i]);
      if (c === 0) continue;
      const p = full ? 0 : Math.abs(product[i]);
      const [S0, S1, S2] = [supSums[0][i], supSums[1][i], supSums[2][i]];
      this.sizes[0] += c * kept[0][i] + (p === 0 ? 0 : c * p * S0);
      this.sizes[1] += c * kept[1][i] + (p === 0 ? 0 : c * p * (S1 + W * S0));
      this.sizes[2] += c * kept[2][i] + (p === 0 ? 0 : c * p * (S2 + 2 * W * S1 + W * W * S0));
    }
    return true;
  }

  /** H, H′, H″ and the term sizes of the prepared impulse response on the grid, into `out`. */
  output(out: ComplexResponse): ComplexResponse {
    const n = this.omega.length;
    const z = (out.atZeros ??= emptyZeroLimitInput(this.omega));
    if (this.plan && this.fold && this.spectrum) this.transform(out, this.plan, this.fold, this.spectrum);
    else this.horner(out);
    z.s0.fill(this.sizes[0]);
    z.s1.fill(this.sizes[1]);
    z.s2.fill(this.sizes[2]);
    if (n > 0 && this.length === 0) out.re.fill(0);
    return out;
  }

  private transform(out: ComplexResponse, plan: RfftPlan, fold: [Float64Array, Float64Array, Float64Array], [re, im]: [Float64Array, Float64Array]): void {
    const N = plan.n;
    const [f0, f1, f2] = fold;
    f0.fill(0);
    f1.fill(0);
    f2.fill(0);
    for (let k = 0, j = 0; k < this.length; k++, j = j + 1 === N ? 0 : j + 1) {
      const h = this.h[k];
      f0[j] += h;
      f1[j] += k * h;
      f2[j] += k * k * h;
    }
    const z = out.atZeros!;
    const n = this.omega.length;
    plan.transform(f0, re, im);
    out.re.set(re.subarray(0, n));
    out.im.set(im.subarray(0, n));
    // H′ = −j·DFT(k·h), H″ = −DFT(k²·h).
    plan.transform(f1, re, im);
    for (let f = 0; f < n; f++) {
      out.dre[f] = im[f];
      out.dim[f] = -re[f];
    }
    plan.transform(f2, re, im);
    for (let f = 0; f < n; f++) {
      z.d2re[f] = -re[f];
      z.d2im[f] = -im[f];
    }
  }

  /** Horner's rule in z = e^{−jω} per frequency, from the oldest term: Σ h_k·zᵏ, Σ k·h_k·zᵏ, Σ k²·h_k·zᵏ. */
  private horner(out: ComplexResponse): void {
    const z = out.atZeros!;
    const { h, length: W } = this;
    for (let f = 0; f < this.omega.length; f++) {
      const zr = Math.cos(this.omega[f]);
      const zi = -Math.sin(this.omega[f]);
      let ar = 0, ai = 0, br = 0, bi = 0, cr = 0, ci = 0;
      for (let k = W - 1; k >= 0; k--) {
        const x = h[k];
        let t = ar * zr - ai * zi + x;
        ai = ar * zi + ai * zr;
        ar = t;
        t = br * zr - bi * zi + k * x;
        bi = br * zi + bi * zr;
        br = t;
        t = cr * zr - ci * zi + k * k * x;
        ci = cr * zi + ci * zr;
        cr = t;
      }
      out.re[f] = ar;
      out.im[f] = ai;
      out.dre[f] = bi;
      out.dim[f] = -br;
      z.d2re[f] = -cr;
      z.d2im[f] = -ci;
    }
  }

  private grow(): void {
    const h = new Float64Array(this.h.length * 2);
    h.set(this.h);
    this.h = h;
  }
}

/**
 * Whether the inputs before the last W steps change branch i's terms by at most TAIL_RTOL of the terms
 * kept (P = Π |u| over the window): the three bounds of ImpulseResponse's comment.
 */
function withinTail(P: number, W: number, sup: [Float64Array, Float64Array, Float64Array], kept: [Float64Array, Float64Array, Float64Array], i: number): boolean {
  if (P === 0) return true;
  const S0 = sup[0][i], S1 = sup[1][i], S2 = sup[2][i];
  return (
    P * S0 <= TAIL_RTOL * kept[0][i] &&
    P * (S1 + W * S0) <= TAIL_RTOL * kept[1][i] &&
    P * (S2 + 2 * W * S1 + W * W * S0) <= TAIL_RTOL * kept[2][i]
  );
}

/** ω_f = πf/(n − 1) to the last bits (linearGrid), n ≥ 3: then a real DFT of size 2(n − 1) lands on the grid. */
export function isLinearGrid(omega: Float64Array): boolean {
  const n = omega.length;
  if (n < 3) return false;
  const step = Math.PI / (n - 1);
  for (let f = 0; f < n; f++) if (Math.abs(omega[f] - f * step) > 4 * Number.EPSILON * Math.PI) return false;
  return true;
}
