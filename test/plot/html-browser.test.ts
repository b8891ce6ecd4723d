/// <reference lib="dom" />
// The page functions run in the browser, so this file type-checks against the DOM too.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderPlots } from '../../src/plot/render/render-plots.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { staticSpec } from '../../src/plot/render/static-spec.js';
import { decodePng, scheduleOf } from './support.js';

/** Debian's chromium (installed by .ci/run); playwright-core drives it, no browser download. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(CHROMIUM)) console.warn(`test/plot/html-browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))('the HTML page in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-html-'));
  type Context = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;
  let context: Context;
  const problems: string[] = [];
  let pageUrl = '';

  beforeAll(async () => {
    const schedule = scheduleOf('name: fsgdm\nsteps: 117000\nstages: 300\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n');
    const { files } = await renderPlots([schedule], {
      kinds: ['magnitude', 'response-map', 'coefficients'],
      formats: ['html'],
      plot: resolvePlotOptions({ mapBins: 100, mapRows: 40 }),
    });
    expect(files.map((f) => f.name)).toEqual(['fsgdm.html']);
    const html = files[0].data as string;
    expect(/<script[^>]+src=|<link[^>]+href=/.test(html), 'no external script or stylesheet').toBe(false);
    writeFileSync(join(dir, 'fsgdm.html'), html);
    pageUrl = pathToFileURL(join(dir, 'fsgdm.html')).href;
    const { chromium } = await import('playwright-core');
    // A fresh profile each run: no state from an earlier run, nothing written to $HOME.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads offline without console errors, renders every figure, and the slider moves the highlighted curve', async () => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 45_000 });
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');

    // Every figure drew marks: a canvas per figure, and the views hold their items.
    const drawn = await page.evaluate(() => {
      const w = window as unknown as { momentumFr: { views: Record<string, { scenegraph(): { root: unknown } }> } };
      const count = (node: { marktype?: string; items?: { items?: unknown[] }[] }, out: Record<string, number>): Record<string, number> => {
        if (node.marktype) out[node.marktype] = (out[node.marktype] ?? 0) + (node.items?.length ?? 0);
        for (const item of node.items ?? []) for (const child of (item.items ?? []) as never[]) count(child, out);
        return out;
      };
      return {
        canvases: Array.from(document.querySelectorAll('.figure canvas')).map((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]),
        marks: Object.fromEntries(Object.entries(w.momentumFr.views).map(([id, v]) => [id, count(v.scenegraph().root as never, {})])),
      };
    });
    expect(drawn.canvases).toHaveLength(3);
    for (const [width, height] of drawn.canvases) expect(width * height).toBeGreaterThan(100_000);
    expect(Object.keys(drawn.marks)).toEqual(['fsgdm-magnitude', 'fsgdm-response-map', 'fsgdm-coefficients']);
    expect(drawn.marks['fsgdm-magnitude'].line).toBeGreaterThan(41 * 100); // 41 faded curves + the highlight
    expect(drawn.marks['fsgdm-response-map'].rect).toBeGreaterThanOrEqual(100 * 40);

    /** The highlighted curve's points (pixels) and its label, read from the scenegraph. */
    const highlighted = () =>
      page.evaluate(() => {
        const w = window as unknown as { momentumFr: { views: Record<string, { scenegraph(): { root: unknown }; signal(name: string): number }> } };
        const view = w.momentumFr.views['fsgdm-magnitude'];
        let points: number[] = [];
        let label = '';
        const walk = (node: { name?: string; marktype?: string; items?: { x?: number; y?: number; text?: string; items?: unknown[] }[] }): void => {
          if (node.name === 'highlight_marks') points = (node.items ?? []).map((i) => i.y ?? NaN);
          if (node.name === 'highlightLabel_marks') label = String(node.items?.[0]?.text ?? '');
          for (const item of node.items ?? []) for (const child of (item.items ?? []) as never[]) walk(child);
        };
        walk(view.scenegraph().root as never);
        return { stage: view.signal('highlightedStage'), points, label };
      });

    const before = await highlighted();
    expect(before.stage).toBe(300);
    expect(before.label).toMatch(/^stage 300 \(steps 117000–117000\): u = 0\.968/);
    expect(before.points.length).toBeGreaterThan(100);

    // Move the range input as a user would: set its value and fire 'input' (what dragging does).
    const slider = page.locator('#fsgdm-magnitude input[type="range"]');
    await expect(slider.count()).resolves.toBe(1);
    // The slider steps through the 41 drawn curves: position 4 of 0 … 40.
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = '4';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => {
      const w = window as unknown as { momentumFr: { views: Record<string, { signal(name: string): number }> } };
      return w.momentumFr.views['fsgdm-magnitude'].signal('highlightedStage') < 300;
    });
    await page.evaluate(() => (window as unknown as { momentumFr: { views: Record<string, { runAsync(): Promise<unknown> }> } }).momentumFr.views['fsgdm-magnitude'].runAsync().then(() => null));
    const after = await highlighted();
    expect(after.stage).toBeLessThan(40);
    expect(after.label).toMatch(new RegExp(`^stage ${after.stage} \\(steps `));
    expect(after.points).toHaveLength(before.points.length);
    // An earlier stage has less DC gain: its curve lies lower on the plot (larger y in pixels).
    expect(after.points[0]).toBeGreaterThan(before.points[0] + 20);
    expect(problems).toEqual([]);
  });

  it('wherever the slider is, the number beside it, the highlighted curve and the annotation name the same drawn stage', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 45_000 });
    type Shown = { label: string; curveStages: number[]; annotation: string; drawn: number[] };
    /** Moves the slider as a user would (set the value, fire 'input'), then reads what the page shows. */
    const showAt = (value: number | null): Promise<Shown> =>
      page.evaluate(async (value) => {
        type Node = { name?: string; items?: { datum?: { stage?: number }; text?: string; items?: unknown[] }[] };
        const w = window as unknown as { momentumFr: { views: Record<string, { scenegraph(): { root: unknown }; runAsync(): Promise<unknown>; data(name: string): { stage: number }[] }> } };
        const view = w.momentumFr.views['fsgdm-magnitude'];
        const input = document.querySelector('#fsgdm-magnitude input[type="range"]') as HTMLInputElement;
        if (value !== null) {
          input.value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        await view.runAsync();
        await new Promise((resolve) => setTimeout(resolve, 0));
        let curveStages: number[] = [];
        let annotation = '';
        const walk = (node: Node): void => {
          if (node.name === 'highlight_marks') curveStages = (node.items ?? []).map((i) => i.datum?.stage ?? NaN);
          if (node.name === 'highlightLabel_marks') annotation = String(node.items?.[0]?.text ?? '');
          for (const item of node.items ?? []) for (const child of (item.items ?? []) as Node[]) walk(child);
        };
        walk(view.scenegraph().root as Node);
        return { label: input.nextElementSibling?.textContent ?? '', curveStages, annotation, drawn: view.data('curveStages').map((r) => r.stage) };
      }, value);

    const input = page.locator('#fsgdm-magnitude input[type="range"]');
    const [min, max] = [Number(await input.getAttribute('min')), Number(await input.getAttribute('max'))];
    const initial = await showAt(null);
    const drawn = initial.drawn;
    expect(drawn.length).toBeGreaterThan(30);
    for (const value of [null, min, min + 1, min + 5, Math.round((min + max) / 2), max - 1, max]) {
      const shown = value === null ? initial : await showAt(value);
      const stage = Number(shown.label);
      expect(drawn, `slider at ${value}: the label says stage ${shown.label}, which is not drawn`).toContain(stage);
      expect(new Set(shown.curveStages), `slider at ${value}: label ${shown.label}`).toEqual(new Set([stage]));
      expect(shown.annotation, `slider at ${value}`).toMatch(new RegExp(`^stage ${stage} \\(steps `));
    }
    // The slider reaches every drawn stage, first and last included.
    expect(max - min + 1).toBe(drawn.length);
    expect(Number((await showAt(min)).label)).toBe(drawn[0]);
    expect(Number((await showAt(max)).label)).toBe(drawn.at(-1));
    expect(initial.label).toBe(String(drawn.at(-1)));
  });

  it('the response-map SVG (cells as one image) looks the same as vega\'s rect cells at 2× zoom: the image is not smoothed', async () => {
    // High-contrast cells (high-pass next to low-pass stages): any smoothing of the image shows.
    const schedule = scheduleOf('name: hp\nsteps: 1000\nstages: 4\nmomentum: { u: [-0.9, -0.5, 0.5, 0.9], v: 1 }\n');
    const [figure] = plotFigures([schedule], ['response-map'], { ...resolvePlotOptions({ width: 333, height: 187, mapRows: 37 }), interactive: false });
    const spec = (await compileVega(staticSpec(figure.spec))).spec;
    const page = await context.newPage();
    await page.setViewportSize({ width: 1300, height: 800 });
    const shot = async (svg: string): Promise<Uint8Array> => {
      await page.setContent(`<html><body style="margin:0"><div style="zoom: 2">${svg}</div></body></html>`);
      return page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 760 } });
    };
    const cells = decodePng(await shot(await renderSvg(spec)));
    const image = decodePng(await shot(await renderSvg(spec, undefined, undefined, { cellImage: true })));
    expect([cells.width, image.width]).toEqual([1200, 1200]);
    let max = 0;
    for (let i = 0; i < cells.rgba.length; i++) max = Math.max(max, Math.abs(cells.rgba[i] - image.rgba[i]));
    expect(max).toBeLessThanOrEqual(2);
  });
});
