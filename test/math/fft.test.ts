import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fft, ifft, rfft } from '../../src/math/fft.js';
import { expectClose, loadFixture, maxAbs } from '../spectral/fixture.js';

interface FftCase { n: number; re: number[]; im: number[]; fftRe: number[]; fftIm: number[]; rfftRe: number[]; rfftIm: number[] }
const { cases } = loadFixture<{ cases: FftCase[] }>('fft.json');
const EPS = Number.EPSILON;

/** O(n²) DFT; k·t is reduced mod n in integers so every twiddle is accurate to an ulp. */
function naiveDft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const out = { re: new Float64Array(n), im: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * ((k * t) % n)) / n;
      const c = Math.cos(a), s = Math.sin(a);
      sr += re[t] * c - im[t] * s;
      si += re[t] * s + im[t] * c;
    }
    out.re[k] = sr;
    out.im[k] = si;
  }
  return out;
}

/**
 * Rounding budget of an n-point transform: 8·ε·log₂(2n)·‖x‖₂. The rms of X is ‖x‖₂ (Parseval)
 * and FFT errors grow like ε·log₂ n times it (Higham, Accuracy and Stability, §24.1).
 */
const budget = (n: number, ...xs: ArrayLike<number>[]): number =>
  8 * EPS * Math.log2(2 * n) * Math.sqrt(xs.reduce((s, x) => s + Array.from(x).reduce((a, v) => a + v * v, 0), 0));

describe('fft', () => {
  for (const c of cases) {
    it(`fft matches numpy.fft.fft for n = ${c.n}`, () => {
      const out = fft(Float64Array.from(c.re), Float64Array.from(c.im));
      const atol = budget(c.n, c.re, c.im);
      expectClose(out.re, c.fftRe, { atol, label: `n=${c.n} re` });
      expectClose(out.im, c.fftIm, { atol, label: `n=${c.n} im` });
    });

    it(`rfft matches numpy.fft.rfft for n = ${c.n}`, () => {
      const out = rfft(Float64Array.from(c.re));
      const atol = budget(c.n, c.re);
      expectClose(out.re, c.rfftRe, { atol, label: `n=${c.n} re` });
      expectClose(out.im, c.rfftIm, { atol, label: `n=${c.n} im` });
    });
  }

  it('fft and rfft match a naive O(n²) DFT for every size from 1 to 70 and a few larger ones', () => {
    for (const n of [...Array.from({ length: 70 }, (_, i) => i + 1), 97, 128, 210, 243, 500, 511, 1024]) {
      const re = Float64Array.from({ length: n }, (_, t) => Math.sin(1.3 * t * t + 0.1) + (t % 7) / 7);
      const im = Float64Array.from({ length: n }, (_, t) => Math.cos(0.7 * t) - (t % 3) / 5);
      const ref = naiveDft(re, im);
      const got = fft(re, im);
      const atol = budget(n, re, im) * Math.max(1, n / 64); // the naive sum has O(n·ε) error itself
      expectClose(got.re, ref.re, { atol, label: `fft n=${n} re` });
      expectClose(got.im, ref.im, { atol, label: `fft n=${n} im` });
      const realRef = naiveDft(re, new Float64Array(n));
      const half = rfft(re);
      expectClose(half.re, realRef.re.subarray(0, Math.floor(n / 2) + 1), { atol, label: `rfft n=${n} re` });
      expectClose(half.im, realRef.im.subarray(0, Math.floor(n / 2) + 1), { atol, label: `rfft n=${n} im` });
    }
  });

  it('rfft truncates or zero-pads to n as numpy does', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    expect(Array.from(rfft(x, 3).re)).toEqual(Array.from(rfft(x.subarray(0, 3)).re));
    const padded = rfft(x, 8);
    const ref = rfft(Float64Array.from([1, 2, 3, 4, 5, 0, 0, 0]));
    expect(Array.from(padded.re)).toEqual(Array.from(ref.re));
    expect(Array.from(padded.im)).toEqual(Array.from(ref.im));
  });

  it('ifft inverts fft to rounding for any size', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const re = Float64Array.from(values);
        const im = re.map((v, i) => v * 0.5 - i);
        const back = ifft(fft(re, im).re, fft(re, im).im);
        const atol = 4 * budget(re.length, re, im);
        expectClose(back.re, re, { atol, label: `n=${re.length} re` });
        expectClose(back.im, im, { atol, label: `n=${re.length} im` });
      }),
      { numRuns: 60 },
    );
  });

  it('rfft of a real signal is the first half of its complex fft (Bluestein sizes included)', () => {
    for (const n of [6, 10, 30, 1000, 1001]) {
      const x = Float64Array.from({ length: n }, (_, t) => Math.sin(0.37 * t) * (1 + t / n));
      const half = rfft(x);
      const full = fft(x);
      const atol = budget(n, x);
      expectClose(half.re, full.re.subarray(0, half.re.length), { atol, label: `n=${n} re` });
      expectClose(half.im, full.im.subarray(0, half.im.length), { atol, label: `n=${n} im` });
      expect(maxAbs(half.re)).toBeGreaterThan(0);
    }
  });

  it('fft rejects a size that is not a positive integer', () => {
    expect(() => fft(new Float64Array(0))).toThrow(RangeError);
    expect(() => rfft(new Float64Array(4), 2.5)).toThrow(RangeError);
  });
});
