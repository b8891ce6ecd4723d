import { chebwin } from './chebwin.js';
import { dpss } from './dpss.js';
import {
  COSINE_SUMS, barthann, bartlett, bohman, cosine, exponential, gaussian, generalCosine, generalGaussian, kaiser,
  kaiserBesselDerived, lanczos, parzen, taylor, triang, tukey,
} from './window-functions.js';
import { resolveWindow, type ResolvedWindow, type WindowSpec } from './window-spec.js';

export { WINDOW_NAMES, WINDOWS, resolveWindow, windowSignature, type WindowName, type WindowParam, type WindowSpec } from './window-spec.js';

/** The symmetric window of M ≥ 2 samples; `n` is the length asked for (dpss checks NW against it). */
function symmetricWindow({ name, params: p }: ResolvedWindow, M: number, n: number, sym: boolean): Float64Array {
  const num = (key: string) => p[key] as number;
  switch (name) {
    case 'boxcar': return new Float64Array(M).fill(1);
    case 'hann': return generalCosine(M, [0.5, 1 - 0.5]);
    case 'hamming': return generalCosine(M, [0.54, 1 - 0.54]);
    case 'general_hamming': return generalCosine(M, [num('alpha'), 1 - num('alpha')]);
    case 'general_cosine': return generalCosine(M, p.a as readonly number[]);
    case 'blackman': case 'nuttall': case 'blackmanharris': case 'flattop': return generalCosine(M, COSINE_SUMS[name]);
    case 'triang': return triang(M);
    case 'bartlett': return bartlett(M);
    case 'parzen': return parzen(M);
    case 'bohman': return bohman(M);
    case 'barthann': return barthann(M);
    case 'cosine': return cosine(M);
    case 'lanczos': return lanczos(M);
    case 'tukey': return tukey(M, num('alpha'));
    case 'gaussian': return gaussian(M, num('std'));
    case 'general_gaussian': return generalGaussian(M, num('p'), num('sig'));
    case 'kaiser': return kaiser(M, num('beta'));
    case 'taylor': return taylor(M, num('nbar'), num('sll'), p.norm as boolean);
    case 'chebwin': return chebwin(M, num('at'));
    case 'exponential': return exponential(M, p.center as number | null, num('tau'));
    case 'dpss':
      if (num('NW') >= n / 2) throw new RangeError(`window 'dpss': NW = ${num('NW')} must be less than half the window length ${n}`);
      return dpss(M, num('NW'));
    case 'kaiser_bessel_derived': return kaiserBesselDerived(M, num('beta'));
  }
}

/**
 * A window of n samples, as scipy.signal.get_window(window, n, fftbins).
 *
 *     symmetric (fftbins = false):  the window function of n samples, w[i] = w[n − 1 − i]
 *     periodic  (fftbins = true):   the first n samples of the symmetric window of n + 1
 *
 * Parameters
 * ----------
 * spec : a name ('hann'), a name with parameters ('tukey:0.25', ['kaiser', 8]) or a number
 *   (Kaiser beta): every window and alias of scipy.signal.get_window, with scipy's parameters
 *   and defaults (WINDOWS, windowSignature).
 * n : number of samples (non-negative integer). n ≤ 1 gives n ones, as scipy.
 * options.fftbins : true (default) for the periodic window used in spectral analysis
 *   (scipy's get_window default, DFT-even); false for the symmetric one (filter design).
 *   A name ending in '_periodic' or '_symmetric' overrides it.
 *
 * Notes
 * -----
 * Formulas and order of operations are scipy's (window-functions.ts), so results agree with
 * scipy to a few ulps; chebwin goes through a DFT and dpss through an eigenvector, to about
 * 1e-13. kaiser_bessel_derived exists only symmetric and of even length, as in scipy.
 * Throws RangeError for an unknown window, missing or invalid parameters, or a length the
 * window cannot have.
 *
 * References
 * ----------
 * scipy.signal.get_window and scipy.signal.windows; F. J. Harris, "On the use of windows for
 * harmonic analysis with the discrete Fourier transform", Proc. IEEE 66(1), 1978.
 */
export function getWindow(spec: WindowSpec, n: number, options: { fftbins?: boolean } = {}): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`window length must be a non-negative integer (got ${n})`);
  const window = resolveWindow(spec);
  const sym = window.symmetric ?? !(options.fftbins ?? true);
  if (window.name === 'exponential' && sym && window.params.center !== null) {
    throw new RangeError("window 'exponential': a center needs the periodic window (scipy: if sym==True, center must be None)");
  }
  if (window.name === 'kaiser_bessel_derived') {
    if (!sym) throw new RangeError("window 'kaiser_bessel_derived' exists only symmetric (scipy), not as the periodic window spectra use");
    if (n % 2 === 1) throw new RangeError(`window 'kaiser_bessel_derived' needs an even length (got ${n})`);
    return n === 0 ? new Float64Array(0) : symmetricWindow(window, n, n, sym);
  }
  if (n <= 1) return new Float64Array(n).fill(1);
  const M = sym ? n : n + 1;
  const w = symmetricWindow(window, M, n, sym);
  return sym ? w : w.subarray(0, n).slice();
}

/** Advice about a window for spectral analysis, as scipy's warnings give it. */
export function windowWarnings(spec: WindowSpec): string[] {
  const w = resolveWindow(spec);
  if (w.name === 'chebwin' && Math.abs(w.params.at as number) < 45) {
    return [`chebwin with ${w.params.at} dB attenuation: below about 45 dB its noise bandwidth no longer grows with the attenuation, so it is not suited to spectral analysis (scipy warns the same)`];
  }
  return [];
}
