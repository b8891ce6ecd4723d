import { dd, ddAdd, ddDiv, ddMul, ddSub, type DoubleDouble } from '../math/double-double.js';
import type { BankTable } from '../types.js';

/**
 * |H(e^{jω})|² of a filter bank or rational stage as a ratio of polynomials in s = sin²(ω/2) ∈ [0, π] ↦
 * [0, 1] (cos ω = 1 − 2s), and the frequencies where it has interior extremes, found by exact real-root
 * isolation instead of a search grid, so that no peak, dip or crossing narrower than a grid spacing is
 * missed. Coefficient arrays are lowest degree first.
 */

/**
 * Polynomials up to this degree in s are solved; longer filters keep the search grid (shapeMetrics), with
 * crossings and peaks still refined in double-double. Why not more: in the monomial basis of s the
 * coefficients of cos(kω) = T_k(1 − 2s) grow like (3 + √8)^k/2 (7·10⁵ at k = 8, 2·10¹² at 16, 10⁹⁹ at the
 * schema's order 255), so even double-double coefficients keep no digit of N′D − ND′ beyond order ~20,
 * and the Rolle isolation costs O(degree³) evaluations per stage (a 64-branch aggmo bank: degree 126).
 */
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
 * The interior extremes of N/D on (0, π), ascending: the roots of N′D − ND′ in s ∈ (0, 1) where it
 * changes sign (a touching root is no extreme), each isolated between the extremes of the polynomial
 * itself (Rolle: recursively, the sign-changing roots of its derivative), then bisected to adjacent
 * doubles in s (in c = 1 − s = cos²(ω/2) above s = ½, where s has no digits left for ω near π), and
 * mapped to ω = 2·asin(√s) (π − 2·asin(√c)). |H|² is monotone between consecutive values (and the ends).
 * The polynomials are evaluated in double-double (Horner), so a sign is right wherever |N′D − ND′| is
 * above ~10⁻³² of its terms.
 */
export function criticalFrequencies({ numerator, denominator }: PowerPolynomials | DdPowerPolynomials): Float64Array {
  const n = Array.from(numerator as ArrayLike<number | DoubleDouble>, asDd);
  const d = Array.from(denominator as ArrayLike<number | DoubleDouble>, asDd);
  const derivativeRatio = ddPolyAdd(ddPolyMul(ddPolyDerivative(n), d), ddPolyScaled(ddPolyMul(n, ddPolyDerivative(d)), dd(-1)));
  return Float64Array.from(ddSignChangeRoots(derivativeRatio, true));
}

/** The roots in (0, 1) where p changes sign, ascending. */
export function signChangeRoots(p: ArrayLike<number>): number[] {
  return ddSignChangeRoots(Array.from(p, dd), false);
}

/** N(s) and D(s) with |H|² = N/D, coefficients in double-double. */
export interface DdPowerPolynomials {
  numerator: DoubleDouble[];
  denominator: DoubleDouble[];
}

/**
 * A rational stage B(z⁻¹)/A(z⁻¹) as N/D in double-double without the autocorrelation's cancellation:
 * with x = cos ω = 1 − 2s, B(e^{−jω}) = Σ b_k cos kω − j·sin ω·Σ b_k sin kω/sin ω, cos kω = T_k(x) and
 * sin kω/sin ω = U_{k−1}(x) (Chebyshev polynomials of the first and second kind), so
 *
 *   |B|² = P(s)² + 4s(1 − s)·Q(s)²,  P = Σ b_k T_k(1 − 2s),  Q = Σ_{k≥1} b_k U_{k−1}(1 − 2s),
 *
 * and P(0) = B(1), P(1) = B(−1) are formed without cancelling the squares of the coefficients (a pole
 * cluster next to DC makes |A(1)|² = r_0 + 2Σ r_m cancel by 20 digits, |A(1)| = Σ a_k by only 10). The
 * coefficients of T_k, U_k in s are integers below 2^24 up to order 8 (exact products with b_k). N, D are
 * cut to the degree of |B|², |A|² in s (the higher terms cancel exactly, up to rounding). Undefined beyond
 * MAX_POWER_DEGREE. Source: Mason & Handscomb, Chebyshev Polynomials (2003), §1.2.
 */
export function rationalPowerPolynomials(b: ArrayLike<number>, a: ArrayLike<number>): DdPowerPolynomials | undefined {
  if (Math.max(b.length, a.length) - 1 > MAX_POWER_DEGREE) return undefined;
  return { numerator: squaredModulusInS(b), denominator: squaredModulusInS(a) };
}

function squaredModulusInS(p: ArrayLike<number>): DoubleDouble[] {
  const x = [dd(1), dd(-2)];
  const t: DoubleDouble[][] = [[dd(1)], x];
  const u: DoubleDouble[][] = [[dd(1)], ddPolyScaled(x, dd(2))];
  for (let m = 2; m < p.length; m++) {
    t.push(ddPolyAdd(ddPolyMul(ddPolyScaled(x, dd(2)), t[m - 1]), ddPolyScaled(t[m - 2], dd(-1))));
    u.push(ddPolyAdd(ddPolyMul(ddPolyScaled(x, dd(2)), u[m - 1]), ddPolyScaled(u[m - 2], dd(-1))));
  }
  let real: DoubleDouble[] = [dd(0)];
  let imag: DoubleDouble[] = [dd(0)];
  for (let k = 0; k < p.length; k++) {
    real = ddPolyAdd(real, ddPolyScaled(t[k], dd(p[k])));
    if (k > 0) imag = ddPolyAdd(imag, ddPolyScaled(u[k - 1], dd(p[k])));
  }
  const sin2 = [dd(0), dd(4), dd(-4)];
  const out = ddPolyAdd(ddPolyMul(real, real), ddPolyMul(sin2, ddPolyMul(imag, imag)));
  return out.slice(0, Math.max(1, p.length));
}

