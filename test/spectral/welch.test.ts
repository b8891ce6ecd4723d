import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csd } from '../../src/spectral/csd.js';
import { NonFiniteInputError } from '../../src/spectral/finite-input.js';
import { spectrogram, spectrogramChunks } from '../../src/spectral/spectrogram.js';
import { welchPsd, welchPsdChunks, type WelchOptions } from '../../src/spectral/welch.js';
import { expectClose, maxAbs } from './fixture.js';
import { NOISE_FLOOR, RTOL, options, signal, spectral } from './spectral-fixture.js';

describe('welchPsd', () => {
  for (const c of spectral.welch) {
    it(`welchPsd matches scipy.signal.welch for ${c.name}`, () => {
      const out = welchPsd(signal(c.x), options(c.options));
      expectClose(out.frequencies, c.frequencies, { rtol: 0, atol: 0, label: 'frequencies' });
      expectClose(out.psd, c.psd, { rtol: RTOL, atol: NOISE_FLOOR * maxAbs(c.psd), label: 'psd' });
    });
  }

  it('welchPsd warns when nperseg exceeds the signal length and uses the whole signal', () => {
    const out = welchPsd(signal('short'));
    expect(out.segments).toBe(1);
    expect(out.warnings).toEqual(['nperseg = 256 is greater than the signal length 100, using nperseg = 100']);
  });

  it('an error about nperseg says first that nperseg was capped at the signal length', () => {
    const short = signal('short');
    expect(() => welchPsd(short, { noverlap: 128 })).toThrow(
      'nperseg = 256 is greater than the signal length 100, using nperseg = 100; noverlap = 128 must be an integer in [0, nperseg = 100)',
    );
    expect(() => welchPsd(short, { nfft: 64 })).toThrow(
      'nperseg = 256 is greater than the signal length 100, using nperseg = 100; nfft = 64 must be an integer ≥ nperseg = 100',
    );
    // Not capped: the message is the plain one.
    expect(() => welchPsd(short, { nperseg: 50, noverlap: 50 })).toThrow(/^noverlap = 50 must be an integer in \[0, nperseg = 50\)$/);
  });

  it('welchPsd ignores a tail shorter than one segment', () => {
    const x = signal('a');
    const full = welchPsd(x.subarray(0, 1000), { nperseg: 200, noverlap: 0 });
    const tail = welchPsd(x.subarray(0, 1199), { nperseg: 200, noverlap: 0 });
    expect(tail.segments).toBe(5);
    expect(Array.from(tail.psd)).toEqual(Array.from(full.psd));
  });

  it("welchPsd of white noise with 'density' scaling integrates to the variance (Parseval)", () => {
    const x = signal('a').map((v, i) => Math.sin(0.7 * i) + (i % 5) - 2);
    const out = welchPsd(x, { nperseg: 100, noverlap: 0, window: 'boxcar', detrend: 'none' });
    const df = out.frequencies[1];
    const power = out.psd.reduce((s, p) => s + p, 0) * df;
    const meanSquare = x.subarray(0, 2000).reduce((s, v) => s + v * v, 0) / 2000;
    expect(Math.abs(power - meanSquare)).toBeLessThanOrEqual(1e-12 * meanSquare);
  });

  it('welchPsd(x) equals the real part of csd(x, x), whose imaginary part is zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 8, maxLength: 400 }),
        fc.integer({ min: 2, max: 64 }),
        (values, nperseg) => {
          const x = Float64Array.from(values);
          const p = welchPsd(x, { nperseg });
          const c = csd(x, x, { nperseg });
          const atol = 1e-14 * maxAbs(p.psd) + 1e-300;
          expectClose(c.csd.re, p.psd, { rtol: 1e-14, atol, label: 're' });
          expectClose(c.csd.im, new Float64Array(p.psd.length), { atol, label: 'im' });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('welchPsd returns empty arrays for an empty signal', () => {
    const out = welchPsd(new Float64Array(0));
    expect(out.frequencies).toHaveLength(0);
    expect(out.psd).toHaveLength(0);
  });

  it('welchPsd rejects invalid option combinations with scipy-like messages', () => {
    const x = signal('a');
    expect(() => welchPsd(x, { nperseg: 64, noverlap: 64 })).toThrow(/noverlap = 64 must be an integer in \[0, nperseg = 64\)/);
    expect(() => welchPsd(x, { nperseg: 64, nfft: 32 })).toThrow(/nfft = 32 must be an integer ≥ nperseg = 64/);
    expect(() => welchPsd(x, { window: new Float64Array(10), nperseg: 12 })).toThrow(/does not equal the window length 10/);
    expect(() => welchPsd(x, { nperseg: 0 })).toThrow(/nperseg must be a positive integer/);
    expect(() => welchPsd(x, { fs: 0 })).toThrow(/fs must be a positive/);
    expect(() => welchPsd(x, { average: 'mode' as 'mean' })).toThrow(/average must be 'mean' or 'median'/);
    expect(() => welchPsd(x, { scaling: 'power' as 'density' })).toThrow(/unknown scaling 'power'/);
    expect(() => welchPsd(new Float64Array(5), { window: new Float64Array(8) })).toThrow(/longer than the signal/);
  });
});

describe('welchPsdChunks and spectrogramChunks: a signal read in chunks', () => {
  // A moderate trace: a sine in noise with a trend, so detrending matters.
  const n = 6007;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(0.7 * i) + 0.001 * i + Math.sin(i * i * 1e-3) * 0.5);
  const chunksOf = (size: number): Float64Array[] => Array.from({ length: Math.ceil(n / size) }, (_, i) => x.slice(i * size, (i + 1) * size));
  const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

  it('give the in-memory result bit for bit, with chunk boundaries falling inside segments (mean, median, detrend, two-sided)', () => {
    const cases: WelchOptions[] = [{}, { nperseg: 300, noverlap: 299, detrend: 'linear', window: 'hamming' }, { nperseg: 333, nfft: 512, average: 'median' }, { nperseg: 64, returnOnesided: false, scaling: 'spectrum' }, { nperseg: 10_000 }];
    for (const options of cases) {
      const want = welchPsd(x, options);
      for (const size of [1, 7, 4096, n]) {
        const got = welchPsdChunks(chunksOf(size), n, options);
        expect(bits(got.psd), `${JSON.stringify(options)} chunks of ${size}`).toBe(bits(want.psd));
        expect({ ...got, psd: null }).toEqual({ ...want, psd: null });
      }
    }
    for (const options of [{ nperseg: 128 }, { nperseg: 100, window: 'kaiser:6', mode: 'magnitude' as const }]) {
      const want = spectrogram(x, options);
      for (const size of [3, 1000]) expect(bits(spectrogramChunks(chunksOf(size), n, options).values)).toBe(bits(want.values));
    }
  });

  it('name the first non-finite sample by its index in the whole signal, as the in-memory estimate does', () => {
    const y = x.slice();
    y[2345] = NaN;
    y[5000] = Infinity;
    const thrown = (f: () => unknown): unknown => { try { f(); } catch (error) { return error; } return null; };
    const want = thrown(() => welchPsd(y, { nperseg: 256 })) as NonFiniteInputError;
    expect(want).toBeInstanceOf(NonFiniteInputError);
    expect(want.index).toBe(2345);
    const chunks = Array.from({ length: Math.ceil(n / 77) }, (_, i) => y.slice(i * 77, (i + 1) * 77));
    expect(thrown(() => welchPsdChunks(chunks, n, { nperseg: 256 }))).toEqual(want);
    expect(thrown(() => spectrogramChunks(chunks, n, { nperseg: 256 }))).toEqual(thrown(() => spectrogram(y, { nperseg: 256 })));
  });
});
