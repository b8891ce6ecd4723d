#!/usr/bin/env node
// Draws the pictures of docs/plots.md into docs/img with the very commands the page shows, run
// in-process through the CLI (`run`), so the docs show what a user gets.
// `--check` draws them into a temp dir and exits 1 if docs/img differs or a command is missing
// from docs/plots.md (CI runs it after the tests). Needs the build (dist/).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
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

async function main() {
  const check = process.argv.includes('--check');
  const text = existsSync(page) ? readFileSync(page, 'utf8') : '';
  const undocumented = PICTURES.filter((p) => !text.includes(`$ ${commandLine(p)}\n`) || !text.includes(`img/${p[0]})`));
  if (!check) {
    await draw(imgDir);
    process.stderr.write(`docs-plots: ${PICTURES.length} pictures in docs/img\n`);
  } else {
    const tmp = mkdtempSync(join(tmpdir(), 'docs-plots-'));
    try {
      await draw(tmp);
      // Only the pictures drawn here: other parts of the docs keep their own pictures in docs/img.
      const stale = PICTURES.map(([file]) => file).filter((f) => !existsSync(join(imgDir, f)) || !readFileSync(join(tmp, f)).equals(readFileSync(join(imgDir, f))));
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
