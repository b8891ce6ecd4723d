import { describe, expect, it } from 'vitest';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { resolvePlotOptions, type PlotOptions } from '../../src/plot/plot-options.js';
import { parseColour, withCellImage } from '../../src/plot/render/cell-raster.js';
import { compileVega, type VegaSpec } from '../../src/plot/render/compile-vega.js';
import { renderPng } from '../../src/plot/render/render-png.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { staticSpec } from '../../src/plot/render/static-spec.js';
import { decodePng, schedulesOf } from './support.js';

const SCHEDULES = schedulesOf(
  'schedules:\n' +
    '  - { name: fsgdm, steps: 117000, stages: 300, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n' +
    '  - { name: nesterov, steps: 5000, stages: 7, momentum: { preset: nesterov, momentum: 0.9 } }\n' +
    '  - { name: high-pass, steps: 1000, stages: 4, momentum: { u: [-0.9, -0.5, 0.5, 0.9], v: 1 } }\n',
);

async function mapSpec(index: number, options: Partial<PlotOptions>): Promise<VegaSpec> {
  const [figure] = plotFigures([SCHEDULES[index]], ['response-map'], { ...resolvePlotOptions(options), interactive: false });
  return (await compileVega(staticSpec(figure.spec))).spec;
}

/** Largest difference of any channel of any pixel between two PNGs of the same size. */
function maxPixelDifference(a: Uint8Array, b: Uint8Array): number {
  const pa = decodePng(a);
  const pb = decodePng(b);
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  let max = 0;
  for (let i = 0; i < pa.rgba.length; i++) max = Math.max(max, Math.abs(pa.rgba[i] - pb.rgba[i]));
  return max;
}

describe('response-map cells drawn as one image', () => {
  // The reference is vega's own drawing of the cells (one rect each), rasterised by resvg: the painted
  // image must give the same picture at any zoom, cell edges included.
  const cases: [string, number, Partial<PlotOptions>][] = [
    ['FSGDM, 300 stages merged into 60 columns, log axis', 0, { mapBins: 60, mapRows: 24 }],
    ['FSGDM, default size (301 columns × 120 rows)', 0, {}],
    ['Nesterov (a filter bank), 7 stages, linear axis, dark theme', 1, { frequencyScale: 'linear', theme: 'dark', mapRows: 50 }],
    ['high-pass and low-pass stages, period axis, odd size', 2, { frequencyUnit: 'period', width: 333, height: 187, mapRows: 37 }],
  ];
  for (const [name, index, options] of cases) {
    it(`${name}: same pixels as vega's rect cells at zoom 1 and 2`, async () => {
      const spec = await mapSpec(index, options);
      const cells = await renderSvg(spec);
      const image = await renderSvg(spec, undefined, undefined, { cellImage: true });
      expect((image.match(/<image /g) ?? []).length).toBe(1);
      expect(image).toMatch(/xlink:href="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
      expect(image).not.toContain('class="mark-rect role-mark marks"');
      expect(cells).toContain('class="mark-rect role-mark marks"');
      expect(image.length).toBeLessThan(cells.length);
      for (const scale of [1, 2]) {
        // ≤ 1/255 per channel: resvg composites an image and a filled path with different rounding.
        expect(maxPixelDifference(await renderPng(cells, { scale }), await renderPng(image, { scale })), `zoom ${scale}`).toBeLessThanOrEqual(1);
      }
    });
  }

  it('the embedded image is the plot area: width × height pixels, opaque where cells are', async () => {
    const spec = await mapSpec(0, { mapBins: 60, mapRows: 24, width: 300, height: 120 });
    const svg = await renderSvg(spec, undefined, undefined, { cellImage: true });
    const base64 = /xlink:href="data:image\/png;base64,([^"]+)"/.exec(svg)![1];
    const png = decodePng(Buffer.from(base64, 'base64'));
    expect([png.width, png.height]).toEqual([300, 120]);
    for (let i = 3; i < png.rgba.length; i += 4) expect(png.rgba[i]).toBe(255);
    expect(svg).toMatch(/<image [^>]*width="300" height="120"/);
  });

  it('the same figure gives the same bytes', async () => {
    const spec = await mapSpec(0, { mapBins: 60, mapRows: 24 });
    const a = await renderSvg(spec, undefined, undefined, { cellImage: true });
    const b = await renderSvg(spec, undefined, undefined, { cellImage: true });
    expect(b).toBe(a);
  });

  it('refuses a spec without exactly one cell mark', async () => {
    const [figure] = plotFigures([SCHEDULES[0]], ['magnitude'], { ...resolvePlotOptions(), interactive: false });
    const spec = (await compileVega(staticSpec(figure.spec))).spec;
    expect(() => withCellImage(spec)).toThrow(/expected one heatmap cell mark, found 0/);
  });

  it('parseColour reads what vega colour scales return', () => {
    expect(Array.from(parseColour('rgb(103, 0, 31)'))).toEqual([103, 0, 31, 255]);
    expect(Array.from(parseColour('#f2efee'))).toEqual([242, 239, 238, 255]);
    expect(Array.from(parseColour('rgba(10, 20, 30, 0.5)'))).toEqual([10, 20, 30, 128]);
    expect(() => parseColour('steelblue')).toThrow(/cannot paint colour steelblue/);
  });
});
