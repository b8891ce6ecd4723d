import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { sweepHeatmapSpec, sweepLineSpec } from '../../src/sweep/sweep-plot-spec.js';

describe('sweep plot specs', () => {
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

  it('the line plot compiles without warnings, one colour per series', async () => {
    const spec = sweepLineSpec({ x: { path: 'beta', values: [0.5, 0.9], log: false }, metric: 'cutoffFrequency', stage: 'last', series: [{ name: 'a', values: [0.7, 0.1] }, { name: 'b', values: [0.6, NaN] }], seriesTitle: 'v' });
    const compiled = await compileVega(spec);
    expect(compiled.warnings).toEqual([]);
    expect(JSON.stringify(spec)).toContain('"color"');
  });
});
