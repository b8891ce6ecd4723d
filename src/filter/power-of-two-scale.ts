/**
 * The power of two nearest |x| (1 for 0 or a non-finite x), to divide a filter's gain by before squaring
 * it: the division is exact, so results keep the rounding they would have had unscaled, while squares of
 * a gain of 1e-300 (or 1e300) no longer underflow (overflow).
 */
export function powerOfTwoScale(x: number): number {
  const a = Math.abs(x);
  if (!(a > 0 && Number.isFinite(a))) return 1;
  return 2 ** Math.max(-1074, Math.min(1023, Math.round(Math.log2(a))));
}
