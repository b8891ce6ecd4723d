#!/usr/bin/env node
// Draws the pictures of docs/plots.md into docs/img with the very commands the page shows, run
// in-process through the CLI (`run`), so the docs show what a user gets; and the screenshot of the
// explore page (docs/explore.md and the README), with what it shows as text beside it.
// `--check` draws them into a temp dir and exits 1 if docs/img differs or a command is missing
// from docs/plots.md (CI runs it after the tests). Needs the build (dist/).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../dist/cli/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const imgDir = join(root, 'docs', 'img');
const page = join(root, 'docs', 'plots.md');

/**
 * Every picture: the file it writes and the arguments after `momentum-fr plot`, exactly as
 * docs/plots.md shows them (`configs/…` relative to the repository, like the docs' sandbox).
 * fsgdm-response-map.png is also the README's picture.
 */
export const PICTURES = [
  ['fsgdm-magnitude.svg', 'configs/fsgdm-cifar100.yaml --kind magnitude'],
  ['fsgdm-phase.svg', 'configs/fsgdm-cifar100.yaml --kind phase'],
  ['fsgdm-group-delay.svg', 'configs/fsgdm-cifar100.yaml --kind group-delay'],
  ['fsgdm-bode.svg', 'configs/fsgdm-cifar100.yaml --kind bode --units cycles'],
  ['fsgdm-response-map.png', 'configs/fsgdm-cifar100.yaml --kind response-map'],
  ['warmup-response-map.png', 'configs/custom-expressions.yaml --kind response-map --png-scale 1'],
  ['yolo-response-map.png', 'configs/yolo-nesterov-warmup.yaml --kind response-map --png-scale 1'],
  ['fsgdm-coefficients.svg', 'configs/fsgdm-cifar100.yaml --kind coefficients'],
  ['fsgdm-metrics.svg', 'configs/fsgdm-cifar100.yaml --kind metrics'],
  ['adam-metrics.svg', '--preset adam-m --set steps=200000 --kind metrics'],
  ['compare.svg', 'configs/compare-ema-standard-fsgdm.yaml --kind compare'],
  ['compare-facet.svg', 'configs/compare-ema-standard-fsgdm.yaml --kind compare --facet --compare-at 0,1'],
  ['ema-magnitude-dark.svg', '--preset ema-sgdm --set momentum.beta=0.99 --kind magnitude --theme dark'],
];

/** The command line docs/plots.md shows for a picture. */
export function commandLine([file, args]) {
  return `momentum-fr plot ${args} -o ${file}`;
}

const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });

/** Draws every picture into `dir` (run with the repository as working directory, -o into `dir`). */
async function draw(dir) {
  await mkdir(dir, { recursive: true });
  for (const [file, args] of PICTURES) {
    const errors = [];
    const stderr = new Writable({ write: (chunk, _enc, done) => void (errors.push(String(chunk)), done()) });
    const code = await run(['plot', ...args.split(' '), '-o', join(dir, file)], { cwd: root, stdout: quiet(), stderr, env: { NO_COLOR: '1' } });
    const problems = errors.join('').split('\n').filter((l) => l !== '' && !l.startsWith('wrote '));
    if (code !== 0 || problems.length > 0) throw new Error(`${commandLine([file, args])}: exit ${code}\n${problems.join('\n')}`);
  }
}

/**
 * The explore page's screenshot: `momentum-fr explore` of the README's three schedules, opened in
 * Debian's chromium (offline: every other request aborted), the position slider half-way through
 * training, the top 1360×1000 pixels. A browser's pixels depend on its version and fonts, so
 * `--check` cannot compare the PNG; it compares what the picture shows that does not depend on
 * them, written beside it as text (EXPLORE_FACTS): the page's title, every slider's label and value,
 * the position (slider, step box and the stages there), the numbers table (6 significant digits: the last digit of a logarithm may differ
 * between JavaScript engines), the schedules in words, the figures and the YAML. A change to any of
 * these makes the screenshot stale. Without chromium the screenshot is neither drawn nor checked.
 */
export const EXPLORE_SHOT = ['explore.png', 'configs/compare-ema-standard-fsgdm.yaml'];
const EXPLORE_FACTS = 'explore.png.txt';
const CHROMIUM = '/usr/bin/chromium';

