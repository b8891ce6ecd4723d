/**
 * Whether every root of a(z) = a_0 + a_1 z⁻¹ + … + a_N z⁻ᴺ (a_0 ≠ 0) lies strictly inside the unit circle,
 * by the Schur–Cohn step-down recursion: the reflection coefficient k_m = a_m/a_0 of each order must
 * satisfy |k_m| < 1, then a_i ← (a_i − k_m·a_{m−i})/(1 − k_m²). Exact up to rounding, no root finding.
 * Reference: Jury, "Theory and Application of the z-Transform Method" (1964); Proakis & Manolakis §7.
 */
export function isStablePolynomial(a: ArrayLike<number>): boolean {
  let p = Array.from(a);
  while (p.length > 1 && p[p.length - 1] === 0) p.pop();
  const a0 = p[0];
  p = p.map((x) => x / a0);
  for (let m = p.length - 1; m >= 1; m--) {
    const k = p[m];
    if (!(Math.abs(k) < 1)) return false;
    const next = new Array<number>(m);
    for (let i = 0; i < m; i++) next[i] = (p[i] - k * p[m - i]) / (1 - k * k);
    p = next;
  }
  return true;
}

/**
 * The largest |root| of z^N·a(z) = a_0 z^N + a_1 z^{N−1} + … + a_N (the poles of 1/a(z⁻¹)), from
 * polynomialRoots. 0 for a constant.
 */
export function largestRootModulus(a: ArrayLike<number>): number {
  const { re, im } = polynomialRoots(a);
  let largest = 0;
  for (let i = 0; i < re.length; i++) largest = Math.max(largest, Math.hypot(re[i], im[i]));
  return largest;
}

/**
 * Every root of p_0 z^N + p_1 z^{N−1} + … + p_N, as parallel arrays of real and imaginary parts (N roots;
 * trailing zero coefficients are roots at 0, leading zeros lower the degree). Aberth–Ehrlich iteration
 * (cubic for simple roots) from points on the circle of the roots' geometric-mean modulus; the Newton
 * ratio p/p′ is evaluated in 1/z outside the unit circle, so large roots do not overflow. A multiple root
 * comes out of the iteration as a cluster ~ε^{1/m} wide: each cluster of m roots (chained by gaps of at
 * most CLUSTER_RADIUS) is replaced by m copies of the simple root of p^{(m−1)} found by Newton's method
 * from the cluster's mean, when p there is as small as at the cluster's members, to rounding (so the m
 * roots really were one m-fold root).
 * Reference: Bini, "Numerical computation of polynomial zeros by means of Aberth's method",
 * Numerical Algorithms 13 (1996).
 */
export function polynomialRoots(p: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  let first = 0;
  while (first < p.length && p[first] === 0) first++;
  let last = p.length - 1;
  while (last > first && p[last] === 0) last--;
  const N = Math.max(0, last - first);
  const atZero = Math.max(0, p.length - 1 - last);
  const re = new Float64Array(N + (first < p.length ? atZero : 0));
  const im = new Float64Array(re.length);
  if (N === 0) return { re, im };
  const c = Float64Array.from({ length: N + 1 }, (_, k) => p[first + k] / p[first]);
  const radius = Math.pow(Math.abs(c[N]), 1 / N);
  for (let i = 0; i < N; i++) {
    const angle = (2 * Math.PI * i) / N + 0.4;
    re[i] = radius * Math.cos(angle);
    im[i] = radius * Math.sin(angle);
  }
  const converged = new Uint8Array(N);
  for (let iter = 0; iter < 500; iter++) {
    let active = 0;
    for (let i = 0; i < N; i++) {
      if (converged[i]) continue;
      const [nr, ni] = newtonRatio(c, re[i], im[i]);
      if (nr === 0 && ni === 0) {
        converged[i] = 1;
        continue;
      }
      // Aberth's correction w = r / (1 − r·Σ_{j≠i} 1/(z_i − z_j)), r = p/p′
      let sr = 0;
      let si = 0;
      for (let j = 0; j < N; j++) {
        if (j === i) continue;
        const dr = re[i] - re[j];
        const di = im[i] - im[j];
        const d = dr * dr + di * di;
        if (d === 0) continue;
        sr += dr / d;
        si -= di / d;
      }
      const er = 1 - (nr * sr - ni * si);
      const ei = -(nr * si + ni * sr);
      const e = er * er + ei * ei;
      const wr = e === 0 ? nr : (nr * er + ni * ei) / e;
      const wi = e === 0 ? ni : (ni * er - nr * ei) / e;
      re[i] -= wr;
      im[i] -= wi;
      if (Math.hypot(wr, wi) <= 2 * Number.EPSILON * Math.hypot(re[i], im[i])) converged[i] = 1;
      else active++;
    }
    if (active === 0) break;
  }
  polishClusters(c, re, im, N);
  return { re, im };
}

/** Roots closer than this are tried as one multiple root (an 8-fold root comes back ~1e-2 wide). */
const CLUSTER_RADIUS = 0.05;

