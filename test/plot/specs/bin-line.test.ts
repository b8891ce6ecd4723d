import { describe, expect, it } from 'vitest';
import { binLineRows } from '../../../src/plot/specs/bin-line.js';

describe('binLineRows', () => {
  it('a stage of its own is a flat segment over its steps (a…b drawn from a to b + 1); a merged bin one point at its middle step; the ends reach the axis flat', () => {
    // steps 1–10 one stage, 11–20 and 21–40 merged bins, 41–50 one stage
    const bins = [{ t0: 0, t1: 10, merged: false }, { t0: 10, t1: 20, merged: true }, { t0: 20, t1: 40, merged: true }, { t0: 40, t1: 50, merged: false }];
    expect(binLineRows(bins, (b, step) => [b, step])).toEqual([[0, 1], [0, 11], [1, 16], [2, 31], [3, 41], [3, 51]]);
    const mergedOnly = [{ t0: 0, t1: 10, merged: true }, { t0: 10, t1: 30, merged: true }];
    expect(binLineRows(mergedOnly, (b, step) => [b, step])).toEqual([[0, 1], [0, 6], [1, 21], [1, 31]]);
  });

  it('the points of a linear ramp\'s bin means lie on the ramp: mean of u(t) = a + c·t over steps t0 + 1 … t1 is u at the middle step', () => {
    const u = (t: number) => 0.8 + 0.001 * t;
    const bins = [{ t0: 0, t1: 7, merged: true }, { t0: 7, t1: 20, merged: true }, { t0: 20, t1: 33, merged: true }];
    const rows = binLineRows(bins, (b, step) => {
      let sum = 0;
      for (let t = bins[b].t0 + 1; t <= bins[b].t1; t++) sum += u(t);
      return { step, value: sum / (bins[b].t1 - bins[b].t0) };
    });
    // the middle of steps a…b on the axis (a to b + 1) is (a + b + 1)/2; the mean of a ramp over a…b is u((a + b)/2)
    for (const r of rows.slice(1, -1)) expect(r.value).toBeCloseTo(u(r.step - 0.5), 12);
  });
});
