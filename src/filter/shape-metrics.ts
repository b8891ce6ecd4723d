import type { StageMetrics } from '../types.js';
import { compareGains, compareSquaredGains, filterTypeOf, peakOf } from './gain-tolerance.js';
import { dd, ddAdd, ddDivPowerOfTwo, ddMul, ddSqrt, ddSub, type DoubleDouble } from '../math/double-double.js';
import { powerOfTwoScale } from './power-of-two-scale.js';

/** Points of the search grid (linear on [0, π] plus log-spaced towards 0, where slow branches live). */
const LINEAR_POINTS = 4097;
const LOG_POINTS = 2048;
const LOG_OMEGA_MIN = 1e-9;

/** The search grid with the trigonometry every evaluation needs. */
export interface SearchGrid {
  omega: Float64Array;
  sin: Float64Array;
  sinHalf2: Float64Array;
  cosHalf2: Float64Array;
}

export type ShapeMetrics = Pick<StageMetrics, 'peakGain' | 'peakFrequency' | 'cutoffFrequency' | 'unityGainFrequency' | 'filterType'>;

/** What shapeMetrics reads of a stage: its |H|² and end gains, and the optional faster or exact helpers. */
export interface ShapeInput {
  /** |H(ω)/scale|², ω in rad/sample on [0, π] (binary64). */
  gain2: (w: number) => number;
  /** |H(0)|, exact (H is real there), unscaled. */
  dcGain: number;
  /** |H(π)|, exact, unscaled. */
  nyquistGain: number;
  /** A power of two (gainScale) by which the caller divided its coefficients, so that no square under- or overflows; 1 by default. */
  scale?: number;
  /** gain2 on the whole search grid at once, when the caller can do it faster than point by point. */
  onGrid?: (grid: SearchGrid) => Float64Array;
  /** The interior extremes of |H|², ascending in (0, π) (criticalFrequencies): replaces the search grid. */
  critical?: Float64Array;
  /** |H/scale|² as a function of s = sin²(ω/2) in double-double: polishes each crossing in s (polishInS). */
  power2?: PowerOfS;
}

/**
 * The metrics without a closed form, from |H(ω)|² alone, for filter banks and rational stages: |H|² on a
 * search grid of 4097 linear and 2048 log-spaced points (down to 1e-9 rad/sample) brackets the peak and
 * every crossing, then golden-section search (peak) or bisection (crossings) refines it to full double
 * precision. The gains are compared with the one tolerance of gain-tolerance.ts, as for first-order
 * stages:
 *
 * - peak: the largest |H|, but an end gain within GAIN_RTOL of it is the peak (peakOf), so a flat
 *   response peaks at ω = 0 with peakGain = dcGain exactly;
 * - filterType from the end gains and the largest and smallest interior |H|, found the same way
 *   (filterTypeOf: all-pass only where flat; low-, high-, band-pass, band-stop by the pass band);
 *   cutoffFrequency the −3 dB point |H|² = peakGain²/2, the first above DC (low-pass) or the last below
 *   Nyquist (high-pass), null for the other types;
 *   unityGainFrequency the lowest ω where |H| crosses 1. A crossing is where |H|² goes from above the
 *   band level·(1 ± 2·GAIN_RTOL) to below it or back; a response that only touches or stays inside the
 *   band (a flat gain of 1, an EMA whose DC gain rounds to 1 + 2e-16) does not cross.
 *
 * With `critical`, the interior extremes of |H|² found exactly (criticalFrequencies of its polynomials in
 * sin²(ω/2), src/filter/power-polynomial.ts), the search grid is replaced by 0, those frequencies and π:
 * |H|² is monotone between consecutive ones, so every crossing is bracketed and every extreme found
 * however narrow (the fixed grid can miss a feature narrower than its spacing, 7.7e-4 rad above 0.1).
 * With `power2`, each crossing is polished in s (polishInS), so that a crossing where |H|² meets its level
 * at a shallow angle (next to DC) is not lost in the rounding of a binary64 |H|².
 *
 * Input (ShapeInput): gains unscaled, |H|² divided by scale²; frequencies in rad/sample. Output: gains
 * unscaled (|H|, not dB), frequencies in rad/sample in [0, π], null where a crossing does not exist.
 * Never throws: a non-finite gain2 compares as no crossing. The formulas: |H|² of a bank or rational
 * stage as in src/filter/power-polynomial.ts; the half-power and unity definitions of scipy.signal's
 * conventions and docs/theory.md ("Per-stage metrics", "Equal gains").
 */
