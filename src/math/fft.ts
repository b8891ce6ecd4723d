import { fftPlan, rfftPlan } from './fft-plan.js';

/** A complex array as two Float64Arrays of equal length: value k is re[k] + j·im[k]. */
export interface ComplexArray {
  re: Float64Array;
  im: Float64Array;
}

/** x truncated or zero-padded to n samples (numpy's `n` argument); x itself when it fits. */
function fitLength(x: Float64Array, n: number): Float64Array {
  if (x.length === n) return x;
  const out = new Float64Array(n);
  out.set(x.length > n ? x.subarray(0, n) : x);
  return out;
}

function checkSize(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`FFT size must be a positive integer (got ${n})`);
}

/**
 * Discrete Fourier transform of a complex sequence, as numpy.fft.fft.
 *
 *     X[k] = Σ_{t=0}^{n−1} x[t] · e^{−2πj·k·t/n},   k = 0 … n−1
 *
 * Parameters
 * ----------
 * re, im : real and imaginary parts of x (same length; `im` omitted means a real input).
 * n : transform size (default re.length); x is truncated or zero-padded to n, as in numpy.
 *
 * Notes
 * -----
 * Any n ≥ 1: powers of two use fft.js (radix 4); other sizes use Bluestein's chirp-z
 * algorithm, so the result is the DFT of exactly that size (scipy/numpy semantics), with
 * rounding errors of order ε·log₂(n)·‖x‖. Plans are cached per size. Unnormalized forward
 * transform ("backward" norm in numpy).
 *
 * References
 * ----------
 * numpy.fft.fft; fft.js (Fedor Indutny); bluestein.ts.
 */
export function fft(re: Float64Array, im?: Float64Array, n: number = re.length): ComplexArray {
  checkSize(n);
  const xr = fitLength(re, n);
  const xi = im === undefined ? new Float64Array(n) : fitLength(im, n);
  const out = { re: new Float64Array(n), im: new Float64Array(n) };
  fftPlan(n).transform(xr, xi, out.re, out.im);
  return out;
}

/**
 * Inverse DFT, as numpy.fft.ifft: x[t] = (1/n) Σ_k X[k] · e^{+2πj·k·t/n}.
 * Computed as conj(fft(conj(X)))/n, so it has the same accuracy and sizes as `fft`.
 */
export function ifft(re: Float64Array, im?: Float64Array, n: number = re.length): ComplexArray {
  checkSize(n);
  const xi = im === undefined ? new Float64Array(n) : fitLength(im, n).map((v) => -v);
  const out = fft(fitLength(re, n), xi, n);
  for (let k = 0; k < n; k++) {
    out.re[k] /= n;
    out.im[k] = -out.im[k] / n;
  }
  return out;
}

/**
 * One-sided DFT of a real sequence, as numpy.fft.rfft: bins k = 0 … ⌊n/2⌋ of `fft(x, n)`.
 *
 * Parameters
 * ----------
 * x : real samples.
 * n : transform size (default x.length); x is truncated or zero-padded to n.
 *
 * Returns
 * -------
 * ComplexArray of ⌊n/2⌋ + 1 bins, split into `re` and `im`. Bin k is at frequency k/n
 * cycles/sample (2πk/n rad/sample); im[0] = 0, and im[n/2] = 0 for even n.
 */
export function rfft(x: Float64Array, n: number = x.length): ComplexArray {
  checkSize(n);
  const plan = rfftPlan(n);
  const out = { re: new Float64Array(plan.bins), im: new Float64Array(plan.bins) };
  plan.transform(fitLength(x, n), out.re, out.im);
  return out;
}
