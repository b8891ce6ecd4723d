import type { FrequencyResponse } from '../types.js';
import { decibels } from './gain-tolerance.js';
import { unwrapInPlace } from './unwrap.js';

/**
 * D(ω) = |1 − u·e^{−jω}|² = 1 − 2u·cos ω + u², written without cancellation:
 *   u ≥ 0: (1 − u)² + 4u·sin²(ω/2)      (both terms ≥ 0; the textbook form loses ~|log10(1−u)| + 2|log10 ω| digits as u → 1, ω → 0)
 *   u < 0: (1 + u)² + 4|u|·cos²(ω/2)    (the mirror image, exact near ω → π, u → −1)
 * Identities: 1 − cos ω = 2·sin²(ω/2), 1 + cos ω = 2·cos²(ω/2).
 */
export function denominatorPower(u: number, omega: number): number {
  if (u >= 0) {
    const s = Math.sin(omega / 2);
    const a = 1 - u;
    return a * a + 4 * u * s * s;
  }
  const c = Math.cos(omega / 2);
  const a = 1 + u;
  return a * a - 4 * u * c * c;
}

/** Re(1 − u·e^{−jω}) = 1 − u·cos ω, as (1 − u) + 2u·sin²(ω/2) or (1 + u) − 2u·cos²(ω/2). */
function denominatorReal(u: number, omega: number): number {
  if (u >= 0) {
    const s = Math.sin(omega / 2);
    return 1 - u + 2 * u * s * s;
  }
  const c = Math.cos(omega / 2);
  return 1 + u - 2 * u * c * c;
}

/**
 * |H(e^{jω})| = |v| / √D(ω) for H(z) = v/(1 − u z⁻¹); ω in rad/sample. Not √(v²/D): v² underflows for
 * |v| < 1e-154 (overflows above 1e154) where the gain itself is an ordinary number.
 */
export function frozenMagnitude(u: number, v: number, omega: number): number {
  return Math.abs(v) / Math.sqrt(denominatorPower(u, omega));
}

/** |H(e^{jω})|² = v² / D(ω) for H(z) = v/(1 − u z⁻¹); ω in rad/sample (a power: see frozenMagnitude for the gain). */
export function frozenMagnitudeSquared(u: number, v: number, omega: number): number {
  return (v * v) / denominatorPower(u, omega);
}

/**
 * Frozen (per-stage, LTI) frequency response of momentum m_t = u·m_{t−1} + v·g_t:
 *
 *   H(e^{jω}) = v / (1 − u·e^{−jω})
 *   |H| = |v| / √D(ω),   20·log10|H| dB (exactly 0 within GAIN_RTOL of 1: src/filter/gain-tolerance.ts)
 *   φ(ω) = −atan2(u·sin ω, 1 − u·cos ω)  (+π when v < 0), unwrapped across the grid
 *   τ(ω) = −dφ/dω = u·(cos ω − u) / D(ω)  steps
 *
 * Parameters: u, v the stage's coefficients; omega the grid in rad/sample.
 * Notes: relative error ≤ 1e-13 against 50-digit references for |u| ≤ 1 − 1e-9, ω ≥ 1e-9
 * (see test/fixtures). For |u| ≥ 1 the values are those of the formula (∞ at the pole), not of a
 * stable filter. Every difference that could cancel is rewritten with sin²(ω/2) or cos²(ω/2).
 * References: FSGDM paper (Li et al., ICLR 2025) for H_k; scipy.signal.freqz / group_delay conventions.
 */
export function frozenResponse(u: number, v: number, omega: Float64Array): FrequencyResponse {
  const n = omega.length;
  const magnitude = new Float64Array(n);
  const magnitudeDb = new Float64Array(n);
  const phase = new Float64Array(n);
  const groupDelay = new Float64Array(n);
  const absV = Math.abs(v);
  const phaseOffset = v < 0 ? Math.PI : 0;
  for (let i = 0; i < n; i++) {
    const w = omega[i];
    const d = denominatorPower(u, w);
    const mag = absV / Math.sqrt(d);
    magnitude[i] = mag;
    magnitudeDb[i] = decibels(mag);
    phase[i] = phaseOffset - Math.atan2(u * Math.sin(w), denominatorReal(u, w));
    groupDelay[i] = firstOrderGroupDelay(u, w, d);
  }
  unwrapInPlace(phase);
  return { magnitude, magnitudeDb, phase, groupDelay };
}

/**
 * τ(ω) = u·(cos ω − u)/D(ω) steps, the group delay of 1/(1 − u·e^{−jω}) (and of any v times it);
 * pass D = denominatorPower(u, ω) when it is at hand.
 */
export function firstOrderGroupDelay(u: number, omega: number, d: number = denominatorPower(u, omega)): number {
  return (u * cosMinusU(u, omega)) / d;
}

/** cos ω − u without cancellation where it matters (ω → 0 with u → 1, ω → π with u → −1). */
function cosMinusU(u: number, omega: number): number {
  if (u >= 0) {
    const s = Math.sin(omega / 2);
    return 1 - u - 2 * s * s;
  }
  const c = Math.cos(omega / 2);
  return 2 * c * c - (1 + u);
}
