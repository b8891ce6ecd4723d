import { describe, expect, it } from 'vitest';
import { gainBoundsDb } from '../../src/plot/gain-bounds-db.js';
import { stepBins } from '../../src/plot/step-bins.js';
import { gainDbClosedForm, stageTable as table } from './support.js';


describe('stepBins', () => {
  it('keeps every stage as its own bin, at its real span, when there are few', () => {
    const t = table([5, 100, 1], [0.1, 0.5, 0.9], [1, 2, 3]);
    const b = stepBins(t, 10);
    expect(b.aggregated).toBe(false);
    expect([...b.t0]).toEqual([0, 5, 105]);
    expect([...b.t1]).toEqual([5, 105, 106]);
    expect([...b.uMean]).toEqual([0.1, 0.5, 0.9]);
  });

  it('merges many stages into at most maxBins bins with step-weighted means and exact min/max', () => {
    const n = 10_000;
    const lengths = Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const u = Array.from({ length: n }, (_, i) => Math.sin(i) * 0.9);
    const v = Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const t = table(lengths, u, v);
    const b = stepBins(t, 64);
    expect(b.aggregated).toBe(true);
    expect(b.count).toBeLessThanOrEqual(64);
    expect(b.t0[0]).toBe(0);
    expect(b.t1[b.count - 1]).toBe(t.endStep[n - 1]);
    for (let j = 0; j < b.count; j++) {
      if (j > 0) expect(b.t0[j]).toBe(b.t1[j - 1]);
      let su = 0;
      let steps = 0;
      let uMin = Infinity;
      let uMax = -Infinity;
      for (let i = b.firstStage[j]; i <= b.lastStage[j]; i++) {
        su += lengths[i] * u[i];
        steps += lengths[i];
        uMin = Math.min(uMin, u[i]);
        uMax = Math.max(uMax, u[i]);
      }
      expect(b.uMean[j]).toBeCloseTo(su / steps, 12);
      expect([b.uMin[j], b.uMax[j]]).toEqual([uMin, uMax]);
      expect(b.t1[j] - b.t0[j]).toBe(steps);
    }
  });
});

describe('gainBoundsDb', () => {
  it('contains the gain of every (u, v) in the box and is attained (brute force over a fine grid)', () => {
    const omega = Float64Array.from([1e-3, 0.05, 0.3, 1, 2, Math.PI]);
    for (const [uMin, uMax, vMin, vMax] of [
      [0.2, 0.9, 1, 1],
      [-0.5, 0.5, 0.1, 2],
      [0.95, 0.999, 0.001, 0.05],
    ]) {
      const { min, max } = gainBoundsDb(uMin, uMax, vMin, vMax, omega);
      omega.forEach((w, j) => {
        let lo = Infinity;
        let hi = -Infinity;
        for (let a = 0; a <= 400; a++) {
          const u = uMin + ((uMax - uMin) * a) / 400;
          for (const v of [vMin, vMax]) {
            const g = gainDbClosedForm(u, v, w);
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
          }
        }
        expect(min[j], `ω=${w} box=${[uMin, uMax, vMin, vMax]}`).toBeLessThanOrEqual(lo + 1e-9);
        expect(max[j], `ω=${w}`).toBeGreaterThanOrEqual(hi - 1e-9);
        // the grid comes within a hair of the bound: it is tight, not merely safe
        expect(lo - min[j], `ω=${w}`).toBeLessThan(0.05);
        expect(max[j] - hi, `ω=${w}`).toBeLessThan(0.05);
      });
    }
  });
});
