import { describe, expect, it } from 'vitest';
import { csd } from '../../src/spectral/csd.js';
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
