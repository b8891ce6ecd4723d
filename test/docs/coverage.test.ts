import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { cli, ROOT } from '../support/cli.js';

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

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

describe('links in README.md and docs/ resolve', () => {
  const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  it.each(pages)('%s', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue;
      const [file, anchor] = target.split('#');
      const path = file === '' ? join(ROOT, page) : join(ROOT, page, '..', file);
      if (!existsSync(path)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor && path.endsWith('.md') && !anchors(readFileSync(path, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
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
