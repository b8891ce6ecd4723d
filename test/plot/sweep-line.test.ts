import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { sweepLineSpec } from '../../src/plot/specs/sweep-line.js';
import { significantDigits, svgOf, svgTexts } from './svg-labels.js';

describe('sweepLineSpec', () => {
  it('the line plot compiles without warnings, one colour per series, undefined values as gaps', async () => {
    const spec = sweepLineSpec({ x: { path: 'beta', values: [0.5, 0.9], log: false }, metric: 'cutoffFrequency', stage: 'last', series: [{ name: 'a', values: [0.7, 0.1] }, { name: 'b', values: [0.6, NaN] }], seriesTitle: 'v' });
    const compiled = await compileVega(spec);
    expect(compiled.warnings).toEqual([]);
    expect(JSON.stringify(spec)).toContain('"color"');
    expect((spec.datasets as Record<string, unknown[]>).lines).toEqual([
      { x: 0.5, value: 0.7, series: 'a' }, { x: 0.9, value: 0.1, series: 'a' },
      { x: 0.5, value: 0.6, series: 'b' }, { x: 0.9, value: null, series: 'b' },
    ]);
  });
});

describe('sweepLineSpec: names, units and scales', () => {
  it('axis titles are human names with units, the path and metric key in the tooltip; a cutoff of 0.01 … 0.72 rad/sample gets a log y axis', async () => {
    const beta = [0.5, 0.7, 0.9, 0.99];
    const spec = sweepLineSpec({ x: { path: 'momentum.beta', title: 'Momentum coefficient β', values: beta, log: false }, metric: 'cutoffFrequency', stage: 'last', series: [{ name: 'cutoffFrequency', values: [0.72, 0.36, 0.105, 0.01] }] });
    const svg = await svgOf(spec);
    expect(svgTexts(svg, 'axis-title').sort()).toEqual(['Momentum coefficient β', '−3 dB cutoff (rad/sample)']);
    expect(JSON.stringify(spec)).toContain('"scale":{"type":"log"}');
    expect(JSON.stringify(spec)).toContain('"title":"momentum.beta"');
    for (const l of svgTexts(svg, 'axis-label')) expect(significantDigits(l), l).toBeLessThanOrEqual(3);
  });
});
