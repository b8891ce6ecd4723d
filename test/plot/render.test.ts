import { describe, expect, it } from 'vitest';
import { externalizeData } from '../../src/plot/externalize-data.js';
import { htmlPage } from '../../src/plot/html-page.js';
import { normalizeSvg } from '../../src/plot/normalize-svg.js';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { PLOT_KINDS } from '../../src/plot/plot-kind.js';
import { resolvePlotOptions, type ThemeName } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderPlots, targetNames } from '../../src/plot/render/render-plots.js';
import { renderPng } from '../../src/plot/render/render-png.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { staticSpec } from '../../src/plot/render/static-spec.js';
import { decodePng, nodes, schedulesOf, svgElements } from './support.js';
import type { TopLevelSpec } from '../../src/plot/specs/vega-lite-spec.js';

const SCHEDULES = schedulesOf(
  'schedules:\n' +
    '  - { name: fsgdm, steps: 117000, stages: 300, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n' +
    '  - { name: ema, steps: 117000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n',
);
const small = resolvePlotOptions({ frequencies: 64, mapBins: 60, mapRows: 24 });

describe('every figure compiles and renders', () => {
  for (const theme of ['light', 'dark'] as ThemeName[]) {
    it(`${theme}: vega-lite compiles every kind without warnings; vega renders SVG with the titles, marks and a <desc>`, async () => {
      const result = await renderPlots(SCHEDULES, { kinds: PLOT_KINDS, formats: ['svg'], plot: { ...small, theme } });
      expect(result.warnings).toEqual([]);
      expect(result.files.map((f) => f.name)).toEqual([
        ...['magnitude', 'phase', 'group-delay', 'bode', 'response-map', 'coefficients', 'metrics'].map((k) => `fsgdm-${k}.svg`),
        ...['magnitude', 'phase', 'group-delay', 'bode', 'response-map', 'coefficients', 'metrics'].map((k) => `ema-${k}.svg`),
        'compare.svg',
      ]);
      for (const file of result.files) {
        const svg = file.data as string;
        expect(svg, file.name).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
        expect(svg.endsWith('</svg>'), file.name).toBe(true);
        const { counts, texts } = svgElements(svg);
        expect(counts.get('path'), file.name).toBeGreaterThan(3);
        expect(counts.get('text'), file.name).toBeGreaterThan(5);
        expect(texts.some((t) => t === 'Training step' || t === 'Frequency ω (rad/sample)'), file.name).toBe(true);
        expect(texts, file.name).toContain(/<title>([^<]+)</.exec(svg)![1]);
        expect(svg, file.name).toContain(theme === 'dark' ? 'fill="#1e1e22"' : 'fill="#ffffff"');
        expect(svg, file.name).not.toMatch(/NaN|undefined|Infinity/);
      }
      const map = result.files.find((f) => f.name === 'fsgdm-response-map.svg')!.data as string;
      expect(map).toContain('>Response map: fsgdm</text>');
      expect(map).toContain('>Gain (dB)</text>');
      // The cells are one embedded image (test/plot/cell-raster.test.ts checks it against vega's rects).
      expect((map.match(/<image [^>]*xlink:href="data:image\/png;base64,/g) ?? []).length).toBe(1);
    });
  }

  it('SVG, vl.json and vg.json are byte-identical across runs (ids renumbered, coordinates rounded)', async () => {
    const a = await renderPlots(SCHEDULES, { kinds: PLOT_KINDS, formats: ['vl.json', 'vg.json', 'svg'], plot: small });
    const b = await renderPlots(SCHEDULES, { kinds: PLOT_KINDS, formats: ['vl.json', 'vg.json', 'svg'], plot: small });
    expect(b.files.map((f) => f.name)).toEqual(a.files.map((f) => f.name));
    b.files.forEach((f, i) => expect(f.data, f.name).toBe(a.files[i].data));
    const vl = JSON.parse(a.files.find((f) => f.name === 'fsgdm-magnitude.vl.json')!.data as string);
    expect(vl.$schema).toMatch(/vega-lite/);
    const vg = JSON.parse(a.files.find((f) => f.name === 'fsgdm-magnitude.vg.json')!.data as string);
    expect(vg.$schema).toMatch(/vega\/v/);
  });

  it('PNG: resvg rasterises the SVG at --png-scale; decoded, it is the right size and not blank', async () => {
    const [figure] = plotFigures(SCHEDULES.slice(0, 1), ['response-map'], small);
    const svg = await renderSvg((await compileVega(staticSpec(figure.spec))).spec);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = decodePng(await renderPng(svg, { scale: 2 }));
    expect([png.width, png.height]).toEqual([2 * width, 2 * height]);
    const px = png.rgba;
    let sum = 0;
    let sum2 = 0;
    let red = 0;
    let dark = 0;
    const n = png.width * png.height;
    for (let i = 0; i < n; i++) {
      const y = (px[4 * i] + px[4 * i + 1] + px[4 * i + 2]) / 3;
      sum += y;
      sum2 += y * y;
      if (px[4 * i] > 150 && px[4 * i + 2] < 90) red++; // amplified cells (FSGDM gains up to +30 dB)
      if (y < 80) dark++; // text
    }
    const variance = sum2 / n - (sum / n) ** 2;
    expect(variance).toBeGreaterThan(500);
    expect(red / n).toBeGreaterThan(0.05);
    expect(dark).toBeGreaterThan(500);
    expect(px[3]).toBe(255); // opaque background, not transparent
  });
});

describe('render helpers', () => {
  it('normalizeSvg renumbers ids in order with their references, rounds path data, writes colours in hex', () => {
    const raw =
      '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_12"/></defs>' +
      '<g clip-path="url(#clip7)"><path d="M0.123456,1e-9L2.5,3.14159" transform="translate(1.23456,2)" fill="url(#gradient_12)" stroke="rgb(255, 0, 16)"/>' +
      '<text>c = 0.033333</text></g></svg>';
    expect(normalizeSvg(raw)).toBe(
      '<svg><defs><clipPath id="clip_1"><rect/></clipPath><linearGradient id="gradient_1"/></defs>' +
        '<g clip-path="url(#clip_1)"><path d="M0.12,0L2.5,3.14" transform="translate(1.23,2)" fill="url(#gradient_1)" stroke="#ff0010"/>' +
        '<text>c = 0.033333</text></g></svg>',
    );
  });

  it('staticSpec drops tooltips, per-mark ARIA and the lookups only tooltips used; keeps data and the description', () => {
    const [figure] = plotFigures(SCHEDULES.slice(0, 1), ['magnitude'], { ...small, interactive: true });
    const s = staticSpec(figure.spec);
    expect(nodes(figure.spec).some((n) => 'tooltip' in n)).toBe(true);
    expect(nodes(s).some((n) => 'tooltip' in n)).toBe(false);
    expect(nodes(s).filter((n) => 'mark' in n).every((n) => (n.mark as { aria: boolean }).aria === false)).toBe(true);
    expect(s.datasets).toBe(figure.spec.datasets);
    // the joins that fed the tooltips (faded curves, highlighted curve) go too
    const lookups = (spec: unknown): number => nodes(spec).filter((n) => 'lookup' in n).length;
    expect(lookups(figure.spec)).toBe(2);
    expect(lookups(s)).toBe(0);
    expect(s.description).toBe(figure.spec.description);
  });

  it('externalizeData moves datasets to a file and points every named data at it', () => {
    const spec: TopLevelSpec = {
      datasets: { a: [{ x: 1 }], b: [] },
      layer: [
        { data: { name: 'a' }, mark: 'point' },
        { data: { name: 'b' }, transform: [{ lookup: 'k', from: { data: { name: 'a' }, key: 'k' } }], mark: 'point' },
      ],
    };
    const { spec: out, data } = externalizeData(spec, 'fig.data.json');
    expect(data).toEqual({ a: [{ x: 1 }], b: [] });
    expect(out).toEqual({
      layer: [
        { data: { url: 'fig.data.json', format: { type: 'json', property: 'a' } }, mark: 'point' },
        { data: { url: 'fig.data.json', format: { type: 'json', property: 'b' } }, transform: [{ lookup: 'k', from: { data: { url: 'fig.data.json', format: { type: 'json', property: 'a' } }, key: 'k' } }], mark: 'point' },
      ],
    });
  });

  it('targetNames: -o names a single file; several become <stem>-<kind>, without the lone schedule name', () => {
    expect(targetNames(['s-magnitude.svg'], 's', 'out/fig.svg')).toEqual(['out/fig.svg']);
    expect(targetNames(['s-magnitude.svg', 's-phase.svg', 'compare.svg'], 's', 'fig.svg')).toEqual(['fig-magnitude.svg', 'fig-phase.svg', 'fig-compare.svg']);
    expect(targetNames(['a-magnitude.vl.json', 'b-magnitude.vl.json'], null, 'x.vl.json')).toEqual(['x-a-magnitude.vl.json', 'x-b-magnitude.vl.json']);
    expect(targetNames(['a.svg'], 'a', undefined)).toEqual(['a.svg']);
  });

  it('htmlPage escapes text and JSON so no figure can close the <script> element', () => {
    const html = htmlPage({
      title: 'a <b> & "c"',
      subtitle: 's',
      theme: 'light',
      figures: [{ id: 'f', heading: 'H', description: 'D', spec: { description: '</script><script>alert(1)</script>', data: { values: [] }, mark: 'point' } }],
      scripts: [['lib.js', 'var s = "</script>";']],
    });
    expect(html).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('var s = "<\\/script>";');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    expect(html.match(/<\/script>/g)).toHaveLength(3); // the library, the JSON, the bootstrap
  });
});
