/** Exact powers of ten 10⁰ … 10²² (the largest exactly representable in binary64). */
// mantissa·10 + 9 ≤ 2^53 while mantissa ≤ (2^53 − 9)/10: the decimal mantissa stays an exact integer.
const EXACT_LIMIT = Math.floor((2 ** 53 - 9) / 10);
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;
const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, infinity: Infinity };

/**
 * The number written in s[start … end), surrounding blanks ignored, or undefined if it is not
 * one. Accepts decimal and exponent notation (`-1.5e-3`, `.5`, `1.`) and, case-insensitively,
 * `nan`, `inf`, `infinity` with an optional sign (as Python and NumPy write them).
 *
 * Notes
 * -----
 * Fast path (Clinger 1990): when the decimal mantissa (all its digits, leading and trailing
 * zeros included) is an integer ≤ 2^53 and the decimal exponent is at most 22 in magnitude,
 * mantissa and 10^|e| are exact doubles, so one multiplication or division is correctly
 * rounded: up to 15 digits always, 16 digits mostly. Anything longer (e.g. most 17-digit
 * `repr` output) is validated here and then converted by `Number`, which rounds correctly, so
 * results always equal `Number(text)`.
 *
 * References
 * ----------
 * W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.
 */
export function parseNumber(s: string, start: number, end: number): number | undefined {
  while (start < end && isBlank(s.charCodeAt(start))) start++;
  while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  let i = start;
  let c = s.charCodeAt(i);
  const negative = c === 45;
  if (c === 45 || c === 43) i++;
  const afterSign = i;
  // `exact`: every significant digit so far is in `mantissa`, an integer ≤ 2^53.
  let mantissa = 0, exact = true, exponent = 0, digits = 0;
  for (; i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++) {
    digits++;
    if (!exact) continue;
    if (mantissa <= EXACT_LIMIT) mantissa = mantissa * 10 + (c - 48);
    else exact = false;
  }
  if (i < end && s.charCodeAt(i) === 46) {
    for (i++; i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++) {
      digits++;
      if (!exact) continue;
      if (mantissa <= EXACT_LIMIT) {
        mantissa = mantissa * 10 + (c - 48);
        exponent--;
      } else exact = false;
    }
  }
  if (digits === 0) {
    const word = SPECIAL[s.slice(afterSign, end).toLowerCase()];
    return word === undefined ? undefined : negative ? -word : word;
  }
  if (i < end && (s.charCodeAt(i) | 32) === 101) {
    i++;
    let expNegative = false;
    if (i < end && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) expNegative = s.charCodeAt(i++) === 45;
    let e = 0, expDigits = 0;
    for (; i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++, expDigits++) e = Math.min(e * 10 + (c - 48), 1e6);
    if (expDigits === 0) return undefined;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return undefined;
  if (!exact || exponent > 22 || exponent < -22) return Number(s.slice(start, end));
  const magnitude = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
  return negative ? -magnitude : magnitude;
}