export function shapeMetrics({ gain2, dcGain, nyquistGain, scale = 1, onGrid, critical, power2 }: ShapeInput): ShapeMetrics {
  let grid: Float64Array;
  let g2: Float64Array;
  if (critical) {
    grid = Float64Array.from([0, ...critical.filter((w) => w > 0 && w < Math.PI), Math.PI]);
    g2 = grid.map(gain2);
  } else {
    const search = searchGrid();
    grid = search.omega;
    g2 = onGrid ? onGrid(search) : grid.map(gain2);
  }
  // At exact critical points the extreme is the grid value itself (a golden-section search on a flat top
  // would only pick the largest rounding error of gain2 near it).
  const found = interiorExtreme(grid, g2, gain2, 1, !critical, power2);
  // With power2 the interior peak's |H| is its double-double value, rounded once (|H|² is flat there, so
  // the rounding of ω does not matter).
  const interior = found && power2 ? { gain: ddSqrt(power2(sOf(found.frequency))), frequency: found.frequency } : found;
  const trough = interiorExtreme(grid, g2, gain2, -1, !critical);
  const { peakGain, peakFrequency } = peakOf(dcGain, nyquistGain, interior && { gain: scale * interior.gain, frequency: interior.frequency });
  const filterType = filterTypeOf(dcGain, nyquistGain, {
    peak: interior ? scale * interior.gain : Math.max(dcGain, nyquistGain),
    trough: trough ? scale * trough.gain : Math.min(dcGain, nyquistGain),
  });
  const halfPower = (g: number) => (g / scale) ** 2 / 2;
  let cutoffFrequency: number | null = null;
  // With power2 the half-power level is |H(peak)|²/2 in double-double, not the rounded peakGain squared.
  const peakPower = power2 && power2(sOf(peakFrequency));
  const halfPowerDd = peakPower && ddDivPowerOfTwo(peakPower, 2);
  if (filterType === 'low-pass') cutoffFrequency = firstCrossing(grid, g2, gain2, halfPower(peakGain), false, power2, halfPowerDd);
  if (filterType === 'high-pass') cutoffFrequency = firstCrossing(grid, g2, gain2, halfPower(peakGain), true, power2, halfPowerDd);
  const unity = firstCrossing(grid, g2, gain2, 1 / (scale * scale), false, power2);
  return {
    peakGain,
    peakFrequency,
    cutoffFrequency,
    unityGainFrequency: unity !== null && unity > 0 && unity < Math.PI ? unity : null,
    filterType,
  };
}

/**
 * A first-order rational stage H(z) = (b0 + b1·z⁻¹)/(1 − p·z⁻¹) as firstOrderShape reads it: the pole
 * and H at DC and at Nyquist (real there) in double-double, so that a crossing next to an end keeps its
 * digits where |H|² − level cancels.
 */
export interface FirstOrderStage {
  pole: number;
  dc: DoubleDouble;
  nyquist: DoubleDouble;
}

