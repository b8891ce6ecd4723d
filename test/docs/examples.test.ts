import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/cli.js';

/**
 * Every ```console block of README.md and docs/*.md is executed, so documented commands cannot rot.
 * Each block runs in a fresh directory holding `configs` (the repo's configs/) and `fixtures` (the
 * repo's test/fixtures/), with `momentum-fr` on PATH; every `$ ` line must exit 0 (pipes included).
 * Lines shown after a command are its expected stdout: they must match it, where a line `…` stands
 * for any number of lines.
 */
interface Command {
  text: string;
  expected: string[];
}
interface Block {
  file: string;
  line: number;
  commands: Command[];
}

function consoleBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((text, i) => {
    if (current === undefined && /^```console\s*$/.test(text)) current = { file, line: i + 1, commands: [] };
    else if (current !== undefined && /^```\s*$/.test(text)) {
      blocks.push(current);
      current = undefined;
    } else if (current !== undefined && text.startsWith('$ ')) current.commands.push({ text: text.slice(2), expected: [] });
    else if (current !== undefined && current.commands.length > 0) current.commands.at(-1)!.expected.push(text);
  });
  return blocks;
}

/** Does `stdout` match the shown lines, in order, with `…` lines standing for any number of lines? */
function matchesShown(stdout: string, shown: string[]): boolean {
  const got = stdout.trimEnd().split('\n').map((l) => l.trimEnd());
  const want = shown.map((l) => l.trimEnd());
  while (want.length > 0 && want.at(-1) === '') want.pop();
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

const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const blocks = files.flatMap(consoleBlocks).filter((b) => b.commands.length > 0);

const sandbox = mkdtempSync(join(tmpdir(), 'momentum-fr-docs-'));
const binDir = join(sandbox, 'bin');
mkdirSync(binDir);
writeFileSync(join(binDir, 'momentum-fr'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(binDir, 'momentum-fr'), 0o755);
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('documented examples run', () => {
  it('finds the documented examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  // jq is a Debian package (.ci/run installs it); without it, pipelines into jq cannot run here.
  const hasJq = spawnSync('jq', ['--version']).status === 0;
  const usesJq = (b: Block) => b.commands.some((c) => /(^|[|;&(]\s*)jq\b/.test(c.text));
  const runnable = blocks.filter((b) => hasJq || !usesJq(b));
  if (!hasJq) it.skip(`blocks piping into jq (jq is not installed: apt-get install jq): ${blocks.filter(usesJq).length}`, () => undefined);

  it.each(runnable.map((b) => [`${b.file}:${b.line}`, b] as const))('%s', (_where, block) => {
    const dir = mkdtempSync(join(sandbox, 'block-'));
    symlinkSync(join(ROOT, 'configs'), join(dir, 'configs'));
    symlinkSync(join(ROOT, 'test', 'fixtures'), join(dir, 'fixtures'));
    for (const { text: command, expected } of block.commands) {
      const r = spawnSync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { PATH: `${binDir}:${process.env.PATH ?? ''}`, NO_COLOR: '1', HOME: dir },
      });
      // A pipe into `head` may close early: SIGPIPE upstream is the documented, quiet behaviour.
      expect({ command, status: r.status, stderr: r.stderr.slice(0, 2000) }).toMatchObject({ status: 0 });
      if (expected.length > 0) expect(matchesShown(r.stdout, expected), `${command}\n--- got:\n${r.stdout}`).toBe(true);
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
