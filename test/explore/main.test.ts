/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page of `momentum-fr explore` (src/explore/page/main.ts) in Debian's chromium, offline: every
// request that is not the page's own file is aborted and counted. The numbers it shows are checked
// against `analyze` run in process and against the closed form of FSGDM's last stage.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exploreHtml } from '../../src/explore/explore-html.js';
import { exploreView } from '../../src/explore/explore-view.js';
import { pageScript } from '../../src/explore/serve/page-script.js';
import { RELOAD_PATH, servePage } from '../../src/explore/serve/serve-page.js';
import { runCli } from '../support/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FSGDM = 'configs/fsgdm-cifar100.yaml';
const COMPARE = 'configs/compare-ema-standard-fsgdm.yaml';

if (!existsSync(CHROMIUM)) console.warn(`test/explore/main.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

type Context = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launchPersistentContext']>>;
type Page = Awaited<ReturnType<Context['newPage']>>;

describe.skipIf(!existsSync(CHROMIUM))('momentum-fr explore: the page in headless Chromium, offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-explore-'));
  let context: Context;
  const problems: string[] = [];
  const urls = { fsgdm: '', compare: '', served: '' };

  beforeAll(async () => {
    for (const [key, config] of [['fsgdm', FSGDM], ['compare', COMPARE]] as const) {
      const out = join(dir, `${key}.html`);
      const r = await runCli(['explore', config, '-o', out]);
      expect(r.stderr).toBe(`wrote ${out}\n`);
      expect(r.code).toBe(0);
      urls[key] = pathToFileURL(out).href;
    }
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
    // Nothing but the page's own file may load: everything else is aborted, and counted as a problem.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === urls.fsgdm.split('#')[0] || url === urls.compare.split('#')[0] || url.startsWith(`${urls.fsgdm}#`) || url.startsWith(`${urls.compare}#`)) return route.continue();
      if (extraPages.has(url)) return route.continue();
      if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      // The served page and its event stream (the one test that serves it).
      if (urls.served !== '' && url.startsWith(urls.served)) return route.continue();
      problems.push(`request: ${url}`);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A new tab on the page, with console errors, page errors and requests recorded as problems. */
  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      const own = r.url().startsWith('file:') || r.url().startsWith('data:') || r.url().startsWith('blob:') || (urls.served !== '' && r.url().startsWith(urls.served));
      if (!own) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    return page;
  }

  /** The page of another config, written by `explore` and opened (its file allowed through the route). */
  const extraPages = new Set<string>();
  async function openConfig(config: string): Promise<Page> {
    const out = join(dir, `${config.replace(/\W/g, '_')}.html`);
    expect((await runCli(['explore', config, '-o', out])).code).toBe(0);
    extraPages.add(pathToFileURL(out).href);
    return open(pathToFileURL(out).href);
  }

  /** Waits for the recompute the last input started, then reads a cell of the summary table. */
  async function settled(page: Page): Promise<void> {
    await page.evaluate(() => (window as unknown as { momentumFrExplore: { ready: Promise<void> } }).momentumFrExplore.ready);
  }
  /** The YAML pane's text, as its editor holds it. */
  const editorText = (page: Page) => page.evaluate(() => (window as unknown as { momentumFrExplore: { editorText(): string } }).momentumFrExplore.editorText());
  /** A cell of the summary table: a number with all its digits (data-value, as analyze's JSON writes it), else its text. */
  const cell = async (page: Page, schedule: string, key: string) => {
    const td = page.locator(`#summary td[data-schedule="${schedule}"][data-key="${key}"]`);
    return (await td.getAttribute('data-value')) ?? (await td.textContent());
  };
  /** The cell's text as shown (analyze's terminal-table digits for a number). */
  const shown = (page: Page, schedule: string, key: string) => page.locator(`#summary td[data-schedule="${schedule}"][data-key="${key}"]`).textContent();
  /** Moves the position slider as a user's input does (0 … 1000). */
  async function moveTo(page: Page, at: number): Promise<void> {
    await page.locator('#position').evaluate((el: HTMLInputElement, value) => {
      el.value = String(value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, at);
    await settled(page);
  }

  /** `analyze --set momentum.c=C --stages last --format json`, in process: the last stage's DC gain as JSON wrote it. */
  async function analyzeDcGain(c: string): Promise<string> {
    const r = await runCli(['analyze', FSGDM, '--set', `momentum.c=${c}`, '--stages', 'last', '--format', 'json', '--no-response']);
    expect(r.code, r.stderr).toBe(0);
    const dcGain = /"dcGain":([-0-9.e+]+)/.exec(r.stdout)?.[1];
    expect(JSON.parse(r.stdout).schedules[0].stages[0].metrics.dcGain).toBe(Number(dcGain));
    return dcGain!;
  }

  /** Where two JSON values differ (numbers within 1e-12 relative), or undefined: no deep diff of 12 MB. */
  function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
    if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) ? undefined : `${path}: ${a} vs ${b}`;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join()) return `${path}: keys ${keys.join()} vs ${Object.keys(b).join()}`;
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }

  it('is one file under 3 MB with no external script, style or font', () => {
    const html = readFileSync(new URL(urls.fsgdm), 'utf8');
    expect(statSync(new URL(urls.fsgdm)).size).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(/<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?https?:/i.test(html)).toBe(false);
  });

  it('shows the final DC gain analyze prints, and moving the c slider with the keyboard shows analyze\'s number for the new c', async () => {
    const page = await open(urls.fsgdm);
    // Before: c = 0.033 as in the file.
    expect(await cell(page, 'fsgdm-cifar100', 'final.dcGain')).toBe(await analyzeDcGain('0.033'));

    const slider = page.locator('input[type="range"][data-key="c"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    const c = await page.locator('input[type="number"][data-key="c"]').inputValue();
    expect(Number(c)).toBeGreaterThan(0.033);
    expect(await editorText(page)).toContain(`c: ${c}\n`);
    const shown = (await cell(page, 'fsgdm-cifar100', 'final.dcGain'))!;
    expect(shown).toBe(await analyzeDcGain(c));
    // Independent of both: the last stage starts at S = Σ, so u = Σ/(Σ + cΣ) and DC gain v/(1 − u) = 1 + 1/c.
    expect(Number(shown)).toBeCloseTo(1 + 1 / Number(c), 9);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('typing a value into the number box recomputes as the slider does', async () => {
    const page = await open(urls.fsgdm);
    await page.locator('input[type="number"][data-key="c"]').fill('0.05');
    await page.locator('input[type="number"][data-key="c"]').press('Enter');
    await page.locator('input[type="number"][data-key="c"]').blur();
    await settled(page);
    expect(await cell(page, 'fsgdm-cifar100', 'final.dcGain')).toBe(await analyzeDcGain('0.05'));
    expect(Number(await page.locator('input[type="range"][data-key="c"]').inputValue())).toBeGreaterThan(500);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an invalid value typed in the YAML shows the located message validate prints for that text, in the pane at its line; undo clears it', async () => {
    const page = await open(urls.fsgdm);
    const original = readFileSync(FSGDM, 'utf8');
    const text = original.replace('c: 0.033', 'c: -0.5');
    // Typed as a user types: the cursor put after `0.033` by a click, five Backspaces, then the keys.
    const line = original.split('\n').findIndex((l) => l.includes('c: 0.033'));
    const target = page.locator('#yaml .cm-line').nth(line);
    await target.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('-0.5');
    await settled(page);
    expect(await editorText(page)).toBe(text);
    // validate, in process, on the same text at the same path (relative to its working directory).
    const cwd = join(dir, 'validate');
    mkdirSync(join(cwd, 'configs'), { recursive: true });
    writeFileSync(join(cwd, FSGDM), text);
    const validate = await runCli(['validate', FSGDM], { cwd });
    expect(validate.code).toBe(2);
    const message = validate.stderr.split('\n').find((l) => l.startsWith(`${FSGDM}:`))!;
    expect(message).toMatch(/^configs\/fsgdm-cifar100\.yaml:\d+:\d+: momentum\.c: /);
    expect(await page.locator('#issues').textContent()).toBe(message);
    // In the pane: an error marker in the gutter beside the line number validate names, and the
    // text from validate's column underlined.
    const [, at, column] = /^[^:]+:(\d+):(\d+):/.exec(message)!;
    const marker = await page.locator('#yaml .cm-lint-marker-error').boundingBox();
    const numbers = await page.locator('#yaml .cm-lineNumbers .cm-gutterElement').evaluateAll((els) => els.map((e) => ({ text: e.textContent, top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom })));
    const beside = numbers.filter((n) => n.top <= marker!.y + marker!.height / 2 && marker!.y + marker!.height / 2 <= n.bottom);
    expect(beside.map((n) => n.text)).toEqual([at]);
    expect(await page.locator('#yaml .cm-lintRange-error').allTextContents()).toEqual([text.split('\n')[Number(at) - 1].slice(Number(column) - 1)]);
    // Undo (Ctrl+Z, the editor's history) restores the file's text and clears the message.
    for (let i = 0; i < 9 && (await editorText(page)) !== original; i++) await page.keyboard.press('Control+z');
    await settled(page);
    expect(await editorText(page)).toBe(original);
    expect(await page.locator('#issues').textContent()).toBe('');
    expect(await page.locator('#yaml .cm-lint-marker-error').count()).toBe(0);
    // Keyboard users: the editor is labelled by its heading, and Tab leaves it (it does not insert a tab).
    expect(await page.locator('#yaml .cm-content').getAttribute('aria-labelledby')).toBe('yaml-label');
    expect(await page.locator('#yaml-label').textContent()).toBe('Config (YAML)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#yaml') === null)).toBe(true);
    expect(await editorText(page)).toBe(original);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a reload from the URL hash shows the same view: text, figure, position and numbers', async () => {
    const page = await open(urls.compare);
    await page.locator('#figure-kind').selectOption('group-delay');
    await page.locator('#position').evaluate((el: HTMLInputElement) => {
      el.value = '250';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('input[type="number"][data-key="beta"][data-schedule="standard-sgdm-0.9"]').fill('0.95');
    await page.locator('input[type="number"][data-key="beta"][data-schedule="standard-sgdm-0.9"]').blur();
    await settled(page);
    const read = (p: Page) =>
      p.evaluate(() => ({
        yaml: (window as unknown as { momentumFrExplore: { editorText(): string } }).momentumFrExplore.editorText(),
        figure: (document.getElementById('figure-kind') as HTMLSelectElement).value,
        position: (document.getElementById('position') as HTMLInputElement).value,
        summary: document.getElementById('summary')!.textContent,
        figures: [...document.querySelectorAll('#figures > section')].map((s) => s.id),
      }));
    const before = await read(page);
    expect(before.figure).toBe('group-delay');
    expect(before.yaml).toContain('momentum: { preset: standard-sgdm, beta: 0.95 }');
    expect(before.figures).toEqual(['figure-compare', 'figure-ema-sgdm-0.9-group-delay', 'figure-standard-sgdm-0.9-group-delay', 'figure-fsgdm-group-delay']);
    // Standard SGDM's DC gain is 1/(1 − β): 20 at β = 0.95 (closed form).
    expect(Number(await cell(page, 'standard-sgdm-0.9', 'final.dcGain'))).toBeCloseTo(20, 12);
    const url = page.url();
    expect(url).toMatch(/#./);
    const again = await open(url);
    expect(await read(again)).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
    await again.close();
  });

  it('downloads the YAML as edited, the records analyze writes, and a figure as vega draws it (SVG, PNG)', async () => {
    const page = await open(urls.fsgdm);
    await page.locator('input[type="number"][data-key="c"]').fill('0.05');
    await page.locator('input[type="number"][data-key="c"]').blur();
    await settled(page);
    const download = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const yaml = await download('#download-yaml');
    expect(yaml.name).toBe('fsgdm-cifar100.yaml');
    expect(yaml.bytes.toString('utf8')).toBe(readFileSync(FSGDM, 'utf8').replace('c: 0.033', 'c: 0.05'));
    const records = await download('#download-json');
    expect(records.name).toBe('fsgdm-cifar100.json');
    const cli = await runCli(['analyze', FSGDM, '--set', 'momentum.c=0.05', '--format', 'json']);
    // The same document; numbers within 1e-12 relative: the page's V8 is not Node.js's, and a
    // transcendental function (atan2, log10) may round its last bit differently.
    expect(firstDifference(JSON.parse(records.bytes.toString('utf8')), JSON.parse(cli.stdout))).toBeUndefined();
    const svg = await download('#figure-fsgdm-cifar100-magnitude button[data-format="svg"]');
    expect(svg.name).toBe('fsgdm-cifar100-magnitude.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.slice(0, 200)).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svgText).toContain('Magnitude response');
    const png = await download('#figure-fsgdm-cifar100-magnitude button[data-format="png"]');
    expect(png.name).toBe('fsgdm-cifar100-magnitude.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('served (--serve), the page follows a config file saved on disk: new numbers, the same figure', async () => {
    const file = join(dir, 'served.yaml');
    writeFileSync(file, readFileSync(FSGDM, 'utf8'));
    const sources = async () => [{ label: 'served.yaml', text: readFileSync(file, 'utf8') }];
    const served = await servePage({ html: exploreHtml({ title: 't', subtitle: 's', sources: await sources(), script: await pageScript(), reloadPath: RELOAD_PATH }), port: 0, watch: [file], sources });
    urls.served = served.url;
    try {
      const page = await open(served.url);
      // The event stream is open: a save from now on reaches the page.
      await page.waitForFunction(() => document.body.dataset.live === 'true', null, { timeout: 30_000 });
      await page.locator('#figure-kind').selectOption('phase');
      await settled(page);
      expect(await cell(page, 'fsgdm-cifar100', 'final.dcGain')).toBe(await analyzeDcGain('0.033'));
      writeFileSync(file, readFileSync(FSGDM, 'utf8').replace('c: 0.033', 'c: 0.02'));
      await page.waitForFunction(() => (window as unknown as { momentumFrExplore: { editorText(): string } }).momentumFrExplore.editorText().includes('c: 0.02'), null, { timeout: 30_000 });
      await settled(page);
      expect(await cell(page, 'fsgdm-cifar100', 'final.dcGain')).toBe(await analyzeDcGain('0.02'));
      expect(await page.locator('#figure-kind').inputValue()).toBe('phase');
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await served.close();
      urls.served = '';
    }
  }, 180_000);

  it('the exact-vs-frozen figure shows the exact response at the slider\'s step that analyze --at-steps computes, beside the frozen one', async () => {
    const page = await open(urls.fsgdm);
    await page.locator('#figure-kind').selectOption('exact-vs-frozen');
    // The step typed: 46800 = 120 · 390, the first step of stage 120 (δ = 390 steps): the memory of stage 119 is all there.
    await page.locator('#position-step').fill('46800');
    await page.locator('#position-step').press('Enter');
    await settled(page);
    expect(await page.locator('#position-text').textContent()).toContain('step 46800, stage 120');
    expect(await page.locator('#position').inputValue()).toBe('400');
    const drawn = await page.evaluate(() => {
      const explore = (window as unknown as { momentumFrExplore: { views: Record<string, { data(name: string): Record<string, unknown>[] }> } }).momentumFrExplore;
      return { ids: Object.keys(explore.views), rows: explore.views['fsgdm-cifar100-exact'].data('curves') };
    });
    expect(drawn.ids).toEqual(['fsgdm-cifar100-exact']);
    const gap = Number(await cell(page, 'fsgdm-cifar100', 'exactGapDb'));
    // The CLI's exact engine at the same step, on the figure's grid (log, 256 frequencies from a decade below 1 − u_max).
    const fmin = (1 - 1 / 1.033) / 10;
    const r = await runCli(['analyze', FSGDM, '--at-steps', '46800', '--scale', 'log', '--fmin', String(fmin), '--freqs', '256', '--stages', '120', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).schedules[0];
    const exactDb: number[] = doc.atSteps[0].responseExact.magnitudeDb;
    const frozenDb: number[] = doc.stages[0].response.magnitudeDb;
    expect(doc.atSteps[0].stage).toBe(120);
    const cliGap = Math.max(...exactDb.map((e, i) => Math.abs(e - frozenDb[i])));
    expect(gap).toBeGreaterThan(0.01); // FSGDM's u moves little from stage to stage: a 0.06 dB gap at a stage's first step
    expect(Math.abs(gap - cliGap)).toBeLessThanOrEqual(1e-6 * cliGap);
    const exactRows = drawn.rows.filter((row) => row.response === 'exact');
    expect(exactRows).toHaveLength(256);
    exactRows.forEach((row, i) => expect(Math.abs((row.gainDb as number) - exactDb[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(exactDb[i]))));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a config with expressions (mathjs, carried as text and run on first use) shows the numbers analyze prints', async () => {
    const config = 'configs/custom-expressions.yaml';
    const page = await openConfig(config);
    const r = await runCli(['analyze', config, '--stages', 'last', '--format', 'json', '--no-response']);
    expect(r.code, r.stderr).toBe(0);
    expect(await cell(page, 'warmup-then-increasing', 'final.dcGain')).toBe(/"dcGain":([-0-9.e+]+)/.exec(r.stdout)![1]);
    // Independent of both: v/(1 − u) = 1 at every stage of u = t/(t + μ), v = 1 − u.
    expect(Number(await cell(page, 'warmup-then-increasing', 'final.dcGain'))).toBeCloseTo(1, 12);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a scheduler\'s keyword argument has its slider: lr.pct_start of OneCycleLR moved in the page gives the numbers Node.js computes for that text', async () => {
    const config = 'configs/resnet-cifar-onecycle.yaml';
    const page = await openConfig(config);
    const box = page.locator('input[type="number"][data-key="lr.pct_start"]');
    expect(await box.inputValue()).toBe('0.3');
    expect(await page.locator('label', { hasText: /^lr\.pct_start$/ }).count()).toBe(1);
    await box.fill('0.25');
    await box.blur();
    await settled(page);
    const text = await editorText(page);
    expect(text).toContain('pct_start: 0.25');
    await page.locator('#position').evaluate((el: HTMLInputElement) => {
      el.value = '200';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settled(page);
    // The same text and position through exploreView in Node.js (the CLI's engine): the same digits in every cell.
    const [node] = exploreView({ text, figure: 'magnitude', position: 0.2, allowUnstable: false }, config).summaries;
    for (const key of ['atStep.stage', 'atStep.dcGain', 'final.dcGain'] as const) {
      const [group, field] = key.split('.') as ['atStep' | 'final', 'stage' | 'dcGain'];
      expect(await cell(page, 'resnet-cifar-onecycle', key)).toBe(String(node[group][field]));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a per-step config the position names the real stage at its step, its numbers are analyze --stages step:S\'s, and the figure draws that stage', async () => {
    for (const [config, name] of [['configs/yolo-nesterov-warmup.yaml', 'yolo-nesterov-warmup'], ['configs/resnet-cifar-onecycle.yaml', 'resnet-cifar-onecycle']] as const) {
      const page = await openConfig(config);
      for (const at of [1000, 500]) {
        if (at !== 1000) await moveTo(page, at);
        const step = Number(await page.locator('#position-step').inputValue());
        const r = await runCli(['analyze', config, '--stages', `step:${step}`, '--format', 'json', '--no-response']);
        expect(r.code, r.stderr).toBe(0);
        const record = JSON.parse(r.stdout).schedules[0].stages[0];
        // A real stage holds the step (with display stages the page named a display-stage index).
        expect(record.startStep <= step && step <= record.endStep).toBe(true);
        expect(await page.locator('#position-text').textContent()).toContain(`step ${step}, stage ${record.index})`);
        expect(await cell(page, name, 'atStep.stage')).toBe(String(record.index));
        expect(await cell(page, name, 'atStep.dcGain')).toBe(JSON.stringify(record.metrics.dcGain));
        // The magnitude figure's middle curve is that stage: its data holds the stage, and its DC gain in dB.
        const curve = await page.evaluate((stage) => {
          const view = (window as unknown as { momentumFrExplore: { view: { figures: { spec: unknown }[] } } }).momentumFrExplore.view;
          return JSON.stringify(view.figures[0].spec).includes(`"stage":${stage},`);
        }, record.index);
        expect(curve).toBe(true);
      }
      if (name === 'resnet-cifar-onecycle') {
        // Independent of analyze: one stage per batch, so step 5865 is stage 5864; OneCycleLR's momentum there (phase 2, 3518 … 11729).
        expect(await cell(page, name, 'atStep.stage')).toBe('5864');
        const u = 0.95 + ((0.85 - 0.95) / 2) * (Math.cos((Math.PI * (5864 - 3518)) / (11729 - 3518)) + 1);
        expect(Number(await cell(page, name, 'atStep.dcGain'))).toBeCloseTo(1 / (1 - u), 10);
      } else {
        // At 100 % YOLO's last stage (5843 of 5844): Nesterov at 0.937, +24.0 dB at DC.
        await moveTo(page, 1000);
        expect(await cell(page, name, 'atStep.stage')).toBe('5843');
        expect(Number(await cell(page, name, 'final.dcGainDb'))).toBeCloseTo(24.0, 1);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('layout: no slider\'s label covers a slider or a number box, and the numbers table (analyze\'s table digits) stays inside the window, at 1400 and 800 px', async () => {
    const config = 'configs/resnet-cifar-onecycle.yaml';
    const page = await openConfig(config);
    for (const width of [1400, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const boxes = await page.locator('#sliders .control').evaluateAll((rows) =>
        rows.map((row) => {
          const box = (sel: string) => row.querySelector(sel)!.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number };
          // The label's text as drawn (a text wider than its box overflows it: the box alone would not tell).
          const text = document.createRange();
          text.selectNodeContents(row.querySelector('label')!);
          return { key: row.querySelector('label')!.textContent, label: text.getBoundingClientRect().toJSON() as ReturnType<typeof box>, slider: box('input[type="range"]'), number: box('input[type="number"]') };
        }),
      );
      expect(boxes.length).toBeGreaterThan(5);
      const meet = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(boxes.filter((b) => meet(b.label, b.slider) || meet(b.label, b.number) || meet(b.slider, b.number)).map((b) => `${width}px: ${b.key}`)).toEqual([]);
      // The table's box ends inside the window (a wider table scrolls inside it).
      const right = await page.locator('.summary').evaluate((el) => el.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    // The last stage: u = max_momentum = 0.95, DC gain 1/(1 − u) = 20 (JSON 19.999999999999982), 20·log10(20) = 26.02 dB.
    expect(await shown(page, 'resnet-cifar-onecycle', 'final.u')).toBe('0.95');
    expect(await shown(page, 'resnet-cifar-onecycle', 'final.dcGain')).toBe('20');
    expect(await shown(page, 'resnet-cifar-onecycle', 'final.dcGainDb')).toBe('26.02');
    expect(Number(await cell(page, 'resnet-cifar-onecycle', 'final.dcGain'))).toBeCloseTo(20, 12);
    // No cell prints more digits than analyze's table (4 significant, 6 for u).
    const texts = await page.locator('#summary td[data-value]').allTextContents();
    expect(texts.filter((t) => t.replace(/^-|e.*$|\./g, '').replace(/^0+/, '').length > 6)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('while the YAML does not parse the sliders stay, disabled at their last values; fixed, they move again; a slider keeps an inline { … } on its line', async () => {
    const config = 'configs/resnet-cifar-onecycle.yaml';
    const page = await openConfig(config);
    const original = readFileSync(config, 'utf8');
    const count = await page.locator('#sliders input[type="range"]').count();
    expect(count).toBeGreaterThan(5);
    // No slider for the momentum OneCycleLR overwrites (cycle_momentum); its base_momentum and max_momentum instead.
    expect(await page.locator('input[type="range"][data-key="momentum"]').count()).toBe(0);
    expect(await page.locator('input[type="range"][data-key="lr.max_momentum"]').count()).toBe(1);
    // A slider moved writes its number into the inline mapping, which stays one line.
    const slider = page.locator('input[type="range"][data-key="lr.max_lr"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    const maxLr = await page.locator('input[type="number"][data-key="lr.max_lr"]').inputValue();
    const line = 'lr: { scheduler: OneCycleLR, max_lr: 0.1, epochs: 30, steps_per_epoch: 391 }';
    expect(await editorText(page)).toBe(original.replace(line, line.replace('0.1', maxLr)));
    // Break the YAML: an unclosed flow mapping typed after the lr line's mapping.
    await page.locator('#yaml .cm-line').nth(original.split('\n').findIndex((l) => l.startsWith('lr: {'))).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' {');
    await settled(page);
    expect(await page.locator('#issues').textContent()).not.toBe('');
    expect(await page.locator('#sliders input[type="range"]').count()).toBe(count);
    expect(await page.locator('#sliders input:not([disabled])').count()).toBe(0);
    expect(await page.locator('input[type="number"][data-key="lr.max_lr"]').inputValue()).toBe(maxLr);
    for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
    await settled(page);
    expect(await page.locator('#issues').textContent()).toBe('');
    expect(await page.locator('#sliders input[disabled]').count()).toBe(0);
    expect(await page.locator('#sliders input[type="range"]').count()).toBe(count);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('overlays the README\'s three schedules: one summary row and one compare curve each, in a colour-blind-safe palette', async () => {
    const page = await open(urls.compare);
    const rows = await page.locator('#summary td[data-key="name"]').allTextContents();
    expect(rows).toEqual(['ema-sgdm-0.9', 'standard-sgdm-0.9', 'fsgdm']);
    // EMA-SGDM's DC gain is 1 at any β; Standard SGDM's 1/(1 − β) = 10 at β = 0.9.
    expect(Number(await cell(page, 'ema-sgdm-0.9', 'final.dcGain'))).toBeCloseTo(1, 12);
    expect(Number(await cell(page, 'standard-sgdm-0.9', 'final.dcGain'))).toBeCloseTo(10, 12);
    const colours = await page.evaluate(() => {
      const view = (window as unknown as { momentumFrExplore: { views: Record<string, { scale(name: string): { range(): string[] } }> } }).momentumFrExplore.views.compare;
      return view.scale('color').range().slice(0, 3);
    });
    expect(colours).toEqual(['#0072B2', '#E69F00', '#009E73']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
