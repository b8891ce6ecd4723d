import type { BankTable } from '../types.js';

/**
 * |H(e^{jω})|² of a filter bank or rational stage as a ratio of polynomials in s = sin²(ω/2) ∈ [0, π] ↦
 * [0, 1] (cos ω = 1 − 2s), and the frequencies where it has interior extremes, found by exact real-root
 * isolation instead of a search grid, so that no peak, dip or crossing narrower than a grid spacing is
 * missed. Coefficient arrays are lowest degree first.
 */

/** Polynomials up to this degree in s are solved; longer filters keep the search grid (shapeMetrics). */
export const MAX_POWER_DEGREE = 8;

/** N(s) and D(s) with |H|² = N/D. */
export interface PowerPolynomials {
  numerator: Float64Array;
  denominator: Float64Array;
}

/**
 * Stage k of a bank, H = c0 + Σ_i a_i/(1 − u_i·z⁻¹) (a_i = c_i·v_i, divided by `scale`), over Π_i D_i with
 * D_i(s) = |1 − u_i e^{−jω}|² = (1 − u_i)² + 4u_i·s, without expanding products of (1 − u_i z⁻¹) (which
 * loses digits near DC as freqz does):
 *
 *   N = c0²·Π D_m + 2c0 Σ_i a_i·((1 − u_i) + 2u_i s)·Π_{m≠i} D_m + Σ_i a_i²·Π_{m≠i} D_m
 *       + 2 Σ_{i<l} a_i a_l·((1 − u_i)(1 − u_l) + 2(u_i + u_l)s)·Π_{m≠i,l} D_m,
 *
 * from Re[(1 − u_l e^{−jω})(1 − u_i e^{jω})] = 1 − (u_i + u_l)cos ω + u_i u_l. Only branches in use
 * (a_i ≠ 0). Undefined beyond MAX_POWER_DEGREE branches or for a pole on the unit circle.
 */
export function bankPowerPolynomials(bank: BankTable, k: number, scale: number): PowerPolynomials | undefined {
  const B = bank.branches;
  const u: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < B; i++) {
    const w = (bank.c[k * B + i] * bank.v[k * B + i]) / scale;
    if (w === 0) continue;
    if (!(Math.abs(bank.u[k * B + i]) < 1)) return undefined;
    u.push(bank.u[k * B + i]);
    a.push(w);
  }
  if (u.length > MAX_POWER_DEGREE) return undefined;
  const c0 = bank.c0[k] / scale;
  const factor = (i: number) => [(1 - u[i]) * (1 - u[i]), 4 * u[i]];
  const productExcept = (skip: number[]) => u.reduce<number[]>((p, _, m) => (skip.includes(m) ? p : multiply(p, factor(m))), [1]);
  let numerator = scaled(productExcept([]), c0 * c0);
  for (let i = 0; i < u.length; i++) {
    const rest = productExcept([i]);
    numerator = add(numerator, scaled(multiply(rest, [1 - u[i], 2 * u[i]]), 2 * c0 * a[i]));
    numerator = add(numerator, scaled(rest, a[i] * a[i]));
    for (let l = i + 1; l < u.length; l++) {
      const cross = [(1 - u[i]) * (1 - u[l]), 2 * (u[i] + u[l])];
      numerator = add(numerator, scaled(multiply(productExcept([i, l]), cross), 2 * a[i] * a[l]));
    }
  }
  return { numerator: Float64Array.from(numerator), denominator: Float64Array.from(productExcept([])) };
}

/**
 * A rational stage B(z⁻¹)/A(z⁻¹): |P(e^{−jω})|² = r_0 + 2Σ_{m≥1} r_m·cos(mω) with r_m = Σ_k p_k p_{k+m},
 * and cos(mω) = C_m(s) from C_0 = 1, C_1 = 1 − 2s, C_{m+1} = 2(1 − 2s)·C_m − C_{m−1} (Chebyshev's
 * recurrence in cos ω). Undefined beyond MAX_POWER_DEGREE.
 */
