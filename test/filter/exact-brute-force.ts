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
