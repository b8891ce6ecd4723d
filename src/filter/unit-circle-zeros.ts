import { isRoot, polynomialRoots } from './polynomial-roots.js';

/**
 * The group delay of a polynomial p(z⁻¹) = p_0 + p_1 z⁻¹ + … + p_M z⁻ᴹ in root form, where p has zeros
 * on the unit circle: τ_p(ω) = delay + Σ_i τ_i(ω) over the other zeros z_i (see zerosGroupDelay).
 */
export interface UnitCircleSplit {
  /** Steps: 1 per leading zero coefficient (a factor z⁻¹), ½ per zero on the unit circle. */
  delay: number;
  /** Zeros on the unit circle, with multiplicity (≥ 1). */
  zeros: number;
  /** The other zeros, real and imaginary parts (conjugate pairs both listed). */
  re: Float64Array;
  im: Float64Array;
}

/**
 * A zero z counts as on the unit circle when z/|z| is a root of p to rounding accuracy too (isRoot): p is
 * then within its own rounding of a polynomial with that zero exactly on the circle, and no binary64
 * computation can tell the two apart. Typed coefficients meant to put a zero on the circle
 * (b: [0.1, 0.2, -0.3] at DC, whose zero lands at 1 − 2.8e-17) pass; a zero 1e-11 inside does not. Only
 * zeros within CANDIDATE_RTOL of the circle are tried (an m-fold zero is determined to ~ε^{1/m} only).
 */
const CANDIDATE_RTOL = 1e-6;

/**
 * p's zeros on the unit circle, split off for the group delay; undefined if p has none (or is ≡ 0, or its
 * zeros could not be found to rounding accuracy): then the direct τ = Re(Σ k p_k z⁻ᵏ / p(z⁻¹)) is as good
 * as it gets.
 *
 * Why: a zero e^{jθ} contributes the factor 1 − e^{j(θ−ω)} = e^{j(θ−ω)/2}·(−2j·sin((θ − ω)/2)), whose
 * phase falls with slope −½ and jumps by π at ω = θ. Its group delay is exactly ½ step at every other ω,
 * so the continuous value at θ (the limit from both sides, as for any linear-phase FIR) is
 * τ_p(θ) = delay + Σ_i τ_i(θ); the direct formula divides by |p(e^{jθ})|² → 0 there and loses all digits
 * near it (scipy.signal.group_delay returns 0 with a warning at such points).
 *
 * The zeros come from polynomialRoots and are kept only if each is a root to rounding accuracy (isRoot).
 * No root finding when p_0 or p_M outweighs all other coefficients (Rouché: every zero then lies strictly
 * inside, or strictly outside, the circle).
 */
export function splitUnitCircleZeros(p: ArrayLike<number>): UnitCircleSplit | undefined {
  let first = 0;
  while (first < p.length && p[first] === 0) first++;
  let last = p.length - 1;
  while (last >= first && p[last] === 0) last--;
  const M = last - first;
  if (M < 1) return undefined;
  const whole = Float64Array.from({ length: M + 1 }, (_, k) => p[first + k] / p[first]);
  const total = whole.reduce((s, x) => s + Math.abs(x), 0);
  if (2 > total * (1 + 1e-9) || 2 * Math.abs(whole[M]) > total * (1 + 1e-9)) return undefined;
  const { re, im } = polynomialRoots(whole);
  const others: number[] = [];
  let zeros = 0;
  for (let i = 0; i < M; i++) {
    if (!isRoot(whole, re[i], im[i])) return undefined;
    const modulus = Math.hypot(re[i], im[i]);
    if (Math.abs(modulus - 1) <= CANDIDATE_RTOL && isRoot(whole, re[i] / modulus, im[i] / modulus)) zeros++;
    else others.push(i);
  }
  if (zeros === 0) return undefined;
  return { delay: first + zeros / 2, zeros, re: Float64Array.from(others, (i) => re[i]), im: Float64Array.from(others, (i) => im[i]) };
}

/**
 * τ_p(ω) in steps from the split: delay + Σ_i (|z_i|² − Re w_i)/|1 − w_i|², w_i = z_i·e^{−jω}, the group
 * delay −d/dω arg(1 − w_i) of each remaining zero factor. At a unit-circle zero this is the continuous value.
 */
export function zerosGroupDelay(split: UnitCircleSplit, omega: number): number {
  const c = Math.cos(omega);
  const s = Math.sin(omega);
  let tau = split.delay;
  for (let i = 0; i < split.re.length; i++) {
    const zr = split.re[i];
    const zi = split.im[i];
    const wr = zr * c + zi * s;
    const wi = zi * c - zr * s;
    const dr = 1 - wr;
    tau += (zr * zr + zi * zi - wr) / (dr * dr + wi * wi);
  }
  return tau;
}

const cache = new Map<string, UnitCircleSplit | undefined>();

/** splitUnitCircleZeros, remembered for the coefficient lists seen last (stages repeat their filters). */
export function cachedUnitCircleSplit(p: ArrayLike<number>): UnitCircleSplit | undefined {
  const key = Array.prototype.join.call(p, ',');
  if (cache.has(key)) return cache.get(key);
  if (cache.size >= 256) cache.clear();
  const split = splitUnitCircleZeros(p);
  cache.set(key, split);
  return split;
}
