/**
 * x rounded to `digits` significant digits, as a number whose JSON form is the shortest string that
 * round-trips (ECMAScript Number::toString). Plots need ~6 digits; rounding keeps spec and SVG files
 * small and makes them byte-identical across platforms whose last-ulp libm results differ.
 *
 * Non-finite values become null, which Vega-Lite treats as missing (a break in a line, no cell).
 */
export function roundSig(x: number, digits = 6): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0; // also maps −0 to 0, which JSON would print as 0 anyway
  return Number(x.toPrecision(digits));
}
