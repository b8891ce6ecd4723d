/**
 * The symmetric windows of scipy.signal.windows, for M ≥ 2 samples, computed as scipy computes
 * them (same formulas, same order of operations, so results agree to a few ulps). getWindow
 * (windows.ts) turns them periodic. Source: scipy/signal/windows/_windows.py (scipy 1.17).
 */

/** numpy.linspace(start, stop, M): i·step + start, the last point exactly stop. */
function linspace(start: number, stop: number, M: number): Float64Array {
  const step = (stop - start) / (M - 1);
  return Float64Array.from({ length: M }, (_, i) => (i === M - 1 ? stop : i * step + start));
}

/** scipy.signal.windows.general_cosine: w = Σ_k a_k cos(k·φ), φ = linspace(−π, π, M). */
export function generalCosine(M: number, a: readonly number[]): Float64Array {
  const fac = linspace(-Math.PI, Math.PI, M);
  const w = new Float64Array(M);
  for (let k = 0; k < a.length; k++) for (let i = 0; i < M; i++) w[i] += a[k] * Math.cos(k * fac[i]);
  return w;
}

/** Coefficients of the cosine-sum windows (scipy's values, Harris 1978; Nuttall 1981 for nuttall). */
export const COSINE_SUMS = {
  blackman: [0.42, 0.5, 0.08],
  nuttall: [0.3635819, 0.4891775, 0.1365995, 0.0106411],
  blackmanharris: [0.35875, 0.48829, 0.14128, 0.01168],
  flattop: [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368],
} as const;

export function triang(M: number): Float64Array {
  const half = Math.floor((M + 1) / 2);
  const w = new Float64Array(M);
  for (let j = 0; j < half; j++) {
    const n = j + 1;
    w[j] = M % 2 === 0 ? (2 * n - 1.0) / M : (2 * n) / (M + 1.0);
    w[M - 1 - j] = w[j];
  }
  return w;
}

export function bartlett(M: number): Float64Array {
  return Float64Array.from({ length: M }, (_, n) => (n <= (M - 1) / 2.0 ? (2.0 * n) / (M - 1) : 2.0 - (2.0 * n) / (M - 1)));
}

export function parzen(M: number): Float64Array {
  return Float64Array.from({ length: M }, (_, i) => {
    const a = Math.abs(-(M - 1) / 2.0 + i);
    const r = a / (M / 2.0);
    return a <= (M - 1) / 4.0 ? 1 - 6 * r * r + 6 * r ** 3 : 2 * (1 - r) ** 3;
  });
}

export function bohman(M: number): Float64Array {
  const fac = linspace(-1, 1, M).map(Math.abs);
  const w = new Float64Array(M);
  for (let i = 1; i < M - 1; i++) w[i] = (1 - fac[i]) * Math.cos(Math.PI * fac[i]) + (1.0 / Math.PI) * Math.sin(Math.PI * fac[i]);
  return w;
}

export function barthann(M: number): Float64Array {
  return Float64Array.from({ length: M }, (_, n) => {
    const fac = Math.abs(n / (M - 1.0) - 0.5);
    return 0.62 - 0.48 * fac + 0.38 * Math.cos(2 * Math.PI * fac);
  });
}

export function cosine(M: number): Float64Array {
  return Float64Array.from({ length: M }, (_, n) => Math.sin((Math.PI / M) * (n + 0.5)));
}

/** numpy.sinc: sin(πx)/(πx), with x = 0 replaced by 1e-20 as numpy does. */
const sinc = (x: number): number => {
  const y = Math.PI * (x === 0 ? 1.0e-20 : x);
  return Math.sin(y) / y;
};

export function lanczos(M: number): Float64Array {
  const w = new Float64Array(M);
  const start = M % 2 === 0 ? M / 2 : (M + 1) / 2;
  for (let n = start; n < M; n++) w[n] = sinc((2.0 * n) / (M - 1) - 1.0);
  for (let n = 0; n < M - start; n++) w[n] = w[M - 1 - n];
  if (M % 2 === 1) w[start - 1] = 1;
  return w;
}

