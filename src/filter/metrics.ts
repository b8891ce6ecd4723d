import type { FilterType, StageMetrics } from '../types.js';

/** 20·log10(g); null for g = 0 so that JSON never sees −Infinity. */
export function gainDb(g: number): number | null {
  return g === 0 ? null : 20 * Math.log10(g);
}

/**
 * Per-stage metrics of H(z) = v/(1 − u z⁻¹), all in closed form (derivations: docs/theory.md).
 *
 * - dcGain |v|/(1 − u), nyquistGain |v|/(1 + u); |H| is monotone in ω, so the peak is at DC for
 *   u > 0 (low-pass), at π for u < 0 (high-pass), and the response is flat for u = 0 (all-pass).
 * - cutoffFrequency: half-power point, |H| = peak/√2 ⇔ D(ω) = 2(1 − |u|)² ⇔
 *   sin(ω/2) = (1 − u)/(2√u) for u > 0 (mirrored to π − ω for u < 0). Exists iff |u| ≥ 3 − 2√2.
 *   asin of a small argument stays accurate where arccos((−1 + 4u − u²)/(2u)) would not.
 * - unityGainFrequency: |H| = 1 ⇔ sin²(ω/2) = (v² − (1 − u)²)/(4u), factored to avoid
 *   cancellation (see below); null unless strictly inside (0, π).
 * - noiseGain Σh² = v²/(1 − u²); groupDelayDc u/(1 − u) steps; timeConstant −1/ln|u| steps
 *   (ln|u| as log1p(|u| − 1), exact for |u| near 1).
 * Notes: for |u| ≥ 1 (unstable) gains are computed from the same formulas and may be ∞ or negative;
 * callers refuse such stages unless the user allows them.
 */
export function stageMetrics(u: number, v: number): StageMetrics {
  const absV = Math.abs(v);
  const dcGain = absV / (1 - u);
  const nyquistGain = absV / (1 + u);
  const filterType: FilterType = u > 0 ? 'low-pass' : u < 0 ? 'high-pass' : 'all-pass';
  const peakGain = u < 0 ? nyquistGain : dcGain;
  const peakFrequency = u < 0 ? Math.PI : 0;
  return {
    dcGain,
    dcGainDb: gainDb(dcGain),
    nyquistGain,
    nyquistGainDb: gainDb(nyquistGain),
    peakGain,
    peakFrequency,
    cutoffFrequency: cutoffFrequency(u),
    unityGainFrequency: unityGainFrequency(u, v),
    noiseGain: (v * v) / ((1 - u) * (1 + u)),
    groupDelayDc: u / (1 - u),
    timeConstant: timeConstant(u),
    filterType,
    amplifies: peakGain > 1,
  };
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
 * Existence is decided from the end gains ((dc − 1)(nyq − 1) < 0, |H| being monotone); the crossing
 * from sin²(ω/2) = (|v| − 1 + u)(|v| + 1 − u)/(4u) for u > 0, or its mirror
 * cos²(ω/2) = (1 + u − |v|)(1 + u + |v|)/(4u) for u < 0; the small factor is a sum of three
 * terms that may cancel, so it is summed with error-free transformations (sum3).
 */
export function unityGainFrequency(u: number, v: number): number | null {
  if (u === 0) return null;
  const absV = Math.abs(v);
  const dc = absV / (1 - u);
  const nyq = absV / (1 + u);
  if (!((dc - 1) * (nyq - 1) < 0)) return null;
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
  const bb = s - a;
  const e1 = a - (s - bb) + (b - bb);
  const t = s + c;
  const cc = t - s;
  const e2 = s - (t - cc) + (c - cc);
  return t + (e1 + e2);
}
