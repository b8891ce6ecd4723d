import { powerOfTwoScale } from './power-of-two-scale.js';
import type { UnitCircleSplit } from './unit-circle-zeros.js';

/**
 * How small |H| must be, relative to the size of the terms it was summed from, to count as a zero of H:
 * 32 units in the last place. A response computed by a recursion carries a few roundings per term, and
 * the grid frequency its own (Math.PI misses π by 1.2e-16, which moves H by |H′|·1.2e-16); below this a
 * binary64 computation cannot tell H from 0.
 */
export const ZERO_RTOL = 32 * Number.EPSILON;

/**
 * What the group delay at a zero of an exact response needs, per grid frequency: d²H/dω² and the sizes of
 * the terms H, H′ and H″ are sums of, s_n = Σ_s |t − s|ⁿ·|h(t, s)| for H(t, ω) = Σ_s h(t, s)·e^{−jω(t−s)}
 * (or a bound on them). `split`, when set, says H is this polynomial in e^{−jω} (an FIR stage), whose
 * group delay comes from its root form everywhere (zerosGroupDelay).
 */
export interface ZeroLimitInput {
  omega: Float64Array;
  d2re: Float64Array;
  d2im: Float64Array;
  s0: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
  split?: UnitCircleSplit;
}

export function emptyZeroLimitInput(omega: Float64Array): ZeroLimitInput {
  const n = omega.length;
  return { omega, d2re: new Float64Array(n), d2im: new Float64Array(n), s0: new Float64Array(n), s1: new Float64Array(n), s2: new Float64Array(n) };
}

/**
 * τ(ω) where H vanishes to rounding, as the limit of −d/dω arg H; undefined where it does not (then
 * τ = −Im(H′/H) holds). Near a simple zero ω₀, H(ω₀ + x) = H′x + ½H″x² + O(x³), so
 *
 *   H′(ω)/H(ω) = 1/x + H″/(2H′) + O(x)   and   τ(ω₀) = lim −Im(H′/H) = −Im(H″/(2H′)),
 *
 * the same from both sides (1/x is real: its only trace is the phase jump of π at ω₀). For a factor
 * 1 − e^{j(θ−ω)} times G this is ½ + τ_G(θ): the ½ step per unit-circle zero of the frozen responses
 * (unit-circle-zeros.ts). Zero to rounding: |H| ≤ ZERO_RTOL·(s0 + |ω|·s1), the terms' rounding plus
 * that of ω itself. NaN where H′ vanishes too (a multiple zero: its limit would need H‴).
 * H′ and H″ are divided by a power of two first (exact), so that tiny or huge gains do not under- or
 * overflow the product.
 */
export function groupDelayAtZero(z: ZeroLimitInput, f: number, magnitude: number, dre: number, dim: number): number | undefined {
  const w = Math.abs(z.omega[f]);
  const limit = ZERO_RTOL * (z.s0[f] + w * z.s1[f]);
  if (!(magnitude <= limit) || !Number.isFinite(limit)) return undefined;
  const d2re = z.d2re[f];
  const d2im = z.d2im[f];
  const slope = Math.hypot(dre, dim);
  if (!(slope > ZERO_RTOL * (z.s1[f] + w * z.s2[f]))) return Number.NaN;
  const s = powerOfTwoScale(Math.max(Math.abs(dre), Math.abs(dim)));
  const a = dre / s;
  const b = dim / s;
  // H″/(2H′) = H″·conj(H′)/(2|H′|²)
  return -((d2im / s) * a - (d2re / s) * b) / (2 * (a * a + b * b));
}
