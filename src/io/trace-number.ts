/** Exact powers of ten 10⁰ … 10²² (the largest exactly representable in binary64). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
// hi·10 + 9 ≤ 2^53 while hi ≤ (2^53 − 9)/10: the leading digits stay an exact integer.
const EXACT_LIMIT = Math.floor((2 ** 53 - 9) / 10);
/** Digits beyond the exact integer `hi` kept in `lo` (< 10⁴, so hi·10^m + lo < 2^67). */
const MAX_LOW_DIGITS = 4;
/** Veltkamp's splitter 2^27 + 1 for binary64. */
const SPLITTER = 134217729;

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;
const SPECIAL = new Map([['nan', NaN], ['inf', Infinity], ['infinity', Infinity]]);
const ascii = new TextDecoder();

/** Low part of a·b (the exact product is fl(a·b) + twoProductLow(a, b)): Dekker 1971, no FMA needed. */
function twoProductLow(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return al * bl - (((product - ah * bh) - al * bh) - ah * bl);
}

/**
 * w · 10^exponent correctly rounded, w = hi·10^m + lo (hi ≤ 2^53, lo < 10^m, m ≤ 4, w > 0,
 * |exponent| ≤ 22), or NaN when the double-double estimate cannot prove the rounding (then the
 * caller asks Number()). w and 10^|exponent| are exact as s + wl and P; the product or quotient
 * is qh + c with qh a double, c's error below ε; if qh + (c − ε) and qh + (c + ε) round to the
 * same double, so does the exact value (rounding is monotonic), ties included (they straddle).
 * Division: the remainder s − qh·P of a correctly rounded quotient is a double (Boldo, Daumas,
 * "Representable correcting terms for possibly underflowing floating point operations", 2003).
 */
function roundDecimal(hi: number, m: number, lo: number, exponent: number): number {
  const ph = hi * POW10[m];
  const pl = twoProductLow(hi, POW10[m], ph);
  const s = ph + lo; // TwoSum: s + t = ph + lo exactly
  const bv = s - ph;
  const t = (ph - (s - bv)) + (lo - bv);
  const wl = t + pl; // integers below 2^15: exact
  const p = POW10[exponent >= 0 ? exponent : -exponent];
  let qh: number, c: number, bound: number;
  if (exponent >= 0) {
    qh = s * p;
    const ql = twoProductLow(s, p, qh);
    const wp = wl * p;
    c = ql + wp;
    bound = Math.abs(ql) + Math.abs(wp);
  } else {
    qh = s / p;
    const a = qh * p;
    const r = (s - a) - twoProductLow(qh, p, a); // exact: Sterbenz, then a representable remainder
    c = (r + wl) / p;
    bound = (Math.abs(r) + Math.abs(wl)) / p;
  }
  const epsilon = bound * 2 ** -50; // ≥ 4× the two roundings in c
  const low = qh + (c - epsilon);
  return low === qh + (c + epsilon) ? low : NaN;
}

/** Where the last scanNumber stopped: the index of the first byte after the number. */
export const scanned = { end: 0 };

/**
 * The number written at bytes[start …] (ASCII, at most up to `end`), read as far as the grammar
 * goes: decimal and exponent notation (`-1.5e-3`, `.5`, `1.`) or, case-insensitively, `nan`,
 * `inf`, `infinity` with an optional sign (as Python and NumPy write them). Returns undefined if
 * no number starts there (or its exponent has no digits); `scanned.end` is where it stopped.
 * The value always equals `Number(text)` of the bytes read.
 *
 * Notes
 * -----
 * Read from the bytes without making a string. Fast path (Clinger 1990): a decimal mantissa that
 * is an integer ≤ 2^53 times 10^e, |e| ≤ 22, is one correctly rounded operation on exact doubles
 * (up to 15 digits always, 16 mostly). Up to 4 more digits (the 17 digits of `repr` output) go
 * through a double-double product or quotient whose rounding is checked (roundDecimal); what it
 * cannot prove, longer mantissas and larger exponents (so 17-digit values below 1e-6) are
 * converted by `Number` on the number's text, which rounds correctly.
 *
 * References
 * ----------
 * W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990; T. J. Dekker,
 * "A floating-point technique for extending the available precision", Numer. Math. 18, 1971.
 */
export function scanNumber(b: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let c = b[i];
  const negative = c === 45;
  if (i < end && (c === 45 || c === 43)) i++;
  const afterSign = i;
  // Significant digits: hi (an integer ≤ 2^53), then up to MAX_LOW_DIGITS more in lo; `exact`
  // while every digit so far is in one of them.
  let hi = 0, lo = 0, m = 0, exact = true, exponent = 0, digits = 0;
  for (let fraction = 0; i < end; i++) {
    c = b[i];
    if (c >= 48 && c <= 57) {
      digits++;
      if (!exact) continue;
      if (m === 0 && hi <= EXACT_LIMIT) hi = hi * 10 + (c - 48);
      else if (m < MAX_LOW_DIGITS) {
        lo = lo * 10 + (c - 48);
        m++;
      } else {
        exact = false;
        continue;
      }
      exponent -= fraction;
    } else if (c === 46 && fraction === 0) fraction = 1;
    else break;
  }
  scanned.end = i;
  if (digits === 0) {
    if (i !== afterSign) return undefined; // a point without digits
    let word = '';
    for (; i < end && (c = b[i] | 32) >= 97 && c <= 122 && word.length < 9; i++) word += String.fromCharCode(c);
    scanned.end = i;
    const value = SPECIAL.get(word);
    return value === undefined ? undefined : negative ? -value : value;
  }
  if (i < end && (b[i] | 32) === 101) {
    i++;
    let expNegative = false;
    if (i < end && (b[i] === 45 || b[i] === 43)) expNegative = b[i++] === 45;
    let e = 0, expDigits = 0;
    for (; i < end && (c = b[i]) >= 48 && c <= 57; i++, expDigits++) e = Math.min(e * 10 + (c - 48), 1e6);
    if (expDigits === 0) return undefined;
    exponent += expNegative ? -e : e;
    scanned.end = i;
  }
  let magnitude = NaN;
  if (exact && exponent <= 22 && exponent >= -22) {
    if (m === 0) magnitude = exponent >= 0 ? hi * POW10[exponent] : hi / POW10[-exponent];
    else magnitude = roundDecimal(hi, m, lo, exponent);
  }
  if (magnitude !== magnitude) return Number(ascii.decode(b.subarray(start, i)));
  return negative ? -magnitude : magnitude;
}

/**
 * The number written in bytes[start … end) (ASCII), surrounding blanks (space, tab, CR)
 * ignored, or undefined if it is not one; see scanNumber for the grammar and the rounding.
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number | undefined {
  while (start < end && isBlank(b[start])) start++;
  while (end > start && isBlank(b[end - 1])) end--;
  if (start === end) return undefined;
  const value = scanNumber(b, start, end);
  return scanned.end === end ? value : undefined;
}

const scratch = { bytes: new Uint8Array(64) };

/**
 * The number written in s[start … end), as parseNumberBytes reads it (the same grammar: a cell
 * with any character beyond ASCII is not a number).
 */
export function parseNumber(s: string, start: number, end: number): number | undefined {
  const n = end - start;
  if (scratch.bytes.length < n) scratch.bytes = new Uint8Array(Math.max(n, 2 * scratch.bytes.length));
  const bytes = scratch.bytes;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(start + k);
    if (c > 127) return undefined;
    bytes[k] = c;
  }
  return parseNumberBytes(bytes, 0, n);
}