/**
 * shapeMetrics of a first-order rational stage in closed form, from its pole and end values alone
 * (nesterov, qhm, lion, nadam: a bank of one branch with feed-through; a `rational` stage with nb, na ≤ 2).
 * With s = sin²(ω/2) ∈ [0, 1] (cos ω = 1 − 2s),
 *
 *   |H|² = N(s)/D(s),  N(s) = (1 − s)(b0 + b1)² + s(b0 − b1)²,  D(s) = (1 − s)(1 − p)² + s(1 + p)² > 0,
 *
 * both linear in s (|H(e^{jω})|² = (b0² + b1² + 2b0b1·cos ω)/(1 + p² − 2p·cos ω); Oppenheim & Schafer,
 * Discrete-Time Signal Processing, 3rd ed., §5.3), so |H|² is a Möbius function of s, monotone on
 * [0, π]: the peak and trough are the end gains (no interior extreme), and |H|² = c ⇔ f(s) = 0 with
 * f(s) = N(s) − c·D(s) linear, f(0) = (1 − p)²(H(0)² − c), f(1) = (1 + p)²(H(π)² − c). A crossing needs
 * f(0), f(1) of opposite signs, so its root s* = |f(0)|/(|f(0)| + |f(1)|) has no cancellation;
 * ω = 2·asin(√s*), or π − 2·asin(√(1 − s*)) with 1 − s* = |f(1)|/(…) when the crossing is nearer π.
 * f(0) and f(1) are formed in double-double (H(0)² − c cancels next to the crossing), so ω is within a
 * few ulp of the exact crossing of the stage's binary64 coefficients (test/fixtures/first-order-shape).
 * Levels: c = peak²/2 for the cutoff (peak = the larger end value), 1 for unity gain. Decisions
 * (filterType, peak, whether a crossing exists) compare the caller's binary64 end gains with the
 * tolerance of gain-tolerance.ts, as shapeMetrics does. Undefined where an end gain is not finite or
 * |p| = 1 (the caller searches instead).
 */
export function firstOrderShape(stage: FirstOrderStage, dcGain: number, nyquistGain: number): ShapeMetrics | undefined {
  const p = stage.pole;
  if (!Number.isFinite(dcGain) || !Number.isFinite(nyquistGain) || Math.abs(p) === 1 || Math.max(dcGain, nyquistGain) > 1e150) return undefined;
  const { peakGain, peakFrequency } = peakOf(dcGain, nyquistGain);
  const filterType = filterTypeOf(dcGain, nyquistGain);
  // H scaled by a power of two (exact) so that the squares neither underflow (a gain of 1e-300) nor
  // overflow; levels are scaled alike.
  const scale = powerOfTwoScale(Math.max(dcGain, nyquistGain));
  const squared = (h: DoubleDouble) => {
    const x = ddDivPowerOfTwo(h, scale);
    return ddMul(x, x);
  };
  const h0Squared = squared(stage.dc);
  const hPiSquared = squared(stage.nyquist);
  const oneMinusP = ddSub(dd(1), dd(p));
  const onePlusP = ddAdd(dd(1), dd(p));
  const crossing = (gain: number, level: DoubleDouble): number | null => {
    const atDc = compareGains(dcGain, gain);
    const atNyquist = compareGains(nyquistGain, gain);
    if (atDc * atNyquist > 0 || (atDc === 0 && atNyquist === 0)) return null;
    // An end gain equal to the level within rounding is the crossing itself (the first-order closed
    // form's cutoff at x = 1: ω = π for u = 3 − 2√2, v = 1).
    if (atNyquist === 0) return Math.PI;
    if (atDc === 0) return 0;
    const f0 = Math.abs(ddMul(ddMul(oneMinusP, oneMinusP), ddSub(h0Squared, level)).hi);
    const f1 = Math.abs(ddMul(ddMul(onePlusP, onePlusP), ddSub(hPiSquared, level)).hi);
    if (!(f0 + f1 > 0)) return null;
    return f0 <= f1 ? 2 * Math.asin(Math.sqrt(f0 / (f0 + f1))) : Math.PI - 2 * Math.asin(Math.sqrt(f1 / (f0 + f1)));
  };
  let cutoffFrequency: number | null = null;
  if (filterType === 'low-pass' || filterType === 'high-pass') {
    const peakSquared = filterType === 'low-pass' ? h0Squared : hPiSquared;
    cutoffFrequency = crossing(peakGain / Math.SQRT2, ddDivPowerOfTwo(peakSquared, 2));
  }
  const unity = crossing(1, dd(1 / (scale * scale)));
  return { peakGain, peakFrequency, cutoffFrequency, unityGainFrequency: unity !== null && unity > 0 && unity < Math.PI ? unity : null, filterType };
}

