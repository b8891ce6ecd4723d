import { describe, expect, it } from 'vitest';
import { getWindow, type WindowName } from '../../src/spectral/windows.js';
import { expectClose, loadFixture } from './fixture.js';

interface WindowCase { name: WindowName; n: number; fftbins: boolean; w: number[] }
const { cases } = loadFixture<{ cases: WindowCase[] }>('windows.json');

describe('getWindow', () => {
  for (const c of cases) {
    const kind = c.fftbins ? 'periodic' : 'symmetric';
    it(`getWindow matches scipy.signal.get_window for a ${kind} ${c.name} window of ${c.n} samples`, () => {
      // Values are ≤ 1 and sums of ≤ 3 cosines: a few ulps of 1.
      expectClose(getWindow(c.name, c.n, { fftbins: c.fftbins }), c.w, { atol: 4 * Number.EPSILON, label: `${c.name} ${c.n}` });
    });
  }

  it('getWindow returns an empty window for n = 0 and [1] for n = 1', () => {
    expect(getWindow('hann', 0)).toHaveLength(0);
    expect(Array.from(getWindow('blackman', 1))).toEqual([1]);
  });

  it('a periodic window is the symmetric window of n + 1 samples without its last sample', () => {
    for (const name of ['hann', 'hamming', 'blackman'] as const) {
      const periodic = getWindow(name, 10);
      const symmetric = getWindow(name, 11, { fftbins: false });
      expectClose(periodic, symmetric.subarray(0, 10), { atol: 0, label: name });
    }
  });

  it('getWindow rejects unknown names and negative or fractional lengths', () => {
    expect(() => getWindow('kaiser' as WindowName, 8)).toThrow(/unknown window 'kaiser'/);
    expect(() => getWindow('hann', -1)).toThrow(RangeError);
    expect(() => getWindow('hann', 2.5)).toThrow(RangeError);
  });
});
