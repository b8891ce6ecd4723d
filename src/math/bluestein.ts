import FFT from 'fft.js';

/** A complex DFT of one fixed size; inputs and outputs are split re/im Float64Arrays. */
export interface FftPlan {
  readonly n: number;
  /**
   * X[k] = Σ_{t<n} x[t]·e^{−2πjkt/n}, written to outRe/outIm (length ≥ n).
   * Reads re[0…n−1], im[0…n−1]; outputs may not alias the inputs.
   */
  transform(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array): void;
}

/**
 * Bluestein's chirp-z DFT of any size n through power-of-two FFTs of size M ≥ 2n − 1.
 *
 * Notes
 * -----
 * With w_k = e^{−jπk²/n}, kt = (k² + t² − (k−t)²)/2 turns the DFT into a convolution:
 * X[k] = w_k · Σ_t (x[t]·w_t) · conj(w_{k−t}), done as a circular convolution of length M.
 * k² is reduced mod 2n in exact integer arithmetic before the angle is formed, so the chirp
 * stays accurate to ~1 ulp for large k (k² < 2⁵³ for n < 9·10⁷).
 *
 * References
 * ----------
 * L. Bluestein, "A linear filtering approach to the computation of the discrete Fourier
 * transform", IEEE Trans. Audio Electroacoust. 18(4), 1970; Rabiner, Schafer & Rader,
 * "The chirp z-transform algorithm", 1969.
 */
export function bluesteinPlan(n: number): FftPlan {
  let m = 2;
  while (m < 2 * n - 1) m *= 2;
  const fft = new FFT(m);
  const wRe = new Float64Array(n);
  const wIm = new Float64Array(n);
  const twoN = 2 * n;
  for (let k = 0; k < n; k++) {
    const angle = (Math.PI * ((k * k) % twoN)) / n;
    wRe[k] = Math.cos(angle);
    wIm[k] = -Math.sin(angle);
  }
  // Kernel b = conj(w) at lags 0…n−1 and −(n−1)…−1 (wrapped), transformed once.
  const b = new Float64Array(2 * m);
  for (let k = 0; k < n; k++) {
    b[2 * k] = wRe[k];
    b[2 * k + 1] = -wIm[k];
    if (k > 0) {
      b[2 * (m - k)] = wRe[k];
      b[2 * (m - k) + 1] = -wIm[k];
    }
  }
  // 1/m of the inverse transform is folded into the kernel.
  const kernel = new Float64Array(2 * m);
  fft.transform(kernel, b);
  for (let i = 0; i < 2 * m; i++) kernel[i] /= m;
  const work = new Float64Array(2 * m);
  const spectrum = new Float64Array(2 * m);

  function transform(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array): void {
    work.fill(0, 2 * n);
    for (let t = 0; t < n; t++) {
      const a = re[t], c = im[t], wr = wRe[t], wi = wIm[t];
      work[2 * t] = a * wr - c * wi;
      work[2 * t + 1] = a * wi + c * wr;
    }
    fft.transform(spectrum, work);
    // Inverse DFT as conj(DFT(conj(·))): store the conjugated product, conjugate again below.
    for (let i = 0; i < 2 * m; i += 2) {
      const a = spectrum[i], c = spectrum[i + 1], kr = kernel[i], ki = kernel[i + 1];
      spectrum[i] = a * kr - c * ki;
      spectrum[i + 1] = -(a * ki + c * kr);
    }
    fft.transform(work, spectrum);
    for (let k = 0; k < n; k++) {
      const a = work[2 * k], c = -work[2 * k + 1], wr = wRe[k], wi = wIm[k];
      outRe[k] = a * wr - c * wi;
      outIm[k] = a * wi + c * wr;
    }
  }
  return { n, transform };
}
