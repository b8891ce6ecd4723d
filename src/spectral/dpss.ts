/**
 * Number of eigenvalues below x of the symmetric tridiagonal matrix (diagonal d, off-diagonal
 * e): the negative pivots of the LDLᵀ factorisation of T − xI (Sturm count).
 */
function countBelow(d: Float64Array, e: Float64Array, x: number, tiny: number): number {
  let count = 0, q = d[0] - x;
  for (let i = 0; ; i++) {
    if (q === 0) q = -tiny; // a zero pivot: perturb it, as LAPACK's dstebz does
    if (q < 0) count++;
    if (i === d.length - 1) return count;
    q = d[i + 1] - x - (e[i] * e[i]) / q;
  }
}

/**
 * Eigenvector of the largest eigenvalue of a symmetric tridiagonal matrix: the eigenvalue by
 * bisection on Sturm counts (to the last bit), the vector from a twisted factorisation of
 * T − λI (forward and backward LDLᵀ meeting at the index r where they are most singular), which
 * gives an accurate eigenvector without iteration.
 *
 * References
 * ----------
 * B. N. Parlett and I. S. Dhillon, "Fernando's solution to Wilkinson's problem: an application of
 * double factorization", Linear Algebra Appl. 267, 1997; LAPACK dstebz (bisection).
 */
function topEigenvector(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { // Gershgorin discs hold every eigenvalue
    const r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
    lo = Math.min(lo, d[i] - r);
    hi = Math.max(hi, d[i] + r);
  }
  let maxE2 = 1;
  for (const v of e) maxE2 = Math.max(maxE2, v * v);
  const tiny = 2.2250738585072014e-308 * maxE2; // LAPACK's pivmin: smallest normal number × max e²
  for (let iteration = 0; iteration < 2000; iteration++) { // the largest: n − 1 eigenvalues below it
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (countBelow(d, e, mid, tiny) === n) hi = mid;
    else lo = mid;
  }
  const lambda = hi;
  const scale = Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi), 1);
  const safe = (q: number): number => (q === 0 ? scale : q);
  const a = d.map((v) => v - lambda);
  const dPlus = new Float64Array(n), dMinus = new Float64Array(n), L = new Float64Array(n), U = new Float64Array(n);
  dPlus[0] = safe(a[0]);
  for (let i = 0; i < n - 1; i++) {
    L[i] = e[i] / dPlus[i];
    dPlus[i + 1] = safe(a[i + 1] - L[i] * e[i]);
  }
  dMinus[n - 1] = safe(a[n - 1]);
  for (let i = n - 2; i >= 0; i--) {
    U[i] = e[i] / dMinus[i + 1];
    dMinus[i] = safe(a[i] - U[i] * e[i]);
  }
  let r = 0;
  for (let i = 1; i < n; i++) if (Math.abs(dPlus[i] + dMinus[i] - a[i]) < Math.abs(dPlus[r] + dMinus[r] - a[r])) r = i;
  const x = new Float64Array(n);
  x[r] = 1;
  for (let i = r - 1; i >= 0; i--) x[i] = -L[i] * x[i + 1];
  for (let i = r; i < n - 1; i++) x[i + 1] = -U[i] * x[i];
  return x;
}

/**
 * First discrete prolate spheroidal (Slepian) sequence of M ≥ 2 samples (symmetric), as
 * scipy.signal.windows.dpss(M, NW) with Kmax = None: the eigenvector of the largest eigenvalue
 * of the tridiagonal matrix that commutes with the time-and-band-limiting operator,
 *
 *     d_i = ((M − 1 − 2i)/2)² · cos(2πW),   e_i = (i + 1)(M − i − 1)/2,   W = NW/M,
 *
 * signed to a positive sum, scaled to a peak of 1 and, for even M, by M²/(M² + NW) (scipy's
 * 'approximate' norm, which makes the periodic window's sum match).
 *
 * References
 * ----------
 * D. Slepian, "Prolate spheroidal wave functions, Fourier analysis, and uncertainty — V",
 * Bell Syst. Tech. J. 57(5), 1978 (the tridiagonal form); scipy.signal.windows.dpss.
 */
export function dpss(M: number, NW: number): Float64Array {
  const W = NW / M;
  const d = Float64Array.from({ length: M }, (_, i) => ((M - 1 - 2 * i) / 2.0) ** 2 * Math.cos(2 * Math.PI * W));
  const e = Float64Array.from({ length: M - 1 }, (_, k) => ((k + 1) * (M - (k + 1))) / 2.0);
  const w = topEigenvector(d, e);
  let sum = 0, peak = 0;
  for (const v of w) sum += v;
  const sign = sum < 0 ? -1 : 1;
  for (const v of w) peak = Math.max(peak, sign * v);
  const correction = M % 2 === 0 ? M ** 2 / (M ** 2 + NW) : 1;
  return w.map((v) => ((sign * v) / peak) * correction);
}
