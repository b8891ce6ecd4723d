import type { FrequencyResponse, UpdateResponse } from '../types.js';

/**
 * The update view of a response: from gradient to parameter step, Δx_t = −α_t·d_t, so U = α·H with the
 * sign dropped. α multiplies the output at its own step only (it never enters the recursion), so the
 * exact U(t, ω) = α_t·H(t, ω) and the frozen U_k = α_k·H_k. Magnitudes only: for α > 0 the phase and
 * group delay are H's, and at α = 0 they mean nothing.
 *
 * magnitude = α·|H|; magnitudeDb = 20·log10|H| + 20·log10 α (−Infinity at α = 0 or where |H| = 0).
 */
export function updateResponse(h: Pick<FrequencyResponse, 'magnitude' | 'magnitudeDb'>, lr: number): UpdateResponse {
  const n = h.magnitude.length;
  const magnitude = new Float64Array(n);
  const magnitudeDb = new Float64Array(n);
  const lrDb = 20 * Math.log10(lr);
  for (let i = 0; i < n; i++) {
    magnitude[i] = lr * h.magnitude[i];
    // At α = 0 every gain is 0 (−∞ dB), also where |H| is −∞ dB (a 0·∞ would give NaN).
    magnitudeDb[i] = lr === 0 ? -Infinity : h.magnitudeDb[i] + lrDb;
  }
  return { magnitude, magnitudeDb };
}

/** α·dcGain: the effective learning rate of a stage (α/(1 − β) for standard SGDM); null when not finite. */
export function effectiveLearningRate(lr: number, dcGain: number): number | null {
  const x = lr * dcGain;
  return Number.isFinite(x) ? x : null;
}
