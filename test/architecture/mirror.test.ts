import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';

/**
 * test/ mirrors src/ (Vega-Lite's layout): every `X.test.ts` names the `X.ts` it tests, and every
 * source file has its test, or is listed in untested.json. Ratchet mode: that list and the
 * cross-cutting list below may only shrink; an entry that now has its test, or whose file is gone,
 * fails until it is deleted.
 *
 * MIRROR is 'folder' today (test/A/…/X.test.ts tests some src/A/…/X.ts); the restructuring's Step 2
 * switches it to 'path' (test/core/filter/grid.test.ts tests src/core/filter/grid.ts) and the
 * exempt folders to e2e, docs, architecture, build and support (plan §2.4, §3.3).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIRROR: 'folder' | 'path' = 'folder';

/** Folders of test/ that hold no unit tests of one source file. */
const EXEMPT_FOLDERS = ['test/docs/', 'test/architecture/', 'test/build/', 'test/support/', 'test/bench/', 'test/fixtures/', 'test/e2e/'];

/** Tests that check a behaviour across modules (or sit in another folder than their source), with why. */
const CROSS_CUTTING: Record<string, string> = {
  'test/cli/at-steps-formats.test.ts': 'analyze --at-steps in every output format',
  'test/cli/budgets.test.ts': 'work is checked against its budget before it starts, every command through the CLI (issue 11)',
  'test/cli/commands.test.ts': 'help, version, validate, schema, presets, init, coefficients end to end',
  'test/cli/config-warnings.test.ts': 'config warnings as validate and analyze print them',
  'test/cli/csv-output.test.ts': 'RFC 4180 output of every command that writes CSV',
  'test/cli/paths.test.ts': 'paths that cannot be used, outputs that are inputs, symlinked and long output names, for every command',
  'test/cli/spectral-cli.test.ts': 'simulate and spectrum end to end',
  'test/cli/sweep-cli.test.ts': 'sweep end to end',
  'test/cli/tune-cli.test.ts': 'tune end to end',
  'test/filter/exact-analyze.test.ts': 'analyze({ mode, atSteps }) and --mode/--at-steps, library and binary',
  'test/filter/torch-optimizers.test.ts': 'applied coefficients and exact responses of the optimizer presets against real torch.optim optimizers',
  'test/filter/torch-scheduled.test.ts': 'scheduled lr and momentum (the value grammar\'s schedulers) against real torch optimizers and schedulers',
  'test/configs/recipes.test.ts': 'the real-run recipe configs (configs/*.yaml) against torch, HF and official formulas',
  'test/filter/family.test.ts': 'frozen and exact responses of the filter-bank presets against scipy fixtures',
  'test/io/read-trace-npy.test.ts': '.npy traces (src/io/trace-npy.ts) through readTrace',
  'test/io/read-trace-number.test.ts': 'parseNumber (src/io/trace-number.ts) under another name',
  'test/plot/ci-workflow.test.ts': 'the workflow of docs/ci-workflow.md (Step 2 moves it to test/docs/)',
  'test/plot/cli-plot.test.ts': 'plot end to end',
  'test/plot/html-browser.test.ts': 'the HTML page in a real browser',
  'test/plot/legibility.test.ts': 'what a reader sees in every figure kind: tick labels, legend symbols, padded domains, transients, margins (issue 15)',
  'test/plot/render.test.ts': 'the render pipeline, every format',
  'test/plot/specs.test.ts': 'every Vega-Lite builder of plot/specs',
  'test/schedule/config-fuzz.test.ts': 'random configs through parse, resolve and the CLI',
  'test/schedule/prototype-keys.test.ts': 'prototype keys refused in every path syntax',
  'test/spectral/simulate-bank.test.ts': 'runMomentum (src/spectral/simulate.ts) on filter banks and rational schedules',
  'test/sweep/parity.test.ts': 'one sweep point equals analyze for every preset',
  'test/sweep/sweep-progress.test.ts': 'tests src/cli/actions/sweep-progress.ts from test/sweep/ (Step 2 moves it to test/node/cli/)',
};

interface Untested {
  $comment: string;
  files: string[];
}
const UNTESTED: Untested = JSON.parse(readFileSync(new URL('./untested.json', import.meta.url), 'utf8'));

const sources = sourceFiles(ROOT, 'src');
const tests = sourceFiles(ROOT, 'test').filter((f) => f.endsWith('.test.ts'));

/** The source files a test file names (none for a cross-cutting test). */
function testedBy(test: string): string[] {
  const rel = test.slice('test/'.length, -'.test.ts'.length);
  if (MIRROR === 'path') return sources.filter((s) => s === `src/${rel}.ts`);
  const [top, ...rest] = rel.split('/');
  const name = `${rest.length === 0 ? top : rest[rest.length - 1]}.ts`;
  const folder = rest.length === 0 ? 'src/' : `src/${top}/`;
  return sources.filter((s) => s.startsWith(folder) && s.endsWith(`/${name}`) && (rest.length > 0 || s === `src/${name}`));
}

const unitTests = tests.filter((t) => !EXEMPT_FOLDERS.some((f) => t.startsWith(f)));
const tested = new Set(unitTests.flatMap(testedBy));

describe('test/ mirrors src/ (ratchet)', () => {
  it('every test names the source file it tests, or is a listed cross-cutting test', () => {
    const orphans = unitTests.filter((t) => testedBy(t).length === 0 && !(t in CROSS_CUTTING));
    expect(orphans, 'name the test after its source file, or list it in CROSS_CUTTING with a reason').toEqual([]);
  });

  it('every cross-cutting entry is a test that exists and names no source file', () => {
    const stale = Object.keys(CROSS_CUTTING).filter((t) => !tests.includes(t) || testedBy(t).length > 0);
    expect(stale, 'delete these entries of CROSS_CUTTING').toEqual([]);
  });

  it('every source file has a test, or is listed in untested.json', () => {
    const listed = new Set(UNTESTED.files);
    const missing = sources.filter((s) => !tested.has(s) && !listed.has(s));
    expect(missing, 'write test/<folder>/<name>.test.ts for these files (untested.json may only shrink)').toEqual([]);
  });

  it('every entry of untested.json is a source file without a test (delete the ones that have one now)', () => {
    const stale = UNTESTED.files.filter((s) => !sources.includes(s) || tested.has(s));
    expect(stale, 'delete these entries of test/architecture/untested.json').toEqual([]);
    expect(UNTESTED.files, 'keep untested.json sorted and without repeats').toEqual([...new Set(UNTESTED.files)].sort());
  });
});
