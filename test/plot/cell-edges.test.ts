import { describe, expect, it } from 'vitest';
import { cellEdges } from '../../src/plot/specs/cell-edges.js';

describe('cellEdges', () => {
  it('linear cells end halfway between neighbours, the ends mirrored: n values give n + 1 edges that tile the axis', () => {
    expect(cellEdges([0, 1, 3])).toEqual([-0.5, 0.5, 2, 4]);
  });

  it('log cells end at geometric midpoints', () => {
    const e = cellEdges([0.01, 0.04], true);
    expect(e[1]).toBeCloseTo(0.02, 12);
    expect(e[0]).toBeCloseTo(0.005, 12);
    expect(e[2]).toBeCloseTo(0.08, 12);
  });

  it('one value gets ±0.5 (×0.9, ×1.1 on a log axis), or ±halfWidth when given; none gets none', () => {
    expect(cellEdges([3])).toEqual([2.5, 3.5]);
    expect(cellEdges([2], true)).toEqual([1.8, 2.2]);
    expect(cellEdges([128], false, 64)).toEqual([64, 192]);
    expect(cellEdges([])).toEqual([]);
  });
});