/** powerOfTwoScale of the largest |coefficient|, for shapeMetrics' scale. */
export function gainScale(coefficients: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < coefficients.length; i++) largest = Math.max(largest, Math.abs(coefficients[i]));
  return powerOfTwoScale(largest);
}

/** |H/scale|² at s = sin²(ω/2), in double-double (s given as double-double, so that 1 − s is exact). */
export type PowerOfS = (s: DoubleDouble) => DoubleDouble;

/** s = sin²(ω/2) of a binary64 ω as a double-double: rounded sin² up to π/2, 1 − cos²(ω/2) (exact) above, where s keeps the digits of π − ω. */
export function sOf(w: number): DoubleDouble {
  return w <= Math.PI / 2 ? dd(Math.sin(w / 2) ** 2) : ddSub(dd(1), dd(Math.cos(w / 2) ** 2));
}

/**
 * A crossing ω of `level` found by bisecting a binary64 |H|² (so known only to its rounding, up to ~100
 * ulp where |H|² meets the level at a shallow angle), polished by secant steps on power2 − level in
 * double-double in s = sin²(ω/2) (in c = cos²(ω/2), s = 1 − c, above π/2, where s loses its low digits):
 * from that start the secant converges in two or three steps. Undefined if the steps do not settle within
 * 10⁻⁹ of the start (a crossing where |H|² only touches the level, or a binary64 |H|² too rounded to
 * start from: the caller bisects in double-double instead).
 */
function polishInS(power2: PowerOfS, w: number, level: DoubleDouble): number | undefined {
  const nearDc = w < Math.PI / 2;
  const f = (x: number) => ddSub(power2(nearDc ? dd(x) : ddSub(dd(1), dd(x))), level).hi;
  const start = nearDc ? Math.sin(w / 2) ** 2 : Math.cos(w / 2) ** 2;
  let x0 = start;
  let x1 = start * (1 + 1e-12);
  let f0 = f(x0);
  let f1 = f(x1);
  for (let it = 0; it < 6 && f1 !== 0 && f1 !== f0; it++) {
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0);
    if (!(Math.abs(x2 - start) <= 1e-9 * start)) return undefined;
    [x0, f0] = [x1, f1];
    x1 = x2;
    if (x1 === x0) break;
    f1 = f(x1);
  }
  return nearDc ? 2 * Math.asin(Math.sqrt(x1)) : Math.PI - 2 * Math.asin(Math.sqrt(x1));
}

/**
 * The crossing of `level` between ω = lo and hi (|H|² on opposite sides there) by bisection in ω of
 * power2(sOf(ω)) − level in double-double, to adjacent doubles: for the stages whose binary64 |H|² is too
 * rounded for polishInS to start from. (In ω, not s or c: a bracket that spans [0, π] has no one variable
 * that keeps the digits of both ends, while sOf does at each point.)
 */
