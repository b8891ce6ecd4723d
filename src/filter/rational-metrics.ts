import { dd, ddAdd, ddDiv, ddMul, ddSub, type DoubleDouble } from '../math/double-double.js';
import type { RationalTable, StageMetrics } from '../types.js';
import { amplifiesOf, gainDb } from './gain-tolerance.js';
import { timeConstant } from './metrics.js';
import { largestRootModulus } from './polynomial-roots.js';
import { polynomialAt } from './rational-response.js';
import { criticalFrequencies, rationalPowerOfS, rationalPowerPolynomials } from './power-polynomial.js';
import { firstOrderShape, gainScale, shapeMetrics, sOf, type FirstOrderStage } from './shape-metrics.js';
import { cachedUnitCircleSplit, zerosGroupDelay } from './unit-circle-zeros.js';

/** Impulse-response samples summed at most for the noise gain (the tail beyond is bounded and tiny). */
const MAX_IMPULSE_SAMPLES = 10_000_000;

/**
 * Metrics of stage k of a rational schedule H(z) = B(z⁻¹)/A(z⁻¹), with the names of stageMetrics:
 * dcGain |B(1)/A(1)|, nyquistGain |B(−1)/A(−1)|; peak, cutoff and unity-gain frequencies numerically
 * (shapeMetrics, on b divided by the power of two nearest its largest |b_k|, gainScale, so that no
 * square under- or overflows);
 * groupDelayDc −Im(H′(0)/H(0)) = Σ k b_k/B(1) − Σ k a_k/A(1), or where B has zeros on the unit circle
 * its continuous value from them (splitUnitCircleZeros: a zero at DC gives the limit, not 0/0);
 * timeConstant −1/ln ρ with ρ the largest pole modulus (polynomialRoots of A); noiseGain Σ h_n²,
 * summing the impulse response of the difference equation until its terms fall below 1e-17 of the sum
 * for a whole time constant (or 10⁷ samples).
 */
export function rationalMetrics(table: RationalTable, k: number): StageMetrics {
  const b = table.b.subarray(k * table.nb, (k + 1) * table.nb);
  const a = table.a.subarray(k * table.na, (k + 1) * table.na);
  // B(±1), A(±1) and the moments Σ k·p_k summed in double-double: with poles clustered next to DC,
  // A(1) = Σ a_k is ~10⁻⁹ of its terms (a 6th-order Butterworth at 0.01π), and a binary64 sum keeps none
  // of its digits.
  // Coefficients beyond 1e150 (a gain that overflows, refused by the caller) keep binary64: double-double
  // products overflow there.
  const huge = b.some((x) => !(Math.abs(x) <= 1e150)) || a.some((x) => !(Math.abs(x) <= 1e150));
  const sum = (p: Float64Array, sign: number) => p.reduce((s, x, i) => (huge ? dd(s.hi + (i % 2 === 1 ? sign * x : x)) : ddAdd(s, dd(i % 2 === 1 ? sign * x : x))), dd(0));
  const moment = (p: Float64Array) => p.reduce((s, x, i) => (huge ? dd(s.hi + i * x) : ddAdd(s, ddMul(dd(i), dd(x)))), dd(0));
  const ratio = (x: DoubleDouble, y: DoubleDouble) => (huge || y.hi === 0 ? x.hi / y.hi : ddDiv(x, y).hi);
  const dc = ratio(sum(b, 1), sum(a, 1));
  const nyq = ratio(sum(b, -1), sum(a, -1));
  const scale = gainScale(b);
  const scaled = b.map((x) => x / scale);
  const dcGain = Math.abs(dc);
  const rho = largestRootModulus(a);
  const nyquistGain = Math.abs(nyq);
  // nb, na ≤ 2: (b0 + b1·z⁻¹)/(1 + a1·z⁻¹), pole −a1, shape in closed form.
  const firstOrder = table.nb <= 2 && table.na <= 2 ? firstOrderShape(firstOrderStage(b, a), dcGain, nyquistGain) : undefined;
  const exact = !firstOrder && Number.isFinite(dcGain) && Number.isFinite(nyquistGain) && rho < 1;
  const power2 = exact ? rationalPowerOfS(scaled, a) : undefined;
  const sumAbs = (p: Float64Array) => p.reduce((t, x) => t + Math.abs(x), 0);
  const [bNorm, aNorm] = [sumAbs(scaled), sumAbs(a)];
  const gain2 = (w: number) => {
    const [br, bi] = polynomialAt(scaled, 0, scaled.length, w);
    const [ar, ai] = polynomialAt(a, 0, a.length, w);
    const [b2, a2] = [br * br + bi * bi, ar * ar + ai * ai];
    // Horner in binary64 keeps ~16 digits of Σ|p_k|, so fewer of |B| or |A| where they cancel (a pole
    // cluster next to DC leaves |A(1)| ~ 10⁻⁹ of Σ|a_k|): there |B/A|² is taken in double-double.
    if (power2 && (a2 < 1e-4 * aNorm * aNorm || b2 < 1e-4 * bNorm * bNorm)) return power2(sOf(w)).hi;
    return b2 / a2;
  };
  const power = exact ? rationalPowerPolynomials(scaled, a) : undefined;
  const shape = firstOrder ?? shapeMetrics({ gain2, dcGain, nyquistGain, scale, critical: power && criticalFrequencies(power), power2 });
  // H′(0)/H(0) = B′(0)/B(0) − A′(0)/A(0), B′(0) = −j·Σ k b_k: τ(0) = Σ k b_k/B(1) − Σ k a_k/A(1).
  const split = cachedUnitCircleSplit(b);
  return {
    dcGain,
    dcGainDb: gainDb(dcGain),
    nyquistGain,
    nyquistGainDb: gainDb(nyquistGain),
    ...shape,
    noiseGain: scale * (scale * impulseEnergy(scaled, a, rho)),
    groupDelayDc: (split ? zerosGroupDelay(split, 0) : ratio(moment(scaled), sum(scaled, 1))) - ratio(moment(a), sum(a, 1)),
    timeConstant: timeConstant(rho),
    amplifies: amplifiesOf(shape.peakGain),
  };
}

/** (b0 + b1·z⁻¹)/(1 + a1·z⁻¹) (a0 = 1; missing coefficients 0): pole −a1, H(0) and H(π) in double-double. */
function firstOrderStage(b: Float64Array, a: Float64Array): FirstOrderStage {
  const [b0, b1 = 0] = b;
  const a1 = a.length > 1 ? a[1] : 0;
  return { pole: -a1, dc: ddDiv(ddAdd(dd(b0), dd(b1)), ddAdd(dd(1), dd(a1))), nyquist: ddDiv(ddSub(dd(b0), dd(b1)), ddSub(dd(1), dd(a1))) };
}

function impulseEnergy(b: Float64Array, a: Float64Array, rho: number): number {
  if (!(rho < 1)) return Infinity;
  const y = new Float64Array(a.length);
  const window = Math.max(b.length + a.length, Math.ceil(-1 / Math.log(Math.max(rho, 1e-300))));
  let energy = 0;
  let quiet = 0;
  for (let t = 0; t < MAX_IMPULSE_SAMPLES; t++) {
    let v = t < b.length ? b[t] : 0;
    for (let m = 1; m < a.length; m++) v -= a[m] * y[(t - m + a.length * 2) % a.length];
    y[t % a.length] = v;
    energy += v * v;
    quiet = v * v <= 1e-17 * energy ? quiet + 1 : 0;
    if (t >= b.length && quiet > window) break;
  }
  return energy;
}