/**
 * |B/A|² at s = sin²(ω/2) in double-double for a rational stage of any order: P and Q of
 * rationalPowerPolynomials summed along Chebyshev's recurrences T_{k+1} = 2x·T_k − T_{k−1},
 * U_{k+1} = 2x·U_k − U_{k−1} at x = 1 − 2s (nothing expanded in s, so no coefficient grows like 5.8^k;
 * the recurrences' error grows like k², ~10⁻²⁷ relative of Σ|b_k| at order 255).
 */
export function rationalPowerOfS(b: ArrayLike<number>, a: ArrayLike<number>): (s: DoubleDouble) => DoubleDouble {
  return (s) => {
    const x = ddSub(dd(1), ddMul(dd(2), s));
    const twoX = { hi: 2 * x.hi, lo: 2 * x.lo }; // exact
    const sin2 = ddMul(dd(4), ddMul(s, ddSub(dd(1), s)));
    const modulus2 = (p: ArrayLike<number>) => {
      let [t0, t1, u0, u1] = [dd(1), x, dd(1), twoX];
      let real = dd(p[0]);
      let imag = dd(0);
      for (let k = 1; k < p.length; k++) {
        real = ddAdd(real, ddMul(dd(p[k]), t1));
        imag = ddAdd(imag, ddMul(dd(p[k]), u0));
        if (k + 1 === p.length) break;
        [t0, t1] = [t1, ddSub(ddMul(twoX, t1), t0)];
        [u0, u1] = [u1, ddSub(ddMul(twoX, u1), u0)];
      }
      return ddAdd(ddMul(real, real), ddMul(sin2, ddMul(imag, imag)));
    };
    const num = modulus2(b);
    const den = modulus2(a);
    return ddDiv(num, den);
  };
}

/** The sign-changing roots in (0, 1) of p (Rolle isolation, Horner in double-double); with `asFrequencies`, as ω (a root above ½ bisected again in c = 1 − s). */
function ddSignChangeRoots(p: DoubleDouble[], asFrequencies: boolean): number[] {
  const q = ddTrimmed(p);
  const n = q.length - 1;
  if (n < 1) return [];
  const sign = (s: number) => Math.sign(ddHorner(q, dd(s)).hi);
  const ends = n === 1 ? [0, 1] : [0, ...ddSignChangeRoots(ddPolyDerivative(q), false), 1];
  const roots: number[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const bracket = bisectSign(sign, ends[i], ends[i + 1]);
    if (!bracket) continue;
    const [lo, hi] = bracket;
    if (!asFrequencies) roots.push(lo + (hi - lo) / 2);
    else if (lo < 0.5) roots.push(2 * Math.asin(Math.sqrt(lo + (hi - lo) / 2)));
    else {
      // c = 1 − s is exact for s ≥ ½ (Sterbenz); bisect again in c, where the doubles are dense next to π.
      const [cLo, cHi] = bisectSign((c) => -Math.sign(ddHorner(q, ddSub(dd(1), dd(c))).hi), 1 - hi, 1 - lo) ?? [1 - hi, 1 - lo];
      roots.push(Math.PI - 2 * Math.asin(Math.sqrt(cLo + (cHi - cLo) / 2)));
    }
  }
  return roots;
}

/** [lo, hi] adjacent doubles around a sign change of f on [a, b], undefined without one (a zero at an end is no interior change). */
function bisectSign(f: (x: number) => number, a: number, b: number): [number, number] | undefined {
  let lo = a;
  let hi = b;
  const fLo = f(lo);
  if (!(fLo * f(hi) < 0)) return undefined;
  for (let it = 0; it < 2100; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (f(mid) * fLo > 0) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}

function asDd(x: number | DoubleDouble): DoubleDouble {
  return typeof x === 'number' ? dd(x) : x;
}

function ddTrimmed(p: DoubleDouble[]): DoubleDouble[] {
  const q = p.slice();
  while (q.length > 1 && q[q.length - 1].hi === 0) q.pop();
  return q;
}

function ddHorner(p: DoubleDouble[], x: DoubleDouble): DoubleDouble {
  let y = dd(0);
  for (let k = p.length - 1; k >= 0; k--) y = ddAdd(ddMul(y, x), p[k]);
  return y;
}

function ddPolyDerivative(p: DoubleDouble[]): DoubleDouble[] {
  return Array.from({ length: Math.max(1, p.length - 1) }, (_, k) => (k + 1 < p.length ? ddMul(dd(k + 1), p[k + 1]) : dd(0)));
}

function ddPolyMul(p: DoubleDouble[], q: DoubleDouble[]): DoubleDouble[] {
  const out = Array.from({ length: p.length + q.length - 1 }, () => dd(0));
  for (let i = 0; i < p.length; i++) for (let j = 0; j < q.length; j++) out[i + j] = ddAdd(out[i + j], ddMul(p[i], q[j]));
  return out;
}

function ddPolyAdd(p: DoubleDouble[], q: DoubleDouble[]): DoubleDouble[] {
  return Array.from({ length: Math.max(p.length, q.length) }, (_, k) => ddAdd(p[k] ?? dd(0), q[k] ?? dd(0)));
}

function ddPolyScaled(p: DoubleDouble[], c: DoubleDouble): DoubleDouble[] {
  return p.map((x) => ddMul(x, c));
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
