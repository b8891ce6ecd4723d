/**
 * Double-double arithmetic: a value hi + lo held as two doubles with |lo| ≤ ½ ulp(hi), about 106 bits,
 * for the few formulas whose answer is a small difference of larger terms (a crossing frequency next to
 * an end gain, a sum that cancels). Error-free transformations TwoSum (Knuth) and TwoProduct (Dekker,
 * with Veltkamp's split), and the sloppy-free add, multiply and divide of Hida, Li & Bailey's QD library.
 * References: Dekker (1971) "A floating-point technique for extending the available precision";
 * Knuth, TAOCP vol. 2, §4.2.2; Hida, Li & Bailey (2001) "Algorithms for quad-double precision floating
 * point arithmetic". No overflow handling: callers keep operands within ~1e150.
 */

/** hi + lo, the exact value of a double-double. */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729;

/** A double as a double-double. */
export function dd(x: number): DoubleDouble {
  return { hi: x, lo: 0 };
}

/** The rounding error of s = fl(a + b): a + b = s + error exactly (TwoSum). */
export function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** The rounding error of p = fl(a·b): a·b = p + error exactly (TwoProduct, no overflow assumed). */
export function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** s + e renormalised, for |s| ≥ |e| (FastTwoSum). */
function normalise(s: number, e: number): DoubleDouble {
  const hi = s + e;
  return { hi, lo: e - (hi - s) };
}

/** x + y. */
export function ddAdd(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const s = x.hi + y.hi;
  let e = twoSumError(x.hi, y.hi, s);
  const t = x.lo + y.lo;
  const f = twoSumError(x.lo, y.lo, t);
  e += t;
  const u = normalise(s, e);
  return normalise(u.hi, u.lo + f);
}

/** x − y. */
export function ddSub(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  return ddAdd(x, { hi: -y.hi, lo: -y.lo });
}

/** x·y. */
export function ddMul(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const p = x.hi * y.hi;
  return normalise(p, twoProductError(x.hi, y.hi, p) + (x.hi * y.lo + x.lo * y.hi));
}

/** x/k for a power of two k: exact (each part divided alone), as when a gain is scaled away from under- or overflow. */
export function ddDivPowerOfTwo(x: DoubleDouble, k: number): DoubleDouble {
  return { hi: x.hi / k, lo: x.lo / k };
}

/** x/y (three correction steps of long division). */
export function ddDiv(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const q1 = x.hi / y.hi;
  let r = ddSub(x, ddMul(dd(q1), y));
  const q2 = r.hi / y.hi;
  r = ddSub(r, ddMul(dd(q2), y));
  const q3 = r.hi / y.hi;
  const q = normalise(q1, q2);
  return ddAdd(q, dd(q3));
}

/** √x rounded to a double, for x ≥ 0: one Newton step from √x.hi on the double-double residual x − h² (Karp & Markstein 1997). */
export function ddSqrt(x: DoubleDouble): number {
  if (!(x.hi > 0)) return Math.sqrt(x.hi);
  const h = Math.sqrt(x.hi);
  const r = ddSub(x, ddMul(dd(h), dd(h)));
  return h + r.hi / (2 * h);
}
