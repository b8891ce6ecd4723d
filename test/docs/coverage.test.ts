import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { cli, ROOT } from '../support/cli.js';
import { docPages, githubSlug, lineOf, pageAnchors, prose, readPage } from './markdown.js';

/** The docs and configs/ keep up with the code: every preset documented and shipped, every config valid. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

const configs = yamlFiles(join(ROOT, 'configs'));
const presetDocs = ['docs/config.md', 'docs/methods.md']
  .filter((f) => existsSync(join(ROOT, f)))
  .map((f) => readFileSync(join(ROOT, f), 'utf8'))
  .join('\n');

describe('configs and docs cover every preset', () => {
  it.each([...PRESETS.keys()])('preset %s has a config in configs/ and a reference entry', (name) => {
    const users = configs.filter((f) => new RegExp(`preset:\\s*${name}\\s*$`, 'm').test(readFileSync(f, 'utf8')));
    expect(users.map((f) => relative(ROOT, f)), `no config under configs/ uses preset ${name}`).not.toEqual([]);
    const paper = /^paper-(orthodox|unorthodox)-(low-pass|high-pass)-(increasing|fixed|decreasing)$/.exec(name);
    // The twelve paper presets are documented by their naming scheme, the others by a heading each.
    if (paper) expect(presetDocs).toContain('paper-<orthodox|unorthodox>-<low-pass|high-pass>-<increasing|fixed|decreasing>');
    else expect(presetDocs).toMatch(new RegExp(`^#+ \`${name}\``, 'm'));
  });

  it('every config in configs/ validates', () => {
    const r = cli(['validate', '--quiet', ...configs.map((f) => relative(ROOT, f))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('docs/cli.md is the current --help of every command (bin/cli-docs.mjs)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cli-docs.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

const pages = docPages();

/** Files and directories under the repo root (not node_modules, dist or .git), as relative paths. */
function repoPaths(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      if (rel === '' && ['.git', 'node_modules', 'dist'].includes(e.name)) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      out.push(e.isDirectory() ? `${path}/` : path);
      if (e.isDirectory()) walk(path);
    }
  };
  walk('');
  return out;
}

