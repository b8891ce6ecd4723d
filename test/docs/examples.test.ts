import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { spawnAsync } from '../support/spawn-async.js';
import { docPages, fencedBlocks, readPage, type FencedBlock } from './markdown.js';

/**
 * Every command in README.md and docs/*.md runs, as a reader would run it from the repository root:
 *
 * - ```console blocks are transcripts: each `$ ` line is a command; the lines after it are its stdout,
 *   where a line `…` stands for any number of lines. A command exits 0, unless its shown output ends
 *   with `[exit N]`: then it exits N and the lines before are its stderr.
 * - ```sh (bash, shell) blocks are scripts: every command runs and exits 0; `#` lines are comments.
 * - ```js blocks run as ES modules (`import … from 'momentum-fr'`).
 * - Anything else that is code for a reader to run (```python) is in NOT_RUN, with the reason.
 *
 * Each block runs in a fresh directory that looks like the repository root (a symlink to each of its
 * entries), so documented paths resolve as from a clone, and outputs land in the temp directory.
 * `momentum-fr` is on PATH the way README.md tells a newcomer to put it there: `npm link`, here into
 * a temporary npm prefix.
 */
const NOT_RUN: { page: string; match: string; reason: string }[] = [
  { page: 'README.md', match: 'npm ci && npx momentum-fr analyze', reason: '`npm ci` would replace the node_modules these tests run from; .ci/run runs the quick start on a clean clone' },
  { page: 'README.md', match: 'npm test', reason: 'the test suite itself' },
  { page: 'docs/ci-workflow.md', match: 'npm ci && npm pack', reason: '`npm ci` as above; test/docs/ci-workflow.test.ts runs `npm pack` and installs the tarball' },
  { page: 'docs/cookbook-sweeps.md', match: 'duckdb -c', reason: 'DuckDB is not installed (Debian does not package it)' },
  { page: 'docs/cookbook-sweeps.md', match: 'import pandas as pd', reason: 'Python is for generating fixtures, never needed to test; pandas is not installed' },
  { page: 'docs/own-run.md', match: 'dump_schedule.py', reason: 'Python with torch is a fixture tool here, never needed to test (test/fixtures/README.md); the script as printed, run with Debian\'s python3-torch 1.13, writes docs/examples/schedule.csv (byte-identical on a rerun), which the page\'s console block reads' },
  { page: 'docs/spectral.md', match: 'loss.backward()', reason: 'a fragment of the reader\'s PyTorch training loop (model, loader, optimizer are theirs)' },
];
const RUNS = new Set(['console', 'sh', 'bash', 'shell', 'js', 'javascript', 'mjs']);
const NOT_CODE = new Set(['', 'text', 'yaml', 'json']);

interface Command {
  text: string;
  /** Shown stdout (or stderr, when `status` is not 0). */
  shown: string[];
  status: number;
}

/** The commands of a console transcript. */
function transcript(block: FencedBlock): Command[] {
  const commands: Command[] = [];
  for (const line of block.lines) {
    if (line.startsWith('$ ')) commands.push({ text: line.slice(2), shown: [], status: 0 });
    else if (commands.length > 0) commands.at(-1)!.shown.push(line);
  }
  for (const c of commands) {
    while (c.shown.length > 0 && c.shown.at(-1)!.trim() === '') c.shown.pop();
    const exit = /^\[exit (\d+)\]$/.exec(c.shown.at(-1)?.trim() ?? '');
    if (exit) {
      c.status = Number(exit[1]);
      c.shown.pop();
    }
  }
  return commands;
}

/** The commands of a shell script: lines joined while a quote is open or a line ends with `\`; comments dropped. */
function script(block: FencedBlock): Command[] {
  const commands: Command[] = [];
  let pending = '';
  for (const line of block.lines) {
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    pending = pending === '' ? line : `${pending}\n${line}`;
    const quotes = pending.replace(/\\./g, '').replace(/'[^']*'/g, '').split('"').length - 1;
    if (quotes % 2 === 0 && !pending.endsWith('\\')) {
      commands.push({ text: pending, shown: [], status: 0 });
      pending = '';
    }
  }
  if (pending !== '') commands.push({ text: pending, shown: [], status: 0 });
  return commands;
}

/** Does `output` match the shown lines, in order, with `…` lines standing for any number of lines? */
function matchesShown(output: string, shown: string[]): boolean {
  const got = output.trimEnd().split('\n').map((l) => l.trimEnd());
  const want = shown.map((l) => l.trimEnd());
  const match = (i: number, j: number): boolean => {
    if (j === want.length) return i === got.length;
    if (want[j].trim() === '…') {
      for (let k = i; k <= got.length; k++) if (match(k, j + 1)) return true;
      return false;
    }
    return i < got.length && got[i] === want[j] && match(i + 1, j + 1);
  };
  return match(0, 0);
}

const blocks = docPages().flatMap((page) => fencedBlocks(page));
const notRun = (page: string, text: string) => NOT_RUN.find((n) => n.page === page && text.includes(n.match));
const usedExceptions = new Set<(typeof NOT_RUN)[number]>();

