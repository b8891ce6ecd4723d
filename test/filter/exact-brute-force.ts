import type { Schedule } from '../../src/types.js';

export interface Complex {
  re: number;
  im: number;
}

/**
 * The reference for the exact response: runs the optimizer's recursion step by step on the complex input
 * g_s = e^{jωs} (s = 1, 2, …) — every branch m_i,s = u·m_i,s−1 + v·g_s (m_i,1 = g_1 after a first-step copy),
 * output d_s = c0·g_s + Σ c_i·m_i,s — and returns d_t·e^{−jωt} at the requested steps. O(steps × frequencies),
 * independent of the closed form. Returns [step index][frequency index].
 */
export function bruteForceResponse(schedule: Schedule, omega: Float64Array, steps: number[]): Complex[][] {
  const last = Math.max(...steps);
  const { stages } = schedule;
  const bank = schedule.bank;
  const B = bank ? bank.branches : 1;
  const out: Complex[][] = steps.map(() => []);
  for (let f = 0; f < omega.length; f++) {
    const w = omega[f];
    const mr = new Float64Array(B);
    const mi = new Float64Array(B);
    let k = 0;
    for (let t = 1; t <= last; t++) {
      while (stages.endStep[k] < t) k++;
      const gr = Math.cos(w * t);
      const gi = Math.sin(w * t);
      let dr = bank ? bank.c0[k] * gr : 0;
      let di = bank ? bank.c0[k] * gi : 0;
      for (let i = 0; i < B; i++) {
        const u = bank ? bank.u[k * B + i] : stages.u[k];
        const v = bank ? bank.v[k * B + i] : stages.v[k];
        const c = bank ? bank.c[k * B + i] : 1;
        if (t === 1 && schedule.firstStepCopy) {
          mr[i] = gr;
          mi[i] = gi;
        } else {
          mr[i] = u * mr[i] + v * gr;
          mi[i] = u * mi[i] + v * gi;
        }
        dr += c * mr[i];
        di += c * mi[i];
      }
      steps.forEach((s, j) => {
        if (s === t) out[j][f] = { re: dr * gr + di * gi, im: di * gr - dr * gi };
      });
    }
  }
  return out;
}

/** |got − want| / |want| (absolute where want = 0). */
export function relativeError(got: Complex, want: Complex): number {
  const e = Math.hypot(got.re - want.re, got.im - want.im);
  const m = Math.hypot(want.re, want.im);
  return m === 0 ? e : e / m;
}

/**
 * The coefficients c_k of H(t, z) = Σ_k c_k·z^k (z = e^{−jω}, k = t − s the lag of the input at step s): the
 * optimizer's recursions run on polynomials in z instead of numbers, step by step (every branch H_i ← v + u·z·H_i,
 * H_i(1) = 1 after a first-step copy, output c0 + Σ c_i·H_i; rational schedules by their difference equation in
 * direct form I). O(t² × branches); independent of the closed form and of the frequency walkers.
 */
export function impulsePolynomial(schedule: Schedule, t: number): Float64Array {
  const { stages } = schedule;
  const stageAt = (s: number) => {
    let k = 0;
    while (stages.endStep[k] < s) k++;
    return k;
  };
  const table = schedule.rational;
  if (table) {
    const history: Float64Array[] = [];
    for (let s = 1; s <= t; s++) {
      const k = stageAt(s);
      const h = new Float64Array(s);
      for (let m = 0; m < Math.min(table.nb, s); m++) h[m] += table.b[k * table.nb + m];
      for (let m = 1; m < Math.min(table.na, s); m++) history[s - m - 1].forEach((x, j) => (h[m + j] -= table.a[k * table.na + m] * x));
      history.push(h);
    }
    return history[t - 1];
  }
  const bank = schedule.bank;
  const B = bank ? bank.branches : 1;
  let branches: Float64Array[] = Array.from({ length: B }, () => new Float64Array(0));
  let out = new Float64Array(0);
  for (let s = 1; s <= t; s++) {
    const k = stageAt(s);
    branches = branches.map((p, i) => {
      const next = new Float64Array(s);
      if (s === 1 && schedule.firstStepCopy) next[0] = 1;
      else {
        next[0] = bank ? bank.v[k * B + i] : stages.v[k];
        p.forEach((x, j) => (next[j + 1] = (bank ? bank.u[k * B + i] : stages.u[k]) * x));
      }
      return next;
    });
    out = new Float64Array(s);
    out[0] = bank ? bank.c0[k] : 0;
    branches.forEach((p, i) => p.forEach((x, j) => (out[j] += (bank ? bank.c[k * B + i] : 1) * x)));
  }
  return out;
}

/** τ(ω) = Re(Σ k·c_k·z^k / Σ c_k·z^k), z = e^{−jω}: the group delay of a polynomial by direct sums. */
export function polynomialGroupDelay(c: Float64Array, omega: number): number {
  let vr = 0;
  let vi = 0;
  let mr = 0;
  let mi = 0;
  c.forEach((x, k) => {
    const zr = Math.cos(k * omega);
    const zi = -Math.sin(k * omega);
    vr += x * zr;
    vi += x * zi;
    mr += k * x * zr;
    mi += k * x * zi;
  });
  return (mr * vr + mi * vi) / (vr * vr + vi * vi);
}
