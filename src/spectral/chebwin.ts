import { fft } from '../math/fft.js';

/**
 * Dolph-Chebyshev window of M ≥ 2 samples (symmetric) with sidelobes `at` dB below the main
 * lobe, as scipy.signal.windows.chebwin computes it: the Chebyshev polynomial T_{M−1}(β·cos(πk/M))
 * sampled on the unit circle, transformed with one DFT, normalised to a peak of 1.
 *
 *     β = cosh(acosh(10^{|at|/20}) / (M − 1))
 *
 * Notes
 * -----
 * Below about 45 dB the window's equivalent noise bandwidth stops growing with the attenuation,
 * so scipy warns that it is not suited to spectral analysis; windowWarnings says the same.
 *
 * References
 * ----------
 * C. L. Dolph, "A current distribution for broadside arrays which optimizes the relationship
 * between beam width and side-lobe level", Proc. IRE 34(6), 1946; scipy.signal.windows.chebwin.
 */
export function chebwin(M: number, at: number): Float64Array {
  const order = M - 1.0;
  const beta = Math.cosh((1.0 / order) * Math.acosh(10 ** (Math.abs(at) / 20.0)));
  const p = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    const x = beta * Math.cos((Math.PI * k) / M);
    if (x > 1) p[k] = Math.cosh(order * Math.acosh(x));
    else if (x < -1) p[k] = (2 * (M % 2) - 1) * Math.cosh(order * Math.acosh(-x));
    else p[k] = Math.cos(order * Math.acos(x));
  }
  let w: Float64Array;
  if (M % 2 === 1) {
    const re = fft(p).re;
    const n = (M + 1) / 2;
    w = new Float64Array(M);
    for (let i = 0; i < n; i++) w[n - 1 + i] = re[i];
    for (let i = 1; i < n; i++) w[n - 1 - i] = re[i];
  } else {
    // Half-sample shift: p·e^{jπk/M}.
    const re = new Float64Array(M), im = new Float64Array(M);
    for (let k = 0; k < M; k++) {
      re[k] = p[k] * Math.cos((Math.PI / M) * k);
      im[k] = p[k] * Math.sin((Math.PI / M) * k);
    }
    const spectrum = fft(re, im).re;
    const n = M / 2 + 1;
    w = new Float64Array(M);
    for (let i = 1; i < n; i++) {
      w[n - 1 - i] = spectrum[i];
      w[n - 2 + i] = spectrum[i];
    }
  }
  let max = -Infinity;
  for (const v of w) max = Math.max(max, v);
  return w.map((v) => v / max);
}
