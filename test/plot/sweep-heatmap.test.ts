import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { ofStage, sweepHeatmapSpec } from '../../src/plot/specs/sweep-heatmap.js';
import { nodes } from './support.js';
import { significantDigits, svgOf, svgTexts } from './svg-labels.js';

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

describe('sweepHeatmapSpec: names, units and scales', () => {
  // FSGDM's final DC gain v·(1 + 1/c) over c = 0.01 … 0.1 (log) and v = 0.25 … 2: 3 … 202.
  const c = Array.from({ length: 25 }, (_, i) => 0.01 * 10 ** (i / 24));
  const v = Array.from({ length: 25 }, (_, j) => 0.25 + (1.75 * j) / 24);
  const input = {
    x: { path: 'c', title: 'Scaling factor c', values: c, log: true },
    y: { path: 'momentum.v', title: 'Gradient coefficient v', values: v, log: false },
    metric: 'dcGain', stage: 'last', z: c.flatMap((ci) => v.map((vi) => vi * (1 + 1 / ci))),
  };

  it('axes and legend carry human names with units; the config paths and the metric key are in the tooltip and subtitle', async () => {
    const spec = sweepHeatmapSpec(input);
    const svg = await svgOf(spec);
    expect(svgTexts(svg, 'axis-title').sort()).toEqual(['Gradient coefficient v', 'Scaling factor c']);
    expect(svgTexts(svg, 'legend-title')).toEqual(['DC gain |H(0)| (×)']);
    const tooltip = JSON.stringify(nodes(spec).find((n) => n.tooltip !== undefined && Array.isArray(n.tooltip))?.tooltip);
    for (const key of ['"c"', '"momentum.v"', '"dcGain"']) expect(tooltip).toContain(key);
    expect(spec.title).toMatchObject({ text: 'DC gain |H(0)| of the last stage', subtitle: 'dcGain over c × momentum.v; log colour scale' });
  });

  it('a metric spanning decades (3 … 202) gets a log colour scale with more than two legend labels', async () => {
    const svg = await svgOf(sweepHeatmapSpec(input));
    const labels = svgTexts(svg, 'legend-label');
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const l of labels) expect(significantDigits(l), l).toBeLessThanOrEqual(3);
    const linear = sweepHeatmapSpec({ ...input, z: input.z.map((z) => 1 + z / 1000) });
    expect(JSON.stringify(linear)).not.toContain('"type":"log","scheme"');
  });

  it('x labels are spaced: overlapping ones are dropped greedily with a gap, whatever the font', () => {
    const x = nodes(sweepHeatmapSpec(input)).find((n) => n.field === 'x0') as { axis: Record<string, unknown> };
    expect(x.axis).toMatchObject({ labelOverlap: 'greedy', labelSeparation: 6 });
  });

  it('cell edges fall on whole pixels (round scales), so a browser\'s canvas draws no pale seams between cells', () => {
    const spec = sweepHeatmapSpec(input);
    for (const field of ['x0', 'y0']) expect((nodes(spec).find((n) => n.field === field) as { scale: { round?: boolean } }).scale.round, field).toBe(true);
  });

  it('the contour keeps a smooth line: its own unrounded scales over the very domains of the cells', () => {
    const spec = sweepHeatmapSpec({ ...input, contour: 30.992 });
    const scaleOf = (field: string) => (nodes(spec).find((n) => n.field === field && n.scale !== undefined) as { scale: { round: boolean; domain: number[] } }).scale;
    for (const [cell, line] of [['x0', 'x'], ['y0', 'y']]) {
      expect(scaleOf(line).round).toBe(false);
      expect(scaleOf(line).domain).toEqual(scaleOf(cell).domain);
    }
  });
});

describe('ofStage', () => {
  it('names the stage in a title: of the last stage, of stage 3, at step 500 (the selector step:500 in words)', () => {
    expect(ofStage('last')).toBe('of the last stage');
    expect(ofStage('stage 3')).toBe('of stage 3');
    expect(ofStage('step:500')).toBe('at step 500');
  });
});

describe('sweepHeatmapSpec: grid labels, legend title and the step in the title', () => {
  // lr.max_lr=0.05:0.2:8: 0.05 + 0.15·i/7, so 0.0714286, 0.0928571, …; by hand at 3 digits: 0.05, 0.0714, 0.0929, 0.114, 0.136, 0.157, 0.179, 0.2.
  const x = Array.from({ length: 8 }, (_, i) => 0.05 + (0.15 * i) / 7);
  const y = [0.85, 0.9, 0.95];
  const spec = sweepHeatmapSpec({
    x: { path: 'lr.max_lr', values: x, log: false }, y: { path: 'momentum.momentum', values: y, log: false },
    metric: 'effectiveLearningRate', stage: 'step:3519', z: x.flatMap((a) => y.map((m) => a / (1 - m))),
  });

  it('an 8-value grid labels every value (or every other one) to at most 4 significant digits, all distinct; the legend title is whole; "at step 3519"', async () => {
    const svg = await svgOf(spec);
    const labels = svgTexts(svg, 'axis-label');
    const xLabels = labels.filter((l) => x.some((v) => Math.abs(Number(l) - v) < 0.005));
    const byHand = ['0.05', '0.0714', '0.0929', '0.114', '0.136', '0.157', '0.179', '0.2'];
    expect(byHand.filter((l) => labels.includes(l)).length).toBeGreaterThanOrEqual(4);
    for (const l of xLabels) expect(significantDigits(l)).toBeLessThanOrEqual(4);
    expect(new Set(xLabels).size).toBe(xLabels.length);
    // every value, or every other one (evenly thinned)
    const shown = byHand.map((l) => labels.includes(l));
    expect(shown.every(Boolean) || shown.every((s, i) => s === (i % 2 === 0))).toBe(true);
    const legendTitle = svgTexts(svg, 'legend-title').join(' ');
    expect(legendTitle).toBe('Effective learning rate α·|H(0)|');
    expect((spec.title as { text: string }).text).toMatch(/ at step 3519$/);
  });

  it('ofStage reads the selector step:S as words', () => {
    expect(ofStage('step:3519')).toBe('at step 3519');
    expect(ofStage('last')).toBe('of the last stage');
  });
});
