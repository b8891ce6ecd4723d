/** The result of a bracketed root search. */
export interface RootResult {
  /** Best estimate of the root. */
  x: number;
  /** f(x). */
  fx: number;
  /** The final bracket [lo, hi] (f changes sign across it, or f(x) = 0). */
  bracket: [number, number];
  /** Bound on |x − root|: the width of the final bracket (x is one of its ends), 0 when f(x) = 0. */
  tolerance: number;
  evaluations: number;
}

/**
 * Brent's method (zeroin): inverse quadratic interpolation and secant steps, safeguarded by
 * bisection, on a bracket [a, b] with f(a)·f(b) ≤ 0. Converges superlinearly on smooth functions and
 * never slower than bisection. Stops when the bracket is narrower than 2·(xtol/2 + 2·eps·|x|).
 *
 * Parameters: f the function; a, b the bracket ends and fa, fb their values (already computed);
 * xtol an absolute tolerance on x (default 0: full double precision), maxIter a safety cap.
 * Reference: R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4
 * (the zero procedure); scipy.optimize.brentq follows the same algorithm.
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, options: { xtol?: number; maxIter?: number } = {}): RootResult {
  const xtol = options.xtol ?? 0;
  const maxIter = options.maxIter ?? 200;
  if (!(fa * fb <= 0)) throw new RangeError(`brentRoot: f(a) and f(b) must differ in sign (f(${a}) = ${fa}, f(${b}) = ${fb})`);
  let evaluations = 0;
  if (fa === 0) return { x: a, fx: 0, bracket: [a, a], tolerance: 0, evaluations };
  if (fb === 0) return { x: b, fx: 0, bracket: [b, b], tolerance: 0, evaluations };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  let tol = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) break;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    evaluations++;
  }
  const lo = Math.min(b, c);
  const hi = Math.max(b, c);
  return { x: b, fx: fb, bracket: [lo, hi], tolerance: fb === 0 ? 0 : hi - lo, evaluations };
}
