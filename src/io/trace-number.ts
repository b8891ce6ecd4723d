/** Exact powers of ten 10⁰ … 10²² (the largest exactly representable in binary64). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
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

/** Where the last readNumber (or scanNumber) stopped: the index of the first byte after the number. */
export const scanned = { end: 0 };
/** The value the last readNumber read. */
export const scannedValue = new Float64Array(1);

/** Significant digits always kept in the exact integer `hi` (10¹⁵ < 2^53); a 16th joins it while hi stays ≤ 2^53. */
const HI_DIGITS = 15;
// hi·10 + 9 ≤ 2^53 while hi ≤ (2^53 − 9)/10.
const EXACT_LIMIT = Math.floor((2 ** 53 - 9) / 10);
/** Digits beyond `hi` kept in `lo` (< 10⁴, so hi·10^m + lo < 2^53·10⁴ < 2^67). */
const MAX_LOW_DIGITS = 4;

// Four digits at once (SWAR): the bytes of one little-endian 32-bit read, first digit lowest.
/** Whether every byte of w is an ASCII digit (0x30–0x39): each byte's high nibble is 3, and still 3 after adding 6. */
const isFourDigits = (w: number): boolean => ((w & 0xf0f0f0f0) | (((w + 0x06060606) & 0xf0f0f0f0) >>> 4)) === 0x33333333;
/** The value of four ASCII digits read as one little-endian 32-bit word: pairs, then the pair of pairs. */
function fourDigits(w: number): number {
  const d = w - 0x30303030;
  const pairs = (d * 10 + (d >>> 8)) & 0x00ff00ff;
  return (pairs & 0xffff) * 100 + (pairs >>> 16);
}
/** bytes[i … i+3] as one little-endian 32-bit word (the caller checks i + 4 ≤ end). */
const wordAt = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** nan, inf or infinity (any case) at bytes[i …] into scannedValue[0], or false: the sign is already read. */
function specialWord(b: Uint8Array, i: number, end: number, negative: boolean): boolean {
  let word = '';
  for (let c; i < end && (c = b[i] | 32) >= 97 && c <= 122 && word.length < 9; i++) word += String.fromCharCode(c);
  scanned.end = i;
  const value = SPECIAL.get(word);
  if (value === undefined) return false;
  scannedValue[0] = negative ? -value : value;
  return true;
}

/**
 * The number written at bytes[start …] (ASCII, at most up to `end`), read as far as the grammar
 * goes: decimal and exponent notation (`-1.5e-3`, `.5`, `1.`) or, case-insensitively, `nan`,
 * `inf`, `infinity` with an optional sign (as Python and NumPy write them), into
 * scannedValue[0]. Returns false if no number starts there (or its exponent has no digits);
 * `scanned.end` is where it stopped. The value always equals `Number(text)` of the bytes read.
 * (A double in a Float64Array, not a return value: a hot loop calling it allocates nothing.)
 *
 * Notes
 * -----
 * Read from the bytes without making a string, four digits at a time where four digits follow
 * (one 32-bit word; never past `end`). Fast path (Clinger 1990): a decimal mantissa of at most 15
 * significant digits (16 while that integer is ≤ 2^53) times 10^e, |e| ≤ 22, is one correctly rounded
 * operation on exact doubles. Up to 4 more digits (the last of `repr` output's 16–17) go
 * through a double-double product or quotient whose rounding is checked (roundDecimal); what it
 * cannot prove, longer mantissas and larger exponents (so 17-digit values below 1e-6) are
 * converted by `Number` on the number's text, which rounds correctly.
 *
 * References
 * ----------
 * W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990; T. J. Dekker,
 * "A floating-point technique for extending the available precision", Numer. Math. 18, 1971;
 * D. Lemire, "Number parsing at a gigabyte per second", Softw. Pract. Exper. 51(8), 2021 (the
 * eight-digit test and combine, here on four digits).
 */
export function readNumber(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  let c = i < end ? b[i] : 0;
  const negative = c === 45;
  if (c === 45 || c === 43) c = ++i < end ? b[i] : 0;
  const afterSign = i;
  // Significant digits: the first HI_DIGITS (or 16) in hi, up to MAX_LOW_DIGITS more in lo; `exact`
  // while every digit is in one of them. exponent: the power of ten of hi·10^m + lo's last digit.
  let hi = 0, sig = 0, lo = 0, m = 0, exponent = 0, exact = true, w = 0;
  while (c === 48) c = ++i < end ? b[i] : 0; // leading zeros
  while (sig <= HI_DIGITS - 4 && i + 4 <= end && isFourDigits(w = wordAt(b, i))) {
    hi = hi * 1e4 + fourDigits(w);
    sig += 4;
    i += 4;
  }
  for (c = i < end ? b[i] : 0; c >= 48 && c <= 57; c = ++i < end ? b[i] : 0) {
    if (sig < HI_DIGITS || (sig === HI_DIGITS && hi <= EXACT_LIMIT)) {
      hi = hi * 10 + (c - 48);
      sig++;
    } else if (m < MAX_LOW_DIGITS) {
      lo = lo * 10 + (c - 48);
      m++;
    } else {
      exact = false;
      exponent++;
    }
  }
  const integerDigits = i !== afterSign;
  if (c === 46) {
    c = ++i < end ? b[i] : 0;
    const fractionStart = i;
    if (sig === 0) for (; c === 48; c = ++i < end ? b[i] : 0) exponent--; // zeros after the point of 0.000…
    while (sig <= HI_DIGITS - 4 && i + 4 <= end && isFourDigits(w = wordAt(b, i))) {
      hi = hi * 1e4 + fourDigits(w);
      sig += 4;
      i += 4;
      exponent -= 4;
    }
    for (c = i < end ? b[i] : 0; c >= 48 && c <= 57; c = ++i < end ? b[i] : 0) {
      if (sig < HI_DIGITS || (sig === HI_DIGITS && hi <= EXACT_LIMIT)) {
        hi = hi * 10 + (c - 48);
        sig++;
        exponent--;
      } else if (m < MAX_LOW_DIGITS) {
        lo = lo * 10 + (c - 48);
        m++;
        exponent--;
      } else exact = false;
    }
    if (!integerDigits && i === fractionStart) { // a point without digits
      scanned.end = i;
      return false;
    }
  } else if (!integerDigits) return specialWord(b, i, end, negative);
  scanned.end = i;
  if ((c | 32) === 101) {
    c = ++i < end ? b[i] : 0;
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = ++i < end ? b[i] : 0;
    }
    const expStart = i;
    let e = 0;
    for (; c >= 48 && c <= 57; c = ++i < end ? b[i] : 0) e = Math.min(e * 10 + (c - 48), 1e6);
    if (i === expStart) return false;
    exponent += expNegative ? -e : e;
    scanned.end = i;
  }
  let magnitude = NaN;
  if (exact && exponent <= 22 && exponent >= -22) {
    if (m === 0) magnitude = exponent >= 0 ? hi * POW10[exponent] : hi / POW10[-exponent];
    else magnitude = roundDecimal(hi, m, lo, exponent);
  }
  scannedValue[0] = magnitude !== magnitude ? Number(ascii.decode(b.subarray(start, i))) : negative ? -magnitude : magnitude;
  return true;
}

/**
 * The number written at bytes[start …] (ASCII, at most up to `end`), as readNumber reads it, or
 * undefined if no number starts there; `scanned.end` is where it stopped.
 */
export function scanNumber(b: Uint8Array, start: number, end: number): number | undefined {
  return readNumber(b, start, end) ? scannedValue[0] : undefined;
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
