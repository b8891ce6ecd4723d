import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { sweepHeatmapSpec } from '../../src/plot/specs/sweep-heatmap.js';

describe('sweepHeatmapSpec', () => {
  it('the heatmap with a contour compiles without warnings and renders; cells tile the axis', async () => {
    const c = [0.01, 0.02, 0.04];
    const v = [0.5, 1];
    const spec = sweepHeatmapSpec({ x: { path: 'momentum.c', values: c, log: true }, y: { path: 'momentum.v', values: v, log: false }, metric: 'dcGain', stage: 'last', z: c.flatMap((ci) => v.map((vi) => vi * (1 + 1 / ci))), contour: 30 });
    const cells = (spec.datasets as Record<string, { x0: number; x1: number }[]>).cells;
    expect(cells[0].x1).toBeCloseTo(Math.sqrt(0.01 * 0.02), 6); // geometric midpoint on a log axis
    expect((spec.datasets as Record<string, unknown[]>).contour.length).toBeGreaterThan(0);
    const compiled = await compileVega(spec);
    expect(compiled.warnings).toEqual([]);
    expect(await renderSvg(compiled.spec)).toMatch(/^<svg/);
  });
});
