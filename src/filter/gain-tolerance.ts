import type { FilterType } from '../types.js';

/**
 * The one tolerance for deciding that two gains are the same: 8 units in the last place, relative to the
 * larger (8·2⁻⁵² ≈ 1.8e-15). A gain computed in binary64 carries a few roundings (a sum of a few terms, a
 * quotient), and typed decimal coefficients carry their own: 0.1/(1 − 0.9) is 1 + 2.8e-16 in binary64,
 * and (1 − ν) + ν is 1 − 1.1e-16 for many ν. Differences this small are not resolved, so every decision
 * on gains treats them as equality, for first-order, filter-bank and rational stages alike:
 *
 * - filterType: all-pass only where the gain is flat over [0, π]; otherwise where the pass band is
 *   (filterTypeOf);
 * - peak: an end gain within tolerance of the maximum is the peak, DC first (peakOf);
 * - amplifies: the peak gain exceeds 1 beyond tolerance (amplifiesOf);
 * - crossings (cutoff, unity gain): the gain must leave the band level·(1 ± GAIN_RTOL) on both sides;
 * - dB: a gain within tolerance of 1 is 0 dB exactly (decibels).
 */
export const GAIN_RTOL = 8 * Number.EPSILON;

/** 1 if gain a exceeds b beyond GAIN_RTOL (relative to the larger), −1 if below it, 0 if they are the same. */
export function compareGains(a: number, b: number): -1 | 0 | 1 {
  return compareGainsOf(a, b, Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * compareGains for two gains of one response, relative to its largest gain `scale` (its peak): values
 * near a zero of H are known to rounding of the peak, not of themselves. Exact where scale is not finite.
 */
export function compareGainsOf(a: number, b: number, scale: number): -1 | 0 | 1 {
  if (a === b) return 0;
  if (Number.isFinite(scale) && Math.abs(a - b) <= GAIN_RTOL * scale) return 0;
  return a > b ? 1 : a < b ? -1 : 0;
}

/** compareGains for squared gains |H|² (twice the relative tolerance: (1 + ε)² ≈ 1 + 2ε). */
export function compareSquaredGains(a2: number, b2: number): -1 | 0 | 1 {
  if (a2 === b2) return 0;
  const scale = Math.max(Math.abs(a2), Math.abs(b2));
  if (Number.isFinite(scale) && Math.abs(a2 - b2) <= 2 * GAIN_RTOL * scale) return 0;
  return a2 > b2 ? 1 : a2 < b2 ? -1 : 0;
}

/** 20·log10(g) in dB, exactly 0 for a gain within GAIN_RTOL of 1 (−Infinity for g = 0). */
export function decibels(g: number): number {
  return compareGains(g, 1) === 0 ? 0 : 20 * Math.log10(g);
}

/** decibels(g), null for g = 0 so that JSON never sees −Infinity. */
export function gainDb(g: number): number | null {
  return g === 0 ? null : decibels(g);
}

/** The largest and smallest |H| inside (0, π), for filterTypeOf (none for first-order filters: |H| is monotone). */
export interface InteriorGains {
  peak: number;
  trough: number;
}

/**
 * The shape of |H| on [0, π], from the end gains and the interior extremes, all compared with GAIN_RTOL
 * of the largest gain. The pass band is where |H| ≥ peak/√2 (the half-power level of cutoffFrequency).
 *
 * - all-pass: flat, max − min ≤ GAIN_RTOL·max (u = 0; qhm with ν = 0; a pure delay);
 * - band-pass: neither end is in the pass band (`b: [1, 0, −1]`, |H| = 2|sin ω|);
 * - band-stop: both ends are, and the gain falls below the half-power level between them (a notch:
 *   `b: [1, 0, 1]`, |H| = 2|cos ω|);
 * - low-pass / high-pass: otherwise, by the larger end gain (a first-order filter: u > 0 / u < 0); a
 *   moving average with sidelobes, or a low-pass with a resonant bump under 3 dB, stays low-pass;
 * - equal end gains, both in the pass band, not flat: band-pass if the gain rises above them inside,
 *   band-stop if it dips below them.
 */
export function filterTypeOf(dcGain: number, nyquistGain: number, interior?: InteriorGains): FilterType {
  const top = Math.max(dcGain, nyquistGain);
  const bottom = Math.min(dcGain, nyquistGain);
  const peak = Math.max(top, interior?.peak ?? top);
  const trough = Math.min(bottom, interior?.trough ?? bottom);
  const cmp = (a: number, b: number) => compareGainsOf(a, b, peak);
  if (cmp(peak, trough) === 0) return 'all-pass';
  const half = peak / Math.SQRT2;
  const dcIn = cmp(dcGain, half) >= 0;
  const nyquistIn = cmp(nyquistGain, half) >= 0;
  if (!dcIn && !nyquistIn) return 'band-pass';
  if (dcIn && nyquistIn && interior && cmp(interior.trough, half) < 0) return 'band-stop';
  const ends = cmp(dcGain, nyquistGain);
  if (ends !== 0) return ends > 0 ? 'low-pass' : 'high-pass';
  if (cmp(peak, top) > 0) return 'band-pass';
  return cmp(trough, bottom) < 0 ? 'band-stop' : 'all-pass';
}

/**
 * The peak of |H| on [0, π] from the end gains and the largest interior value (if any): the larger end
 * gain, DC unless Nyquist exceeds it beyond GAIN_RTOL (a flat response peaks at ω = 0), and the interior
 * value only where it exceeds both end gains beyond GAIN_RTOL, so the peak gain is never a rounding above
 * or below the end gain it stands for, and a monotone response peaks where the first-order rule says.
 */
export function peakOf(dcGain: number, nyquistGain: number, interior?: { gain: number; frequency: number }): { peakGain: number; peakFrequency: number } {
  const end = compareGains(nyquistGain, dcGain) > 0 ? { peakGain: nyquistGain, peakFrequency: Math.PI } : { peakGain: dcGain, peakFrequency: 0 };
  const interiorPeaks = interior && compareGains(interior.gain, Math.max(dcGain, nyquistGain)) > 0;
  return interiorPeaks ? { peakGain: interior.gain, peakFrequency: interior.frequency } : end;
}

/** Whether a stage amplifies: its peak gain exceeds 1 beyond GAIN_RTOL. */
export function amplifiesOf(peakGain: number): boolean {
  return compareGains(peakGain, 1) > 0;
}
