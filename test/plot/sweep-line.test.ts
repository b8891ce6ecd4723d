import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { sweepLineSpec } from '../../src/plot/specs/sweep-line.js';
import { axisLabels, PLAIN_NUMBER, significantDigits, svgOf, svgTexts } from './svg-labels.js';

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

describe('sweepLineSpec: labels a reader reads', () => {
  const mu = Array.from({ length: 10 }, (_, i) => 0.9 + i * 0.01);

  it("a sweep of Nesterov's μ over 0.9:0.99:10 labels every grid point, 0.99 included, and its DC gain 1/(1 − μ) reads 10, 20 … 100, never 1e+1", async () => {
    const spec = sweepLineSpec({ x: { path: 'momentum.momentum.fp.1', title: 'Momentum factor μ (fp.1)', values: mu, log: false }, metric: 'dcGain', stage: 'last', series: [{ name: 'dcGain', values: mu.map((m) => 1 / (1 - m)) }] });
    const svg = await svgOf(spec);
    expect(axisLabels(svg, 'X')).toEqual(['0.9', '0.91', '0.92', '0.93', '0.94', '0.95', '0.96', '0.97', '0.98', '0.99']);
    const y = axisLabels(svg, 'Y');
    expect(y).toEqual(expect.arrayContaining(['10', '20', '50', '100']));
    for (const l of y) expect(l, y.join(' ')).toMatch(PLAIN_NUMBER);
    expect(svgTexts(svg, 'axis-title')).toContain('Momentum factor μ (fp.1)');
  });

  it('a DC gain over decades (μ = 0.9 … 0.999, log y) and a sweep over training steps (1000 … 100000) label plain numbers', async () => {
    const decades = [0.9, 0.99, 0.999];
    const log = sweepLineSpec({ x: { path: 'beta', values: decades, log: false }, metric: 'dcGain', stage: 'last', series: [{ name: 'dcGain', values: decades.map((m) => 1 / (1 - m)) }] });
    expect(JSON.stringify(log)).toContain('"scale":{"type":"log"}');
    const steps = [1000, 25750, 50500, 75250, 100000];
    const long = sweepLineSpec({ x: { path: 'steps', title: 'Training steps', values: steps, log: false }, metric: 'dcGain', stage: 'last', series: [{ name: 'dcGain', values: steps.map((s) => 31.2 + s * 1e-6) }] });
    for (const spec of [log, long]) {
      const svg = await svgOf(spec);
      for (const l of [...axisLabels(svg, 'X'), ...axisLabels(svg, 'Y')]) expect(l).toMatch(PLAIN_NUMBER);
    }
    expect(axisLabels(await svgOf(long), 'X')).toEqual(['1000', '25750', '50500', '75250', '100000']);
    expect(axisLabels(await svgOf(log), 'Y')).toEqual(expect.arrayContaining(['10', '100', '1000']));
  });
});
