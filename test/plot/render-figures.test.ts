import { describe, expect, it } from 'vitest';
import { PLOT_FORMATS } from '../../src/plot/plot-format.js';
import { renderFigures, type Figure } from '../../src/plot/render/render-figures.js';
import { renderPng } from '../../src/plot/render/render-png.js';
import type { VegaLiteSpec } from '../../src/plot/specs/vega-lite-spec.js';
import { decodePng, svgElements } from './support.js';

// A hand-made figure: three points on a line, with a tooltip that a picture cannot show.
const SPEC: VegaLiteSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: { text: 'Three points & a <line>' },
  description: 'y = 2x at x = 0, 1, 2.',
  width: 120,
  height: 80,
  data: { values: [{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 4 }] },
  mark: { type: 'line' },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, tooltip: [{ field: 'y', type: 'quantitative' }] },
};
const figure: Figure = { id: 'line', spec: SPEC };
const page = { title: 'A page', subtitle: 'written by a test', theme: 'light' as const };

describe('renderFigures', () => {
  it('renders one figure in every format, in the targets\' order, without warnings', async () => {
    const targets = PLOT_FORMATS.map((format) => ({ name: `line.${format}`, format, figures: [figure] }));
    const { files, warnings } = await renderFigures(targets, { page, png: { scale: 2 } });
    expect(warnings).toEqual([]);
    expect(files.map((f) => [f.name, f.format])).toEqual(PLOT_FORMATS.map((f) => [`line.${f}`, f]));
    const byFormat = new Map(files.map((f) => [f.format, f.data]));

    // vl.json: the spec itself; vg.json: the spec compiled to Vega.
    expect(JSON.parse(byFormat.get('vl.json') as string)).toEqual(SPEC);
    const vg = JSON.parse(byFormat.get('vg.json') as string);
    expect(vg.$schema).toMatch(/vega\/v\d+\.json$/);
    expect(vg.marks.length).toBeGreaterThan(0);

    // svg: the static figure (no tooltip, no per-mark ARIA), with the spec's title and description first.
    const svg = byFormat.get('svg') as string;
    expect(svg).toMatch(/^<svg [^>]*><title>Three points &amp; a &lt;line&gt;<\/title><desc>y = 2x at x = 0, 1, 2\.<\/desc>/);
    expect(svg).not.toContain('line mark'); // the mark's ARIA description, dropped with the tooltip
    const { counts, texts } = svgElements(svg);
    expect(counts.get('path')).toBeGreaterThan(3);
    expect(texts.some((t) => t.startsWith('Three points'))).toBe(true);

    // png: that SVG at scale 2.
    const png = decodePng(byFormat.get('png') as Uint8Array);
    expect([png.width, png.height]).toEqual([2 * Number(/width="(\d+)"/.exec(svg)![1]), 2 * Number(/height="(\d+)"/.exec(svg)![1])]);
    expect(svgElements(svg).counts.get('title')).toBe(1);

    // html: the interactive page with the spec as given (tooltips kept) and the page's title.
    const html = byFormat.get('html') as string;
    expect(html).toContain('<title>A page</title>');
    expect(html).toContain('written by a test');
    expect(html).toContain('"tooltip"');
  });

  it('renders a figure wanted as svg and png once: the png is the svg rasterised', async () => {
    const { files } = await renderFigures([
      { name: 'a.svg', format: 'svg', figures: [figure] },
      { name: 'a.png', format: 'png', figures: [figure] },
    ]);
    const again = await renderFigures([{ name: 'b.svg', format: 'svg', figures: [figure] }]);
    expect(files[0].data).toBe(again.files[0].data);
    expect(files[1].data).toEqual(await renderPng(files[0].data as string));
  });

  it('vl.json with dataFile puts the data beside the spec', async () => {
    const named: Figure = { id: 'named', spec: { ...SPEC, data: { name: 'points' }, datasets: { points: [{ x: 0, y: 1 }] } } as VegaLiteSpec };
    const { files } = await renderFigures([{ name: 'out/n.vl.json', format: 'vl.json', figures: [named] }], { dataFile: true });
    expect(files.map((f) => [f.name, f.format])).toEqual([['out/n.vl.json', 'vl.json'], ['out/n.data.json', 'data']]);
    expect(JSON.parse(files[1].data as string)).toEqual({ points: [{ x: 0, y: 1 }] });
    expect(JSON.parse(files[0].data as string).datasets).toBeUndefined();
  });

  it('refuses an html target without a page', async () => {
    await expect(renderFigures([{ name: 'p.html', format: 'html', figures: [figure] }])).rejects.toThrow(/needs options.page/);
  });
});