export function exponential(M: number, center: number | null, tau: number): Float64Array {
  const c = center ?? (M - 1) / 2;
  return Float64Array.from({ length: M }, (_, n) => Math.exp(-Math.abs(n - c) / tau));
}

export function tukey(M: number, alpha: number): Float64Array {
  if (alpha <= 0) return new Float64Array(M).fill(1);
  if (alpha >= 1.0) return generalCosine(M, [0.5, 1 - 0.5]);
  const width = Math.floor((alpha * (M - 1)) / 2.0);
  return Float64Array.from({ length: M }, (_, n) => {
    if (n <= width) return 0.5 * (1 + Math.cos(Math.PI * (-1 + (2.0 * n) / alpha / (M - 1))));
    if (n < M - width - 1) return 1;
    return 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + (2.0 * n) / alpha / (M - 1))));
  });
}

export function gaussian(M: number, std: number): Float64Array {
  const sig2 = 2 * std * std;
  return Float64Array.from({ length: M }, (_, i) => {
    const n = i - (M - 1.0) / 2.0;
    return Math.exp(-(n * n) / sig2);
  });
}

export function generalGaussian(M: number, p: number, sig: number): Float64Array {
  return Float64Array.from({ length: M }, (_, i) => Math.exp(-0.5 * Math.abs((i - (M - 1.0) / 2.0) / sig) ** (2 * p)));
}

/**
 * Modified Bessel function of the first kind, order 0: I0(x) = Σ_k ((x/2)^k / k!)².
 * Every term is positive, so the sum is accurate to a few ulps per term added; it converges
 * for all x, and the terms stay finite for |x| ≤ 700 (callers keep beta there).
 * Reference: Abramowitz and Stegun, 9.6.12.
 */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1, sum = 1;
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

export function kaiser(M: number, beta: number): Float64Array {
  const alpha = (M - 1) / 2.0;
  const denominator = besselI0(beta);
  return Float64Array.from({ length: M }, (_, n) => {
    const r = (n - alpha) / alpha;
    return besselI0(beta * Math.sqrt(1 - r * r)) / denominator;
  });
}

/** Kaiser-Bessel derived window (symmetric only, M even): √(cumsum(kaiser(M/2 + 1))/total), mirrored. */
export function kaiserBesselDerived(M: number, beta: number): Float64Array {
  const k = kaiser(M / 2 + 1, beta);
  const w = new Float64Array(M);
  let total = 0;
  for (const v of k) total += v;
  let sum = 0;
  for (let i = 0; i < M / 2; i++) {
    sum += k[i];
    w[i] = Math.sqrt(sum / total);
    w[M - 1 - i] = w[i];
  }
  return w;
}

/** Taylor window (scipy.signal.windows.taylor; Carrara, Goodman and Majewski 1995, eq. 4.1–4.3). */
export function taylor(M: number, nbar: number, sll: number, norm: boolean): Float64Array {
  const B = 10 ** (sll / 20);
  const A = Math.acosh(B) / Math.PI;
  const s2 = nbar ** 2 / (A ** 2 + (nbar - 0.5) ** 2);
  const ma = Float64Array.from({ length: nbar - 1 }, (_, i) => i + 1);
  const m2 = ma.map((m) => m * m);
  const Fm = ma.map((_, mi) => {
    let numer = mi % 2 === 0 ? 1 : -1;
    for (let j = 0; j < ma.length; j++) numer *= 1 - m2[mi] / s2 / (A ** 2 + (ma[j] - 0.5) ** 2);
    let below = 1, above = 1;
    for (let j = 0; j < mi; j++) below *= 1 - m2[mi] / m2[j];
    for (let j = mi + 1; j < ma.length; j++) above *= 1 - m2[mi] / m2[j];
    return numer / (2 * below * above);
  });
  const W = (n: number): number => {
    let s = 0;
    for (let j = 0; j < ma.length; j++) s += Fm[j] * Math.cos((2 * Math.PI * ma[j] * (n - M / 2.0 + 0.5)) / M);
    return 1 + 2 * s;
  };
  const w = Float64Array.from({ length: M }, (_, n) => W(n));
  if (norm) {
    const scale = 1.0 / W((M - 1) / 2);
    for (let i = 0; i < M; i++) w[i] *= scale;
  }
  return w;
}
