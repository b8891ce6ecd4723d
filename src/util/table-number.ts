// Numbers of the terminal tables (analyze, simulate, spectrum), and of the explore page's table: pure, so
// the core and the browser print the digits the CLI prints.

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

/**
 * A number in at most `width` characters: `digits` significant digits, fewer when it does not fit, then
 * one-digit exponent form (tableNumber's formats otherwise). Widths from 7 fit any double ("-1e-300").
 */
export function fitNumber(x: number | null, width: number, digits = 4, infinity = '∞'): string {
  for (let d = digits; d >= 1; d--) {
    const text = tableNumber(x, d, 1e-4, infinity);
    if (text.length <= width) return text;
  }
  return x === null ? '–' : x.toExponential(0);
}