export function rationalPowerPolynomials(b: ArrayLike<number>, a: ArrayLike<number>): PowerPolynomials | undefined {
  if (Math.max(b.length, a.length) - 1 > MAX_POWER_DEGREE) return undefined;
  return { numerator: Float64Array.from(powerInS(b)), denominator: Float64Array.from(powerInS(a)) };
}

function powerInS(p: ArrayLike<number>): number[] {
  const cosines: number[][] = [[1], [1, -2]];
  for (let m = 2; m < p.length; m++) cosines.push(add(multiply(cosines[m - 1], [2, -4]), scaled(cosines[m - 2], -1)));
  let out: number[] = [0];
  for (let m = 0; m < p.length; m++) {
    let r = 0;
    for (let k = 0; k + m < p.length; k++) r += p[k] * p[k + m];
    out = add(out, scaled(cosines[m], m === 0 ? r : 2 * r));
  }
  return out;
}

/**
 * The interior extremes of N/D on (0, π), ascending: the roots of N′D − ND′ in s ∈ (0, 1) where it
 * changes sign (a touching root is no extreme), each isolated between the extremes of the polynomial
 * itself (Rolle: recursively, the sign-changing roots of its derivative), then bisected to adjacent
 * doubles, and mapped to ω = 2·asin(√s). |H|² is monotone between consecutive values (and the ends).
 */
export function criticalFrequencies({ numerator: n, denominator: d }: PowerPolynomials): Float64Array {
  const derivativeRatio = add(multiply(derivative(n), d), scaled(multiply(n, derivative(d)), -1));
  return Float64Array.from(signChangeRoots(derivativeRatio), (s) => 2 * Math.asin(Math.sqrt(s)));
}

/** The roots in (0, 1) where p changes sign, ascending. */
export function signChangeRoots(p: ArrayLike<number>): number[] {
  const q = trimmed(p);
  const n = q.length - 1;
  if (n < 1) return [];
  if (n === 1) {
    const root = -q[0] / q[1];
    return root > 0 && root < 1 ? [root] : [];
  }
  const ends = [0, ...signChangeRoots(derivative(q)), 1];
  const roots: number[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    let lo = ends[i];
    let hi = ends[i + 1];
    const fLo = horner(q, lo);
    const fHi = horner(q, hi);
    if (!(fLo * fHi < 0)) continue;
    for (let it = 0; it < 2100; it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (horner(q, mid) * fLo > 0) lo = mid;
      else hi = mid;
    }
    roots.push(lo + (hi - lo) / 2);
  }
  return roots;
}

/** p with its highest-degree coefficients that are exactly zero dropped. */
function trimmed(p: ArrayLike<number>): number[] {
  const q = Array.from(p);
  while (q.length > 1 && q[q.length - 1] === 0) q.pop();
  return q;
}

function horner(p: ArrayLike<number>, x: number): number {
  let y = 0;
  for (let k = p.length - 1; k >= 0; k--) y = y * x + p[k];
  return y;
}

function derivative(p: ArrayLike<number>): number[] {
  return Array.from({ length: Math.max(1, p.length - 1) }, (_, k) => (k + 1 < p.length ? (k + 1) * p[k + 1] : 0));
}

function multiply(p: ArrayLike<number>, q: ArrayLike<number>): number[] {
  const out = new Array<number>(p.length + q.length - 1).fill(0);
  for (let i = 0; i < p.length; i++) for (let j = 0; j < q.length; j++) out[i + j] += p[i] * q[j];
  return out;
}

function add(p: ArrayLike<number>, q: ArrayLike<number>): number[] {
  return Array.from({ length: Math.max(p.length, q.length) }, (_, k) => (p[k] ?? 0) + (q[k] ?? 0));
}

function scaled(p: ArrayLike<number>, c: number): number[] {
  return Array.from(p, (x) => x * c);
}
