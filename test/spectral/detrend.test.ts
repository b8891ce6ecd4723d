import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detrend, type DetrendType } from '../../src/spectral/detrend.js';
import { expectClose, loadFixture, maxAbs } from './fixture.js';

interface DetrendCase { type: DetrendType; x: number[]; y: number[] }
const { cases } = loadFixture<{ cases: DetrendCase[] }>('detrend.json');

describe('detrend', () => {
  for (const c of cases) {
    it(`detrend matches scipy.signal.detrend(type='${c.type}') for ${c.x.length} samples`, () => {
      // Residuals are differences of O(max|x|) numbers: error ~ n·ε·max|x| at worst.
      const atol = 8 * Number.EPSILON * Math.max(1, c.x.length) * maxAbs(c.x);
      expectClose(detrend(Float64Array.from(c.x), c.type), c.y, { atol, label: `${c.type} n=${c.x.length}` });
    });
  }

  it("detrend removes an exact line completely with 'linear' and leaves a zero-mean copy with 'constant'", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 2, max: 500 }), (a, b, n) => {
        const x = Float64Array.from({ length: n }, (_, i) => a + b * i);
        const scale = Math.abs(a) + Math.abs(b) * n;
        expectClose(detrend(x, 'linear'), new Float64Array(n), { atol: 64 * Number.EPSILON * scale + 1e-300, label: `a=${a} b=${b}` });
        const c = detrend(x, 'constant');
        expect(Math.abs(c.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(64 * Number.EPSILON * scale * n + 1e-300);
      }),
      { numRuns: 100 },
    );
  });

  it("detrend with 'none' returns an equal copy, not the input itself", () => {
    const x = Float64Array.from([1, 5, 2]);
    const y = detrend(x, 'none');
    expect(Array.from(y)).toEqual([1, 5, 2]);
    expect(y).not.toBe(x);
  });
});
