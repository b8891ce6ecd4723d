import { describe, expect, it } from 'vitest';
import { coherence, coherenceChunks } from '../../src/spectral/coherence.js';
import { expectClose } from './fixture.js';
import { RTOL, options, signal, spectral } from './spectral-fixture.js';

describe('coherence', () => {
  for (const c of spectral.coherence) {
    it(`coherence matches scipy.signal.coherence for ${c.name}`, () => {
      const out = coherence(signal(c.x), signal(c.y ?? c.x), options(c.options));
      expectClose(out.frequencies, c.frequencies, { label: 'frequencies' });
      // Coherence lies in [0, 1]: an absolute floor of 1e-13 covers near-zero bins.
      expectClose(out.coherence, c.coherence, { rtol: RTOL, atol: 1e-13, label: 'coherence' });
    });
  }

  it('coherence of a signal with a scaled, delayed copy of itself is 1 at every frequency', () => {
    const x = signal('a');
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = -3 * x[i];
    const out = coherence(x, y, { nperseg: 128 });
    expectClose(out.coherence, new Float64Array(out.coherence.length).fill(1), { atol: 1e-12, label: 'coherence' });
  });

  it('coherence rejects inputs of different lengths', () => {
    expect(() => coherence(signal('a'), signal('bShort'))).toThrow(/equal length \(got 2000 and 1500\)/);
  });
});

describe('coherenceChunks: two signals read in chunks, in one pass', () => {
  it('gives coherence bit for bit with chunk boundaries inside segments', () => {
    const n = 2503;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(0.3 * i) + Math.cos(i * i * 1e-3));
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 * Math.sin(0.3 * i - 1) + Math.sin(i * i * 7e-4));
    const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
    for (const opts of [{}, { nperseg: 100, window: 'hamming' as const, detrend: 'linear' as const }]) {
      const want = coherence(x, y, opts);
      for (const size of [1, 11, n]) {
        const chunks = Array.from({ length: Math.ceil(n / size) }, (_, i) => [x.slice(i * size, (i + 1) * size), y.slice(i * size, (i + 1) * size)] as [Float64Array, Float64Array]);
        const got = coherenceChunks(chunks, n, opts);
        expect(bits(got.coherence), `${JSON.stringify(opts)} chunks of ${size}`).toBe(bits(want.coherence));
        expect({ ...got, coherence: null }).toEqual({ ...want, coherence: null });
      }
    }
  });
});
