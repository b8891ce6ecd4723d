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
 * The largest |root| of z^N·a(z) = a_0 z^N + a_1 z^{N−1} + … + a_N (the poles of 1/a(z⁻¹)), by the
 * Durand–Kerner (Weierstrass) iteration from the usual spiral of starting points. 0 for a constant.
 */
export function largestRootModulus(a: ArrayLike<number>): number {
  const p = Array.from(a);
  while (p.length > 1 && p[p.length - 1] === 0) p.pop();
  const N = p.length - 1;
  if (N === 0) return 0;
  const c = p.map((x) => x / p[0]);
  const rr = new Float64Array(N);
  const ri = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = Math.pow(0.9, i);
    rr[i] = r * Math.cos(0.4 + (2 * Math.PI * i) / N);
    ri[i] = r * Math.sin(0.4 + (2 * Math.PI * i) / N);
  }
  for (let iter = 0; iter < 2000; iter++) {
    let moved = 0;
    for (let i = 0; i < N; i++) {
      // value of the monic polynomial at root i
      let vr = 1;
      let vi = 0;
      for (let k = 1; k <= N; k++) [vr, vi] = [vr * rr[i] - vi * ri[i] + c[k], vr * ri[i] + vi * rr[i]];
      let dr = 1;
      let di = 0;
      for (let j = 0; j < N; j++) {
        if (j === i) continue;
        const xr = rr[i] - rr[j];
        const xi = ri[i] - ri[j];
        [dr, di] = [dr * xr - di * xi, dr * xi + di * xr];
      }
      const d = dr * dr + di * di;
      const qr = (vr * dr + vi * di) / d;
      const qi = (vi * dr - vr * di) / d;
      rr[i] -= qr;
      ri[i] -= qi;
      moved = Math.max(moved, Math.hypot(qr, qi));
    }
    if (moved <= 1e-15) break;
  }
  let largest = 0;
  for (let i = 0; i < N; i++) largest = Math.max(largest, Math.hypot(rr[i], ri[i]));
  return largest;
}
