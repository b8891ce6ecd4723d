import { coherence } from './coherence.js';
import { csd } from './csd.js';
import type { SpectralOptions } from './segment-layout.js';
import { welchPsd } from './welch.js';

export interface EmpiricalGain {
  /** Frequencies in units of fs (one-sided). */
  frequencies: Float64Array;
  /** |P_xy / P_xx|: the H1 estimate of the gain of the system that maps x to y. */
  gain: Float64Array;
  /** Magnitude-squared coherence |P_xy|²/(P_xx·P_yy) in [0, 1]; NaN where P_xx·P_yy = 0. */
  coherence: Float64Array;
  segments: number;
  warnings: string[];
}

/**
 * Empirical gain of a linear system from its input x and output y (the H1 estimator):
 *
 *     |Ĥ(f)| = |P_xy(f)| / P_xx(f),   γ²(f) = |P_xy(f)|² / (P_xx(f)·P_yy(f))
 *
 * with P_xx, P_yy (welchPsd) and P_xy (csd) from the same segments and options. Where γ² ≈ 1
 * the output is a linear function of the input at that frequency and |Ĥ| estimates |H|;
 * where it is low (output noise, transients, too little input power) |Ĥ| is not to be trusted.
 *
 * Parameters
 * ----------
 * x, y : input and output samples of equal length.
 * options : Welch options (scipy's names and defaults); one-sided and 'density' scaling are
 *   forced (they cancel in the ratios).
 *
 * Notes
 * -----
 * Segments shorter than a few time constants of the system bias |Ĥ| (the truncated impulse
 * response leaks between segments); keep nperseg ≫ −1/ln|u| for a momentum filter.
 *
 * References
 * ----------
 * Bendat and Piersol, "Random Data", 4th ed., §9.1.4 (H1) and §9.2.3 (coherence).
 */
export function empiricalGain(x: Float64Array, y: Float64Array, options: SpectralOptions = {}): EmpiricalGain {
  const common = { ...options, scaling: 'density' as const, returnOnesided: true };
  const pxx = welchPsd(x, common);
  const pxy = csd(x, y, common);
  const gamma = coherence(x, y, common);
  const gain = new Float64Array(pxx.psd.length);
  for (let k = 0; k < gain.length; k++) gain[k] = Math.hypot(pxy.csd.re[k], pxy.csd.im[k]) / pxx.psd[k];
  return { frequencies: pxx.frequencies, gain, coherence: gamma.coherence, segments: pxx.segments, warnings: pxx.warnings };
}