function bisectInS(power2: PowerOfS, lo: number, hi: number, level: DoubleDouble): number {
  const f = (w: number) => ddSub(power2(sOf(w)), level).hi;
  const fLo = f(lo);
  for (let it = 0; it < 2100; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (f(mid) * fLo > 0) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

let cachedGrid: SearchGrid | undefined;

/** Sorted union of a linear grid on [0, π] and a log grid on [1e-9, π]. */
function searchGrid(): SearchGrid {
  if (cachedGrid) return cachedGrid;
  const values: number[] = [];
  for (let i = 0; i < LINEAR_POINTS; i++) values.push((i * Math.PI) / (LINEAR_POINTS - 1));
  const a = Math.log(LOG_OMEGA_MIN);
  const b = Math.log(Math.PI);
  for (let i = 0; i < LOG_POINTS - 1; i++) values.push(Math.exp(a + ((b - a) * i) / (LOG_POINTS - 1)));
  values[LINEAR_POINTS - 1] = Math.PI;
  const omega = Float64Array.from(values).sort();
  cachedGrid = {
    omega,
    sin: omega.map(Math.sin),
    sinHalf2: omega.map((w) => Math.sin(w / 2) ** 2),
    cosHalf2: omega.map((w) => Math.cos(w / 2) ** 2),
  };
  return cachedGrid;
}

/**
 * The largest (sign = 1) or smallest (sign = −1) |H| inside (0, π), gain2's scale: the best grid point
 * refined by golden-section search between its neighbours (unless `refine` is false: the grid holds the
 * exact extremes); undefined when the best grid point is an end (the extreme is at 0 or π). With power2
 * the search compares |H|² in double-double, so it narrows ω to a few ulp (|H|² is flat at an extreme:
 * binary64 values stop telling points apart ~√ε·ω from it, 10⁻⁸ relative).
 */
function interiorExtreme(grid: Float64Array, g2: Float64Array, gain2: (w: number) => number, sign: 1 | -1, refine = true, power2?: PowerOfS): { gain: number; frequency: number } | undefined {
  let best = 0;
  for (let i = 1; i < g2.length; i++) if (sign * g2[i] > sign * g2[best]) best = i;
  if (best === 0 || best === grid.length - 1) return undefined;
  if (!refine) return { gain: Math.sqrt(g2[best]), frequency: grid[best] };
  const f = power2 ? (w: number) => (sign > 0 ? power2(sOf(w)) : ddSub(dd(0), power2(sOf(w)))) : (w: number) => dd(sign * gain2(w));
  const below = (x: DoubleDouble, y: DoubleDouble) => ddSub(x, y).hi < 0;
  let lo = grid[best - 1];
  let hi = grid[best + 1];
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < 200 && hi - lo > 4 * Number.EPSILON * Math.max(1e-300, hi); it++) {
    if (below(f1, f2)) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = f(x1);
    }
  }
  const [g, w] = below(f2, f1) ? [f1.hi, x1] : [f2.hi, x2];
  return g >= sign * g2[best] ? { gain: Math.sqrt(sign * g), frequency: w } : { gain: Math.sqrt(g2[best]), frequency: grid[best] };
}

/**
 * The first ω (from 0 upwards, or from π downwards when `fromTop`) where |H|² crosses `level`: it leaves
 * the band level·(1 ± 2·GAIN_RTOL) on one side and next leaves it on the other; the crossing is bracketed
 * by those two grid points and bisected to adjacent doubles. Null if |H|² never crosses.
 */
function firstCrossing(grid: Float64Array, g2: Float64Array, gain2: (w: number) => number, level: number, fromTop: boolean, power2?: PowerOfS, levelDd?: DoubleDouble): number | null {
  const n = grid.length;
  let last = -1;
  let lastSide = 0;
  for (let s = 0; s < n; s++) {
    const i = fromTop ? n - 1 - s : s;
    const side = compareSquaredGains(g2[i], level);
    if (side === 0) continue;
    if (lastSide !== 0 && side !== lastSide) {
      let lo = grid[Math.min(i, last)];
      let hi = grid[Math.max(i, last)];
      const loAbove = (fromTop ? side : lastSide) > 0;
      for (let it = 0; it < 200; it++) {
        const mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        if (gain2(mid) - level > 0 === loAbove) lo = mid;
        else hi = mid;
      }
      const w = lo + (hi - lo) / 2;
      if (!power2) return w;
      const at = levelDd ?? dd(level);
      return polishInS(power2, w, at) ?? bisectInS(power2, grid[Math.min(i, last)], grid[Math.max(i, last)], at);
    }
    last = i;
    lastSide = side;
  }
  return null;
}
