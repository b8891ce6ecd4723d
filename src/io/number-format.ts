/**
 * Numbers as JSON/CSV text: shortest round-trip decimal (ECMAScript Number::toString), −0 as 0,
 * and non-finite values as JSON null / an empty CSV cell, so output is always valid and identical
 * across runs and machines. The JSON half lives in the core (src/util/json-value.ts).
 */

export function csvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return x === 0 ? '0' : String(x);
}

/**
 * A number for a terminal table: `digits` significant digits, exponent form below `smallest` or
 * from 10⁶ on, '–' for null or NaN, and `infinity` for +∞ (−∞ shows '–').
 */
export function tableNumber(x: number | null, digits = 4, smallest = 1e-4, infinity = '–'): string {
  if (x === null || !Number.isFinite(x)) return x === Infinity ? infinity : '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < smallest) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}