/** The cluster step of polynomialRoots, on the first N entries of (re, im), in place. */
function polishClusters(c: Float64Array, re: Float64Array, im: Float64Array, N: number): void {
  // single-linkage clusters: roots chained by gaps of at most CLUSTER_RADIUS
  const cluster = Int32Array.from({ length: N }, (_, i) => i);
  const find = (i: number): number => (cluster[i] === i ? i : (cluster[i] = find(cluster[i])));
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      if (Math.hypot(re[j] - re[i], im[j] - im[i]) <= CLUSTER_RADIUS * Math.max(1, Math.hypot(re[i], im[i]))) cluster[find(j)] = find(i);
    }
  }
  for (let i = 0; i < N; i++) {
    if (find(i) !== i) continue;
    const members: number[] = [];
    for (let j = 0; j < N; j++) if (find(j) === i) members.push(j);
    if (members.length === 1) continue;
    let zr = members.reduce((s, j) => s + re[j], 0) / members.length;
    let zi = members.reduce((s, j) => s + im[j], 0) / members.length;
    // Newton on p^{(m−1)}, which has a simple root where p has an m-fold one
    let d = c;
    for (let m = 1; m < members.length; m++) d = derivative(d);
    for (let it = 0; it < 50; it++) {
      const [nr, ni] = newtonRatio(d, zr, zi);
      zr -= nr;
      zi -= ni;
      if (Math.hypot(nr, ni) <= 2 * Number.EPSILON * Math.hypot(zr, zi)) break;
    }
    const worst = Math.max(...members.map((j) => Math.hypot(...valueAt(c, re[j], im[j]))));
    if (!(Math.hypot(...valueAt(c, zr, zi)) <= Math.max(16 * worst, roundingBound(c, Math.hypot(zr, zi))))) continue;
    for (const j of members) {
      re[j] = zr;
      im[j] = zi;
    }
  }
}

/** The derivative of Σ c_k z^{N−k}, scaled to a leading coefficient of 1. */
function derivative(c: Float64Array): Float64Array {
  const N = c.length - 1;
  return Float64Array.from({ length: N }, (_, k) => (c[k] * (N - k)) / (c[0] * N));
}

/**
 * Whether z = zr + j·zi is a root of Σ c_k z^{N−k} to rounding accuracy: |p(z)| within a small multiple of
 * the rounding bound of its evaluation.
 */
export function isRoot(c: ArrayLike<number>, zr: number, zi: number): boolean {
  const coefficients = Float64Array.from(c);
  return Math.hypot(...valueAt(coefficients, zr, zi)) <= 16 * roundingBound(coefficients, Math.hypot(zr, zi));
}

/** A bound on the rounding error of Horner's rule for Σ c_k z^{N−k} at |z| = r (Higham, ASNA §5.1). */
function roundingBound(c: Float64Array, r: number): number {
  let sum = 0;
  for (let k = 0; k < c.length; k++) sum = sum * r + Math.abs(c[k]);
  return 4 * c.length * Number.EPSILON * sum;
}

/** Σ c_k z^{N−k} at z = zr + j·zi, by Horner's rule. */
function valueAt(c: Float64Array, zr: number, zi: number): [number, number] {
  let vr = 0;
  let vi = 0;
  for (let k = 0; k < c.length; k++) [vr, vi] = [vr * zr - vi * zi + c[k], vr * zi + vi * zr];
  return [vr, vi];
}

/** p(z)/p′(z) for the monic polynomial c (c_0 = 1, degree N), by Horner's rule in z (|z| ≤ 1) or in y = 1/z. */
function newtonRatio(c: Float64Array, zr: number, zi: number): [number, number] {
  const N = c.length - 1;
  const inside = zr * zr + zi * zi <= 1;
  // inside: p(z) and p′(z). Outside: r(y) = Σ c_k y^k and r′(y), and p/p′ = z/(N − y·r′/r).
  const m = zr * zr + zi * zi;
  const [xr, xi] = inside ? [zr, zi] : [zr / m, -zi / m];
  let vr = 0;
  let vi = 0;
  let dr = 0;
  let di = 0;
  for (let k = 0; k <= N; k++) {
    const coef = inside ? c[k] : c[N - k];
    [dr, di] = [dr * xr - di * xi + vr, dr * xi + di * xr + vi];
    [vr, vi] = [vr * xr - vi * xi + coef, vr * xi + vi * xr];
  }
  if (inside) return complexDivide(vr, vi, dr, di);
  if (vr === 0 && vi === 0) return [0, 0];
  // q = y·r′/r, then p/p′ = z/(N − q)
  const [tr, ti] = complexDivide(dr, di, vr, vi);
  const qr = xr * tr - xi * ti;
  const qi = xr * ti + xi * tr;
  return complexDivide(zr, zi, N - qr, -qi);
}

/** (a + jb)/(c + jd), scaled so that neither |c + jd|² nor the products overflow or underflow (Smith's method). */
function complexDivide(a: number, b: number, c: number, d: number): [number, number] {
  if (Math.abs(c) >= Math.abs(d)) {
    if (c === 0) return [a / c, b / c];
    const r = d / c;
    const t = c + d * r;
    return [(a + b * r) / t, (b - a * r) / t];
  }
  const r = c / d;
  const t = c * r + d;
  return [(a * r + b) / t, (b * r - a) / t];
}