interface Example {
  where: string;
  block: FencedBlock;
  commands: Command[];
}
const examples: Example[] = [];
const unknown: string[] = [];
for (const block of blocks) {
  const where = `${block.page}:${block.line}`;
  const body = block.lines.join('\n');
  if (block.lang === 'console') examples.push({ where, block, commands: transcript(block) });
  else if (block.lang === 'sh' || block.lang === 'bash' || block.lang === 'shell') {
    if (block.lines.some((l) => l.startsWith('$ '))) unknown.push(`${where}: a transcript ($ lines) belongs in a console block`);
    examples.push({ where, block, commands: script(block) });
  } else if (RUNS.has(block.lang)) examples.push({ where, block, commands: [{ text: body, shown: [], status: 0 }] });
  else if (!NOT_CODE.has(block.lang) && notRun(block.page, body) === undefined) unknown.push(`${where}: a ${block.lang} block that no test runs`);
}
for (const e of examples) {
  e.commands = e.commands.filter((c) => {
    const n = notRun(e.block.page, c.text);
    if (n) usedExceptions.add(n);
    return n === undefined;
  });
}
for (const block of blocks.filter((b) => !RUNS.has(b.lang))) {
  const n = notRun(block.page, block.lines.join('\n'));
  if (n) usedExceptions.add(n);
}

const sandbox = mkdtempSync(join(tmpdir(), 'momentum-fr-docs-'));
const prefix = join(sandbox, 'npm-prefix');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

beforeAll(() => {
  // README.md: "run `npm link` once". Scripts are skipped: `npm link` would run the `prepare` build,
  // which `npm test` has just done, while other test files run the built CLI.
  const r = spawnSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_prefix: prefix, npm_config_update_notifier: 'false' },
  });
  expect({ status: r.status, stderr: r.stderr }).toMatchObject({ status: 0 });
});

/** A fresh directory that looks like the repository root. */
function repoLikeDir(): string {
  const dir = mkdtempSync(join(sandbox, 'block-'));
  for (const entry of readdirSync(ROOT)) if (entry !== '.git') symlinkSync(join(ROOT, entry), join(dir, entry));
  return dir;
}

function run(command: string, dir: string) {
  return spawnAsync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], {
    cwd: dir,
    env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1', HOME: dir },
  });
}

describe('documented examples run', () => {
  it('finds the documented examples, and every code block is run or listed as not runnable', () => {
    expect(examples.length).toBeGreaterThan(5);
    expect(unknown).toEqual([]);
  });

  it('README.md puts momentum-fr on PATH the way these tests do: `npm link`', () => {
    expect(readPage('README.md')).toMatch(/put it on your PATH once with `npm link`/);
  });

  it('every command listed as not runnable is still in the docs', () => {
    expect(NOT_RUN.filter((n) => !usedExceptions.has(n)).map((n) => `${n.page}: ${n.match}`)).toEqual([]);
  });

  // jq is a Debian package (.ci/run installs it); without it, pipelines into jq cannot run here.
  const hasJq = spawnSync('jq', ['--version']).status === 0;
  const usesJq = (e: Example) => e.commands.some((c) => /(^|[|;&(]\s*)jq\b/.test(c.text));
  const runnable = examples.filter((e) => e.commands.length > 0 && (hasJq || !usesJq(e)));
  if (!hasJq) it.skip(`blocks piping into jq (jq is not installed: apt-get install jq): ${examples.filter(usesJq).length}`, () => undefined);

  it.each(runnable.map((e) => [e.where, e] as const))('%s', async (_where, { block, commands }) => {
    const dir = repoLikeDir();
    if (block.lang === 'js' || block.lang === 'javascript' || block.lang === 'mjs') {
      const file = join(dir, `docs-example-${block.line}.mjs`);
      writeFileSync(file, commands[0].text);
      const r = await spawnAsync(process.execPath, [file], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return;
    }
    for (const { text: command, shown, status } of commands) {
      const r = await run(command, dir);
      // A pipe into `head` may close early: SIGPIPE upstream is the documented, quiet behaviour.
      expect(r.status, `${command}\n--- stderr:\n${r.stderr.slice(0, 2000)}`).toBe(status);
      const output = status === 0 ? r.stdout : r.stderr;
      if (shown.length > 0) expect(matchesShown(output, shown), `${command}\n--- got:\n${output}`).toBe(true);
    }
  });
});

describe('documented library example', () => {
  it('docs/examples/library.mjs runs and prints FSGDM\'s first and last stage', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'docs', 'examples', 'library.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Last stage: u = 1/(1 + c), DC gain v(1 + 1/c) with c = 0.033 (closed form, docs/theory.md).
    const c = 0.033;
    expect(r.stdout).toContain(`stage 300: u = ${(1 / (1 + c)).toFixed(6)}, DC gain ${(1 + 1 / c).toFixed(3)}`);
  });
});
