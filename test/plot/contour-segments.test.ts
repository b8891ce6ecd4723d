import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../src/plot/specs/contour-segments.js';

describe('contourSegments', () => {
  it('the level set of a linear function lies exactly on its line (linear interpolation is exact)', () => {
    const xs = [0, 0.25, 0.5, 0.75, 1];
    const ys = [0, 0.5, 1];
    const z = xs.flatMap((x) => ys.map((y) => x + 2 * y));
    const segs = contourSegments(xs, ys, z, 1.2);
    expect(segs.length).toBeGreaterThan(0);
    for (const s of segs) {
      expect(s.x1 + 2 * s.y1).toBeCloseTo(1.2, 14);
      expect(s.x2 + 2 * s.y2).toBeCloseTo(1.2, 14);
    }
  });

  it('on log axes it interpolates in log coordinates: the FSGDM zone v(1 + 1/c) = 31 has its points on the curve where the grid is fine', () => {
    const cs = Array.from({ length: 60 }, (_, i) => 0.01 * 10 ** (i / 59));
    const vs = Array.from({ length: 60 }, (_, j) => 0.25 + (1.75 * j) / 59);
    const z = cs.flatMap((c) => vs.map((v) => v * (1 + 1 / c)));
    const segs = contourSegments(cs, vs, z, 31, { xLog: true });
    for (const s of segs) expect(Math.abs(s.y1 * (1 + 1 / s.x1) - 31) / 31).toBeLessThan(2e-3);
  });

  it('cells with a missing corner are left out; a saddle gives two segments', () => {
    expect(contourSegments([0, 1], [0, 1], [0, NaN, 1, 1], 0.5)).toEqual([]);
    expect(contourSegments([0, 1], [0, 1], [1, 0, 0, 1], 0.5)).toHaveLength(2);
  });
});
