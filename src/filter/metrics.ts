import { twoSumError } from '../math/double-double.js';
import type { StageMetrics } from '../types.js';
import { amplifiesOf, compareGains, filterTypeOf, gainDb, peakOf } from './gain-tolerance.js';

/**
 * Per-stage metrics of H(z) = v/(1 − u z⁻¹), all in closed form (derivations: docs/theory.md).
 *
 * - dcGain |v|/|1 − u|, nyquistGain |v|/|1 + u|; |H| is monotone in ω, so the peak is at DC for
 *   u > 0 (low-pass), at π for u < 0 (high-pass), and the response is flat for u = 0 (all-pass).
 * - cutoffFrequency: half-power point, |H| = peak/√2 ⇔ D(ω) = 2(1 − |u|)² ⇔
 *   sin(ω/2) = (1 − u)/(2√u) for u > 0 (mirrored to π − ω for u < 0). Exists iff |u| ≥ 3 − 2√2.
 *   asin of a small argument stays accurate where arccos((−1 + 4u − u²)/(2u)) would not.
 * - unityGainFrequency: |H| = 1 ⇔ sin²(ω/2) = (v² − (1 − u)²)/(4u), factored to avoid
 *   cancellation (see below); null unless strictly inside (0, π).
 * - noiseGain Σh² = v²/(1 − u²); groupDelayDc u/(1 − u) steps; timeConstant −1/ln|u| steps
 *   (ln|u| as log1p(|u| − 1), exact for |u| near 1).
 * - filterType, peak, amplifies and the existence of the unity crossing compare gains with the one
 *   tolerance of src/filter/gain-tolerance.ts (GAIN_RTOL, 8 ulp), as filter banks and rational stages
 *   do: a stage with |u| up to ~9e-16 has DC and Nyquist gains within GAIN_RTOL and is all-pass.
 * Notes: for |u| ≥ 1 (unstable) the gains are |H| at the ends from the same formulas (∞ at u = ±1) and
 * noiseGain is ∞ (Σh² diverges); callers refuse such stages unless the user allows them.
 */
export function stageMetrics(u: number, v: number): StageMetrics {
  const absV = Math.abs(v);
  const dcGain = absV / Math.abs(1 - u);
  const nyquistGain = absV / Math.abs(1 + u);
  const { peakGain, peakFrequency } = peakOf(dcGain, nyquistGain);
  return {
    dcGain,
    dcGainDb: gainDb(dcGain),
    nyquistGain,
    nyquistGainDb: gainDb(nyquistGain),
    peakGain,
    peakFrequency,
    cutoffFrequency: cutoffFrequency(u),
    unityGainFrequency: unityGainFrequency(u, v),
    noiseGain: noiseGain(u, v, dcGain, nyquistGain),
    groupDelayDc: u / (1 - u),
    timeConstant: timeConstant(u),
    filterType: filterTypeOf(dcGain, nyquistGain),
    amplifies: amplifiesOf(peakGain),
  };
}

/**
 * Σh² = v²/((1 − u)(1 + u)), ∞ for |u| ≥ 1. Where v² underflows (|v| < 1e-154) the result can still be
 * an ordinary number (u → 1), so it is then formed as dcGain·nyquistGain, the same value without v².
 */
function noiseGain(u: number, v: number, dcGain: number, nyquistGain: number): number {
  if (!(Math.abs(u) < 1)) return Infinity;
  const g = (v * v) / ((1 - u) * (1 + u));
  return g < 2 ** -1022 && v !== 0 ? dcGain * nyquistGain : g;
}

/** Half-power frequency below (u > 0) or above (u < 0) the peak; null if |H| never drops 3 dB. */
export function cutoffFrequency(u: number): number | null {
  const a = Math.abs(u);
  if (a === 0 || a >= 1) return null;
  const x = (1 - a) / (2 * Math.sqrt(a));
  if (x > 1) return null;
  const w = 2 * Math.asin(x);
  return u > 0 ? w : Math.PI - w;
}

/**
 * Frequency where |H| = 1, strictly inside (0, π); null if the gain never crosses 1 there.
 * Existence is decided from the end gains (one above 1 and the other below, beyond GAIN_RTOL; |H| is
 * monotone); the crossing from sin²(ω/2) = (|v| − 1 + u)(|v| + 1 − u)/(4u) for u > 0, or its mirror
 * cos²(ω/2) = (1 + u − |v|)(1 + u + |v|)/(4u) for u < 0; the small factor is a sum of three
 * terms that may cancel, so it is summed with error-free transformations (sum3).
 */
export function unityGainFrequency(u: number, v: number): number | null {
  if (u === 0) return null;
  const absV = Math.abs(v);
  const dc = absV / Math.abs(1 - u);
  const nyq = absV / Math.abs(1 + u);
  if (compareGains(dc, 1) * compareGains(nyq, 1) >= 0) return null;
  if (u > 0) {
    const s2 = (sum3(absV, -1, u) * (absV + 1 - u)) / (4 * u);
    return 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, s2))));
  }
  const c2 = (sum3(1, u, -absV) * (1 + u + absV)) / (4 * u);
  return Math.PI - 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, c2))));
}

/** Steps for the impulse response u^n to decay by 1/e: n = −1/ln|u|; 0 for u = 0. */
export function timeConstant(u: number): number {
  const a = Math.abs(u);
  if (a === 0) return 0;
  const lnA = a > 0.5 ? Math.log1p(a - 1) : Math.log(a);
  return -1 / lnA;
}

/** a + b + c with TwoSum (Knuth): the rounding errors of both additions are added back, so a
 *  result that cancels to ~1e-17 keeps its leading digits (e.g. 1 + (−0.9) − 0.1). */
function sum3(a: number, b: number, c: number): number {
  const s = a + b;
  const t = s + c;
  return t + (twoSumError(a, b, s) + twoSumError(s, c, t));
}
