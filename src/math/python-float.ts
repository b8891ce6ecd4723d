/**
 * Python's float semantics where they differ from JavaScript's, for code that must reproduce
 * torch.optim.lr_scheduler and transformers' schedules to the last bit. The one owner of these
 * rules: a correctly rounded or glibc-compatible cos/pow could later be swapped in here.
 *
 * - `%` and `//` floor toward −∞ (Python) instead of truncating (JS): torch's
 *   `(last_epoch − 1 − T_max) % (2·T_max)` has a negative left operand on most steps.
 * - Division by zero raises ZeroDivisionError instead of giving ±Infinity or NaN.
 * - `x ** y` is C's pow with Python's special cases; JS `**` is never used because V8 may
 *   constant-fold it differently from Math.pow.
 *
 * References: Python 3.11 Objects/floatobject.c (float_rem, float_floor_div, float_pow);
 * Objects/longobject.c (l_mod).
 */

/** A Python exception the reproduced code would raise (ZeroDivisionError, ValueError). */
export class PythonError extends Error {
  constructor(
    readonly type: 'ZeroDivisionError' | 'ValueError',
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** Python's a % b: the result has the sign of b (floor modulo). */
export function pyMod(a: number, b: number): number {
  if (b === 0) throw new PythonError('ZeroDivisionError', 'integer division or modulo by zero');
  const r = a % b;
  // Python's zero takes the divisor's sign (float_rem: copysign(0, b)); JS's takes the dividend's.
  if (r === 0) return b < 0 ? -0 : 0;
  return r < 0 !== b < 0 ? r + b : r;
}

/** Python's a // b on integers: ⌊a/b⌋, exact for safe integers (no rounding of a/b). */
export function pyFloorDiv(a: number, b: number): number {
  return (a - pyMod(a, b)) / b;
}

/** Python's a / b: true division, raising ZeroDivisionError for b = 0. */
export function pyDiv(a: number, b: number): number {
  if (b === 0) throw new PythonError('ZeroDivisionError', 'float division by zero');
  return a / b;
}

/**
 * Python's float `x ** y`: C's pow with float_pow's special cases (x**0 = 1 and 1**y = 1 even for
 * NaN; 0**negative raises; a negative base with a non-integer exponent gives a complex number in
 * Python, which no schedule can use, so it raises here).
 */
export function pyPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === 0 && y < 0) throw new PythonError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) {
    throw new PythonError('ValueError', 'a negative number raised to a fractional power is complex');
  }
  // C's pow(−1, ±inf) is 1 (C99 F.9.4.4); JS gives NaN.
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return Math.pow(x, y);
}

/** Python's bisect.bisect_right: the number of items ≤ x in a sorted list. */
export function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