/** A path as the docs write it, with `*`, `**`, `<placeholder>` and `…`, as a regular expression. */
function pathPattern(path: string): RegExp {
  const parts = path.split(/(\*\*|\*|<[^>]+>|…)/).map((p) =>
    p === '**' || p === '…' ? '.*' : p === '*' ? '[^/]*' : p.startsWith('<') ? '[^/]+' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${parts.join('')}/?$`);
}

describe('links in README.md and docs/ resolve, with GitHub\'s heading anchors', () => {
  it('the anchors are GitHub\'s', () => {
    // Anchors github.com gives these headings (punctuation dropped, not collapsed; non-ASCII letters kept).
    expect(githubSlug('Reproducing the paper\'s Figure 1')).toBe('reproducing-the-papers-figure-1');
    expect(githubSlug('`ema-sgdm`')).toBe('ema-sgdm');
    expect(githubSlug('β for EMA vs Standard SGDM')).toBe('β-for-ema-vs-standard-sgdm');
    expect(githubSlug('FSGDM\'s (c, v) plane and the optimal zone')).toBe('fsgdms-c-v-plane-and-the-optimal-zone');
    expect(githubSlug('Magnitude — and phase')).toBe('magnitude--and-phase');
    expect(githubSlug('[Config](config.md) keys')).toBe('config-keys');
    expect([...pageAnchors('# A\n## A\n```\n# not a heading\n```\n### A\n')]).toEqual(['a', 'a-1', 'a-2']);
  });

  it.each(pages)('%s', (page) => {
    const text = prose(readPage(page)).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
    const broken: string[] = [];
    const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm)];
    for (const m of targets) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const at = `${page}:${lineOf(text, m.index)}: ${target}`;
      const [file, anchor] = target.split('#');
      const path = file === '' ? join(ROOT, page) : join(ROOT, page, '..', decodeURIComponent(file));
      if (!existsSync(path)) broken.push(`${at}: no such file`);
      else if (anchor !== undefined && path.endsWith('.md') && !pageAnchors(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(`${at}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('cross-references in README.md and docs/ are links a reader can follow', () => {
  it.each(pages)('%s', (page) => {
    const text = prose(readPage(page)).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
    const dead: string[] = [];
    const at = (m: RegExpMatchArray, why: string) => dead.push(`${page}:${lineOf(text, m.index!)}: "${m[0]}": ${why}`);
    // "theory.md §5": the pages have no numbered sections; link the heading instead.
    for (const m of text.matchAll(/[\w-]+\.md\)?\s*§\s*\d+/g)) at(m, 'a section number of a page; link its heading');
    // "[open]" with no link: a reference-style link without a definition renders as plain brackets.
    for (const m of text.matchAll(/(?<![\]\\])\[([A-Za-z][\w -]+)\](?![(\[:])/g)) at(m, 'brackets that are not a link');
    // "issue 4": the project's tracker is not where a reader of the docs can look.
    for (const m of text.matchAll(/\bissues?\s+#?\d+/gi)) at(m, 'a tracker issue number; say what it is instead');
    expect(dead).toEqual([]);
  });
});

/** Paths in the docs that are not in this repository, by prefix, and why. */
const ELSEWHERE: [prefix: string, reason: string][] = [
  ['out/', 'written by the README quick start'],
  ['DIR/', 'a placeholder for --out-dir'],
  ['.github/', 'the reader\'s own repository'],
  ['tools/momentum-fr-', 'the tarball in the reader\'s repository (docs/ci-workflow.md)'],
  ['fsgdm/fsgdm.py', 'the official FSGDM repository'],
];

/** Repository-like paths a page names, in prose and inline code, with their line. */
function namedPaths(page: string): { path: string; line: number }[] {
  const text = prose(readPage(page));
  const paths: { path: string; line: number }[] = [];
  // Paths under the repository's directories: configs/…, docs/…, test/…, src/…, bin/…, .ci/….
  for (const m of text.matchAll(/(?<![\w./@-])(?:\.\/)?((?:configs|docs|test|src|bin|\.ci)\/[^\s`'"()[\]{},;|]*)/g)) {
    paths.push({ path: m[1].replace(/[.:]+$/, ''), line: lineOf(text, m.index) });
  }
  // Any other inline code that names a file in a directory (`fixtures/spectral/trace.npy`).
  for (const m of text.matchAll(/`(?:\.\/)?([\w.<>*-]+(?:\/[\w.<>*-]+)*\/[\w<>*-][\w.<>*-]*\.[a-z]\w*)`/g)) {
    if (!paths.some((p) => p.path === m[1])) paths.push({ path: m[1], line: lineOf(text, m.index) });
  }
  return paths;
}

describe('paths named in README.md and docs/ exist', () => {
  const existing = repoPaths();
  it.each(pages)('%s', (page) => {
    const missing = namedPaths(page)
      .filter(({ path }) => !ELSEWHERE.some(([prefix]) => path.startsWith(prefix)))
      .filter(({ path }) => !existing.some((p) => pathPattern(path).test(p)))
      .map(({ path, line }) => `${page}:${line}: ${path}`);
    expect(missing).toEqual([]);
  });

  it('every path listed as outside the repository is still named in the docs', () => {
    const named = pages.flatMap((page) => namedPaths(page).map((p) => p.path));
    expect(ELSEWHERE.filter(([prefix]) => !named.some((p) => p.startsWith(prefix))).map(([prefix]) => prefix)).toEqual([]);
  });
});

describe('pictures in docs/img are what the documented commands draw today', () => {
  it('docs/img/spectral-figure1.svg equals the figure of docs/spectral.md\'s Figure 1 command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-fig1-'));
    try {
      const configs = ['orthodox-low-pass-increasing', 'orthodox-high-pass-increasing', 'unorthodox-low-pass-fixed', 'unorthodox-high-pass-fixed'].map((n) => join(ROOT, 'configs', 'paper', `${n}.yaml`));
      const r = cli(['simulate', ...configs, '--set', 'steps=4000', '--set', 'stages=8', '--plot', join(dir, 'figure1.svg')]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'figure1.svg'), 'utf8')).toBe(readFileSync(join(ROOT, 'docs', 'img', 'spectral-figure1.svg'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
