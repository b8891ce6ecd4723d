// `momentum-fr explore` benchmarks (imported by test/bench/run.js), in Debian's chromium, offline:
// - the page's size (goal ≤ 3 MB) and the time to open it: navigation start to the first view drawn,
//   as the page marks it (performance.mark 'explore:first-view', whose time origin is the navigation
//   start), goal ≤ 1 s, with where that time goes (the page's marks: the HTML parsed up to the page
//   module; the module parsed, compiled and its imports run; the first recompute; the first figure
//   drawn by vega) and the machine's load average; beside the plot command's HTML page of the same
//   config, opened until drawn (wall clock from goto, as the explore page's too);
// - one recompute in the page for FSGDM's default (301 stages × 512 frequencies: parse, every
//   stage's response and metrics, the headline numbers and the Vega-Lite specs; performance.now
//   around it, median of 15 slider moves), goal ≤ 50 ms, beside the same recompute in Node.js
//   (exploreView from dist/) measured in this run: the browser's cost relative to the CLI's engine.
import '../../dist/index-node.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exploreView } from '../../dist/explore/explore-view.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CONFIG = 'configs/fsgdm-cifar100.yaml';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function bench() {
  if (!existsSync(CHROMIUM)) return [{ name: `explore: ${CHROMIUM} absent, page benchmarks skipped`, ms: NaN }];
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bench-explore-'));
  const { chromium } = await import('playwright-core');
  let context;
  try {
    const out = join(dir, 'page.html');
    const r = spawnSync(process.execPath, [bin, 'explore', CONFIG, '-o', out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`explore failed: ${r.stderr}`);
    const bytes = statSync(out).size;
    // Reference: the plot command's HTML page of the same config (vega, vega-lite and vega-embed inlined, one figure).
    const plotPage = join(dir, 'plot.html');
    const p = spawnSync(process.execPath, [bin, 'plot', CONFIG, '--kind', 'magnitude', '-o', plotPage], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    if (p.status !== 0) throw new Error(`plot failed: ${p.stderr}`);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    let page;
    const marks = [];
    const cpu = new Map();
    const openMs = async (file) => {
      const times = [];
      const threadMs = [];
      for (let i = 0; i < 6; i++) {
        await page?.close();
        page = await context.newPage();
        // The renderer's main-thread CPU time (Chrome's ThreadTime in thread ticks): what the open costs, whatever the load.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
        const c0 = await threadTime();
        const t0 = performance.now();
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
        times.push(performance.now() - t0);
        threadMs.push((await threadTime()) - c0);
        if (i > 0 && file === out) marks.push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))));
      }
      cpu.set(file, median(threadMs.slice(1)));
      return median(times.slice(1));
    };
    const load = (await import('node:os')).loadavg()[0];
    const plotOpenMs = await openMs(plotPage);
    const exploreOpenMs = await openMs(out);
    const mark = (name) => median(marks.map((m) => m[`explore:${name}`]));
    const [script, main, compute, view] = ['script', 'main', 'first-compute', 'first-view'].map(mark);
    // Slider moves as a user makes them (the number box, then a change event); the page times its recompute.
    const recomputes = await page.evaluate(async () => {
      const box = document.querySelector('input[type="number"][data-key="c"]');
      const times = [];
      for (let i = 0; i < 16; i++) {
        box.value = String(0.03 + i * 0.001);
        box.dispatchEvent(new Event('change', { bubbles: true }));
        await window.momentumFrExplore.ready;
        times.push(window.momentumFrExplore.recomputeMs);
      }
      return times.slice(1);
    });
    const text = readFileSync(join(root, CONFIG), 'utf8');
    const node = [];
    for (let i = 0; i < 16; i++) {
      const t0 = performance.now();
      exploreView({ text: text.replace('c: 0.033', `c: ${0.03 + i * 0.001}`), figure: 'magnitude', position: 1, allowUnstable: false }, CONFIG);
      node.push(performance.now() - t0);
    }
    return [
      { name: 'explore page size (FSGDM default)', ms: NaN, goal: '≤ 3 MB', note: `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)` },
      { name: 'explore page opens in Chromium: navigation start → first view drawn (page mark, median of 5 after one)', ms: view, goal: '≤ 1000 ms', note: `load average ${load.toFixed(1)}` },
      { name: '  of which: HTML up to the page module', ms: script, goal: '', note: 'breakdown' },
      { name: '  of which: page module parsed, compiled, imports run', ms: main - script, goal: '', note: 'breakdown' },
      { name: '  of which: first recompute (and the page\'s set-up)', ms: compute - main, goal: '', note: 'breakdown' },
      { name: '  of which: first figure compiled and drawn by vega', ms: view - compute, goal: '', note: 'breakdown' },
      { name: '  explore page, goto → drawn (wall clock, as the reference)', ms: exploreOpenMs, goal: '' },
      { name: '  plot --kind magnitude\'s HTML page, goto → drawn', ms: plotOpenMs, goal: '', note: 'reference' },
      { name: '  explore page, renderer main-thread CPU until ready (editor and sliders included; load-independent)', ms: cpu.get(out), goal: '' },
      { name: '  plot --kind magnitude\'s HTML page, the same', ms: cpu.get(plotPage), goal: '', note: 'reference' },
      { name: 'explore recompute in the page, FSGDM 301 stages × 512 freqs (median of 15)', ms: median(recomputes), goal: '≤ 50 ms' },
      { name: '  the same recompute in Node.js (exploreView, dist/)', ms: median(node.slice(1)), goal: '', note: 'reference' },
    ];
  } finally {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
