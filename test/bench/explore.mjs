// `momentum-fr explore` benchmarks (imported by test/bench/run.js), in Debian's chromium, offline:
// - the page's size (goal ≤ 3 MB) and the time to open it until every view is drawn (goal ≤ 1 s),
//   beside the plot command's HTML page of the same config opened the same way;
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
    const openMs = async (file) => {
      const times = [];
      for (let i = 0; i < 4; i++) {
        await page?.close();
        page = await context.newPage();
        const t0 = performance.now();
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
        times.push(performance.now() - t0);
      }
      return median(times.slice(1));
    };
    const plotOpenMs = await openMs(plotPage);
    const exploreOpenMs = await openMs(out);
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
      { name: 'explore page opens in Chromium until every view is drawn (median of 3 after one)', ms: exploreOpenMs, goal: '≤ 1000 ms' },
      { name: '  plot --kind magnitude\'s HTML page, opened the same way', ms: plotOpenMs, goal: '', note: 'reference' },
      { name: 'explore recompute in the page, FSGDM 301 stages × 512 freqs (median of 15)', ms: median(recomputes), goal: '≤ 50 ms' },
      { name: '  the same recompute in Node.js (exploreView, dist/)', ms: median(node.slice(1)), goal: '', note: 'reference' },
    ];
  } finally {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
