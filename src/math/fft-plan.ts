import FFT from 'fft.js';
import { bluesteinPlan, type FftPlan } from './bluestein.js';

export type { FftPlan } from './bluestein.js';

/** A real-input DFT of one fixed size n, returning the one-sided half: bins 0…⌊n/2⌋. */
export interface RfftPlan {
  readonly n: number;
  /** ⌊n/2⌋ + 1. */
  readonly bins: number;
  /** Reads x[0…n−1]; writes `bins` values to outRe/outIm. Allocates nothing. */
  transform(x: Float64Array, outRe: Float64Array, outIm: Float64Array): void;
}

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

// Plans hold twiddle tables and scratch buffers; a few sizes are live at once in practice.
const CACHE_LIMIT = 16;
const complexCache = new Map<number, FftPlan>();
const realCache = new Map<number, RfftPlan>();

function cached<P>(cache: Map<number, P>, n: number, make: (n: number) => P): P {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`FFT size must be a positive integer (got ${n})`);
  let plan = cache.get(n);
  if (plan === undefined) {
    plan = make(n);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
    cache.set(n, plan);
  }
  return plan;
}

function radix4Plan(n: number): FftPlan {
  const fft = new FFT(n);
  const data = new Float64Array(2 * n);
  const out = new Float64Array(2 * n);
  return {
    n,
    transform(re, im, outRe, outIm) {
      for (let i = 0; i < n; i++) {
        data[2 * i] = re[i];
        data[2 * i + 1] = im[i];
      }
      fft.transform(out, data);
      for (let i = 0; i < n; i++) {
        outRe[i] = out[2 * i];
        outIm[i] = out[2 * i + 1];
      }
    },
  };
}

function makeComplexPlan(n: number): FftPlan {
  if (n === 1) {
    return { n, transform: (re, im, outRe, outIm) => { outRe[0] = re[0]; outIm[0] = im[0]; } };
  }
  return isPowerOfTwo(n) ? radix4Plan(n) : bluesteinPlan(n);
}

/**
 * Real DFT of even size n from one complex DFT of size h = n/2 on z[t] = x[2t] + j·x[2t+1]:
 * with Z = DFT_h(z), E[k] = (Z[k] + conj Z[h−k])/2 and O[k] = (Z[k] − conj Z[h−k])/(2j)
 * are the DFTs of the even and odd samples, and X[k] = E[k] + e^{−2πjk/n}·O[k], k = 0…h.
 * Halves the work of Bluestein sizes. Source: Brigham, "The Fast Fourier Transform", §9.3.
 */
function halfLengthPlan(n: number): RfftPlan {
  const h = n / 2;
  const complex = fftPlan(h);
  const zr = new Float64Array(h), zi = new Float64Array(h);
  const fr = new Float64Array(h), fi = new Float64Array(h);
  const cosT = new Float64Array(h + 1), sinT = new Float64Array(h + 1);
  for (let k = 0; k <= h; k++) {
    cosT[k] = Math.cos((2 * Math.PI * k) / n);
    sinT[k] = Math.sin((2 * Math.PI * k) / n);
  }
  return {
    n, bins: h + 1,
    transform(x, outRe, outIm) {
      for (let t = 0; t < h; t++) {
        zr[t] = x[2 * t];
        zi[t] = x[2 * t + 1];
      }
      complex.transform(zr, zi, fr, fi);
      for (let k = 0; k <= h; k++) {
        const a = fr[k % h], b = fi[k % h], c = fr[(h - k) % h], d = fi[(h - k) % h];
        const er = (a + c) / 2, ei = (b - d) / 2, or = (b + d) / 2, oi = (c - a) / 2;
        // W = cos θ − j sin θ, θ = 2πk/n.
        outRe[k] = er + cosT[k] * or + sinT[k] * oi;
        outIm[k] = ei + cosT[k] * oi - sinT[k] * or;
      }
    },
  };
}

function makeRealPlan(n: number): RfftPlan {
  const bins = Math.floor(n / 2) + 1;
  if (isPowerOfTwo(n)) {
    // fft.js realTransform fills bins 0…n/2 of an interleaved complex array of size n.
    const fft = new FFT(n);
    const out = new Float64Array(2 * n);
    return {
      n, bins,
      transform(x, outRe, outIm) {
        fft.realTransform(out, x.length === n ? x : x.subarray(0, n));
        for (let k = 0; k < bins; k++) {
          outRe[k] = out[2 * k];
          outIm[k] = out[2 * k + 1];
        }
      },
    };
  }
  if (n % 2 === 0) return halfLengthPlan(n);
  const complex = fftPlan(n);
  const zeros = new Float64Array(n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  return {
    n, bins,
    transform(x, outRe, outIm) {
      complex.transform(x, zeros, re, im);
      outRe.set(re.subarray(0, bins));
      outIm.set(im.subarray(0, bins));
    },
  };
}

/**
 * Cached complex DFT plan of size n: radix-4 fft.js for powers of two, Bluestein otherwise.
 * Plans own scratch buffers, so a plan must not be used re-entrantly (JS is single-threaded).
 */
export function fftPlan(n: number): FftPlan {
  return cached(complexCache, n, makeComplexPlan);
}

/** Cached real-input DFT plan of size n (any n ≥ 1), one-sided output. */
export function rfftPlan(n: number): RfftPlan {
  return cached(realCache, n, makeRealPlan);
}
