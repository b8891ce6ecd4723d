import { describe, expect, it } from 'vitest';
import { csd, csdChunks } from '../../src/spectral/csd.js';
import { expectClose, maxAbs } from './fixture.js';
import { NOISE_FLOOR, RTOL, options, signal, spectral } from './spectral-fixture.js';

describe('csd', () => {
  for (const c of spectral.csd) {
    it(`csd matches scipy.signal.csd for ${c.name}`, () => {
      const out = csd(signal(c.x), signal(c.y ?? c.x), options(c.options));
      const atol = NOISE_FLOOR * Math.max(maxAbs(c.re), maxAbs(c.im));
      expectClose(out.frequencies, c.frequencies, { label: 'frequencies' });
      expectClose(out.csd.re, c.re, { rtol: RTOL, atol, label: 're' });
      expectClose(out.csd.im, c.im, { rtol: RTOL, atol, label: 'im' });
    });
  }

  it('csd(y, x) is the complex conjugate of csd(x, y)', () => {
    const x = signal('a'), y = signal('b');
    const xy = csd(x, y, { nperseg: 90 });
    const yx = csd(y, x, { nperseg: 90 });
    expect(Array.from(yx.csd.re)).toEqual(Array.from(xy.csd.re));
    expect(Array.from(yx.csd.im, (v) => v + 0)).toEqual(Array.from(xy.csd.im, (v) => -v + 0));
  });

  it('csd returns empty arrays when either input is empty', () => {
    const out = csd(new Float64Array(0), signal('a'));
    expect(out.frequencies).toHaveLength(0);
    expect(out.csd.re).toHaveLength(0);
  });
});

describe('csdChunks: two signals read in chunks', () => {
  const n = 3001;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(0.3 * i) + Math.cos(i * i * 1e-3));
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(0.3 * i - 1) + 0.002 * i);
  const pairs = (size: number): [Float64Array, Float64Array][] =>
    Array.from({ length: Math.ceil(n / size) }, (_, i) => [x.slice(i * size, (i + 1) * size), y.slice(i * size, (i + 1) * size)]);
  const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

  it('gives csd bit for bit with chunk boundaries inside segments (mean, median, two-sided), and names the first non-finite sample by its index', () => {
    for (const opts of [{}, { nperseg: 200, noverlap: 150, average: 'median' as const, detrend: 'linear' as const }, { nperseg: 64, returnOnesided: false }]) {
      const want = csd(x, y, opts);
      for (const size of [1, 13, n]) {
        const got = csdChunks(pairs(size), n, opts);
        expect(bits(got.csd.re) + bits(got.csd.im), `${JSON.stringify(opts)} chunks of ${size}`).toBe(bits(want.csd.re) + bits(want.csd.im));
      }
    }
    y[1234] = NaN;
    const thrown = (f: () => unknown): unknown => { try { f(); } catch (error) { return error; } return null; };
    expect(thrown(() => csdChunks(pairs(17), n))).toEqual(thrown(() => csd(x, y)));
    expect((thrown(() => csd(x, y)) as { index: number }).index).toBe(1234);
    y[1234] = 0;
  });
});
