/** Window names understood by `getWindow` (scipy.signal.get_window spellings). */
export type WindowName = 'hann' | 'hamming' | 'blackman' | 'boxcar';

export const WINDOW_NAMES: readonly WindowName[] = ['hann', 'hamming', 'blackman', 'boxcar'];

/** Cosine-sum coefficients a_k of w = Σ_k a_k cos(k·φ), φ from −π to π (scipy's general_cosine). */
const COSINE_TERMS: Record<Exclude<WindowName, 'boxcar'>, readonly number[]> = {
  hann: [0.5, 0.5],
  hamming: [0.54, 1 - 0.54],
  blackman: [0.42, 0.5, 0.08],
};

/**
 * A window of n samples, as scipy.signal.get_window(name, n, fftbins).
 *
 *     symmetric:  w[i] = Σ_k a_k · cos(k·φ_i),  φ_i = −π + 2π·i/(n − 1),  i = 0 … n−1
 *     periodic:   the first n samples of the symmetric window of length n + 1
 *
 * with a = [0.5, 0.5] (hann), [0.54, 0.46] (hamming), [0.42, 0.5, 0.08] (blackman);
 * boxcar is all ones. φ_i starts at −π, so the signs of odd terms are the familiar
 * 0.5 − 0.5·cos(2πi/(n−1)) form in disguise.
 *
 * Parameters
 * ----------
 * name : 'hann' | 'hamming' | 'blackman' | 'boxcar'.
 * n : number of samples (non-negative integer). n = 0 gives an empty window, n = 1 gives [1].
 * options.fftbins : true (default) for the periodic window used in spectral analysis
 *   (scipy's get_window default, DFT-even); false for the symmetric one (filter design).
 *
 * Notes
 * -----
 * φ is formed as numpy.linspace forms it (i·step − π, last point exactly π) and the terms
 * are summed in scipy's order, so results agree with scipy to about one ulp.
 *
 * References
 * ----------
 * scipy.signal.windows.general_cosine; F. J. Harris, "On the use of windows for harmonic
 * analysis with the discrete Fourier transform", Proc. IEEE 66(1), 1978.
 */
export function getWindow(name: WindowName, n: number, options: { fftbins?: boolean } = {}): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`window length must be a non-negative integer (got ${n})`);
  if (!WINDOW_NAMES.includes(name)) throw new RangeError(`unknown window '${name}' (use ${WINDOW_NAMES.join(', ')})`);
  if (n <= 1) return new Float64Array(n).fill(1);
  const periodic = options.fftbins ?? true;
  const m = periodic ? n + 1 : n;
  const out = new Float64Array(n);
  if (name === 'boxcar') return out.fill(1);
  const a = COSINE_TERMS[name];
  const step = (2 * Math.PI) / (m - 1);
  for (let i = 0; i < n; i++) {
    const phi = i === m - 1 ? Math.PI : i * step - Math.PI;
    let w = 0;
    for (let k = 0; k < a.length; k++) w += a[k] * Math.cos(k * phi);
    out[i] = w;
  }
  return out;
}
