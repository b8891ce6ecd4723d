import { describe, expect, it } from 'vitest';
import { coherence } from '../../src/spectral/coherence.js';
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