async function exploreShot(dir) {
  const [file, config] = EXPLORE_SHOT;
  const work = mkdtempSync(join(tmpdir(), 'docs-explore-'));
  const { chromium } = await import('playwright-core');
  let context;
  try {
    const page = join(work, 'explore.html');
    const code = await run(['explore', config, '-o', page], { cwd: root, stdout: quiet(), stderr: quiet(), env: { NO_COLOR: '1' } });
    if (code !== 0) throw new Error(`momentum-fr explore ${config}: exit ${code}`);
    context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'], viewport: { width: 1360, height: 1000 } });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    await tab.locator('#position').evaluate((el) => {
      el.value = '500';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await tab.evaluate(() => window.momentumFrExplore.ready);
    await tab.screenshot({ path: join(dir, file), clip: { x: 0, y: 0, width: 1360, height: 1000 } });
    const facts = await tab.evaluate(() => {
      const text = (el) => (el?.textContent ?? '').trim();
      const sig = (t) => t.replace(/-?\d+\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(6))));
      return [
        `title: ${text(document.querySelector('h1'))}`,
        `subtitle: ${text(document.querySelector('.subtitle'))}`,
        ...[...document.querySelectorAll('#sliders fieldset')].flatMap((f) => [
          `schedule: ${text(f.querySelector('legend'))}`,
          ...[...f.querySelectorAll('.control')].map((c) => `  ${text(c.querySelector('label'))} = ${c.querySelector('input[type="number"]').value}`),
        ]),
        `figure: ${document.getElementById('figure-kind').value}`,
        `position: ${document.getElementById('position').value}/1000, step ${document.getElementById('position-step').value}: ${sig(text(document.getElementById('position-text')))}`,
        ...[...document.querySelectorAll('#summary tr')].map((r) => `row: ${[...r.children].map((c) => sig(text(c))).join(' | ')}`),
        ...[...document.querySelectorAll('#words p')].map((p) => `words: ${text(p)}`),
        ...[...document.querySelectorAll('#figures > section')].map((s) => `figure: ${s.id}`),
        `issues: ${text(document.getElementById('issues'))}`,
        'yaml:',
        window.momentumFrExplore.editorText(),
      ].join('\n');
    });
    writeFileSync(join(dir, EXPLORE_FACTS), facts.endsWith('\n') ? facts : `${facts}\n`);
  } finally {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const browser = existsSync(CHROMIUM);
  if (!browser) process.stderr.write(`docs-plots: ${CHROMIUM} is absent: docs/img/${EXPLORE_SHOT[0]} is neither drawn nor checked\n`);
  const text = existsSync(page) ? readFileSync(page, 'utf8') : '';
  const undocumented = PICTURES.filter((p) => !text.includes(`$ ${commandLine(p)}\n`) || !text.includes(`img/${p[0]})`));
  if (!check) {
    await draw(imgDir);
    if (browser) await exploreShot(imgDir);
    process.stderr.write(`docs-plots: ${PICTURES.length + (browser ? 1 : 0)} pictures in docs/img\n`);
  } else {
    const tmp = mkdtempSync(join(tmpdir(), 'docs-plots-'));
    try {
      await draw(tmp);
      if (browser) await exploreShot(tmp);
      // Only the pictures drawn here: other parts of the docs keep their own pictures in docs/img.
      // The screenshot by what it shows (its text), and by being there.
      const compared = [...PICTURES.map(([file]) => file), ...(browser ? [EXPLORE_FACTS] : [])];
      const stale = compared.filter((f) => !existsSync(join(imgDir, f)) || !readFileSync(join(tmp, f)).equals(readFileSync(join(imgDir, f))));
      if (browser && !existsSync(join(imgDir, EXPLORE_SHOT[0]))) stale.push(EXPLORE_SHOT[0]);
      if (stale.length > 0) {
        process.stderr.write(`docs-plots: docs/img is out of date (${stale.join(', ')}); run node bin/docs-plots.mjs\n`);
        process.exitCode = 1;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (undocumented.length > 0) {
    process.stderr.write(`docs-plots: docs/plots.md lacks the command or picture of ${undocumented.map((p) => p[0]).join(', ')}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
