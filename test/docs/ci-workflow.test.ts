import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { spawnAsync } from '../support/spawn-async.js';
import { fencedBlocks } from './markdown.js';

/**
 * docs/ci-workflow.md's GitHub Actions workflow, run for real: the tarball is made by `npm pack` in
 * this repository as the page says, installed globally into a temporary npm prefix by the workflow's
 * own step, and every `run:` step then runs with bash as GitHub runs it (`bash -e -o pipefail`), in a
 * workspace holding a pull request (`head/`) and its base branch (`base/`).
 */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  'working-directory'?: string;
}

/** Steps not run here, and why. */
const NOT_RUN: Record<string, string> = {
  'Check out the pull request': 'the test writes head/ itself',
  'Check out the base branch': 'the test writes base/ itself',
  'actions/setup-node@v4': 'the Node.js running the tests',
  'Install the font the plots use': 'a system package (sudo apt-get); .ci/run installs fonts-dejavu-core',
  'actions/upload-artifact@v4': 'the test reads plots/ instead',
};

const EMA = (beta: number) => `name: ema-sgdm\nsteps: 1000\nmomentum: { preset: ema-sgdm, beta: ${beta} }\n`;
const STANDARD = 'name: standard-sgdm\nsteps: 1000\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n';
const CONSTANT = 'name: constant\nsteps: 1000\nmomentum: { preset: constant, u: 0.5, v: 1 }\n';

const page = 'docs/ci-workflow.md';
const workflowBlocks = fencedBlocks(page).filter((b) => b.lang === 'yaml');
const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-ci-workflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/ci-workflow.md', () => {
  it('its workflow, installed from `npm pack`\'s tarball, validates and draws the configs of both sides and lists what changed', { timeout: 600_000 }, async () => {
    expect(workflowBlocks).toHaveLength(1);
    const workflow = parse(workflowBlocks[0].lines.join('\n')) as { env: Record<string, string>; jobs: { plots: { steps: Step[] } } };
    const steps = workflow.jobs.plots.steps;
    const label = (s: Step) => s.name ?? s.uses ?? '?';
    expect(steps.filter((s) => s.run === undefined && NOT_RUN[label(s)] === undefined).map(label), 'steps neither run nor listed in NOT_RUN').toEqual([]);

    // The tarball, as the page makes it (`npm ci` has run: `npm test` built dist/ before this test, so
    // `prepare` is skipped rather than rebuilding dist/ under the other test files).
    const packed = await spawnAsync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0].filename;
    expect(basename(workflow.env.MOMENTUM_FR), 'MOMENTUM_FR names the tarball `npm pack` writes').toBe(tarball);

    const ws = join(dir, 'workspace');
    const side = (name: string, files: Record<string, string>) => {
      mkdirSync(join(ws, name, 'configs'), { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(ws, name, 'configs', file), text);
    };
    side('head', { 'ema-sgdm.yaml': EMA(0.95), 'standard-sgdm.yaml': STANDARD, 'constant.yaml': CONSTANT });
    side('base', { 'ema-sgdm.yaml': EMA(0.9), 'standard-sgdm.yaml': STANDARD });
    mkdirSync(join(ws, 'head', 'tools'));
    copyFileSync(join(dir, tarball), join(ws, 'head', workflow.env.MOMENTUM_FR));

    const prefix = join(dir, 'npm-prefix');
    const summary = join(dir, 'summary.md');
    const env = {
      ...process.env,
      ...workflow.env,
      PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: ws,
      NO_COLOR: '1',
      // `npm install --global` into a temporary prefix, dependencies from npm's cache when it has them.
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    for (const step of steps) {
      if (step.run === undefined || NOT_RUN[label(step)] !== undefined) continue;
      expect(step.run, 'a run step with a ${{ }} expression cannot run here').not.toContain('${{');
      const cwd = join(ws, step['working-directory'] ?? '.');
      const r = await spawnAsync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run], { cwd, env });
      expect(r.status, `step "${label(step)}"\n--- stdout:\n${r.stdout.slice(-3000)}\n--- stderr:\n${r.stderr.slice(-3000)}`).toBe(0);
    }

    // The installed command is the packed package, not a link back into this repository.
    const installed = realpathSync(join(prefix, 'bin', 'momentum-fr'));
    expect(installed.startsWith(realpathSync(ROOT))).toBe(false);
    const version = await spawnAsync(installed, ['--version'], { env });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    for (const file of ['ema-sgdm/ema-sgdm-magnitude.svg', 'ema-sgdm/ema-sgdm-magnitude.png', 'ema-sgdm/ema-sgdm.html', 'constant/constant-response-map.svg']) {
      expect(existsSync(join(ws, 'plots', 'head', file)), file).toBe(true);
    }
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('## Momentum response plots');
    // ema-sgdm's β changed: its figures changed; standard-sgdm is the same on both sides; constant is new.
    expect(table).toContain('| `ema-sgdm/ema-sgdm-magnitude.svg` | **changed** |');
    expect(table).toContain('| `standard-sgdm/standard-sgdm-magnitude.svg` | unchanged |');
    expect(table).toContain('| `constant/constant-magnitude.svg` | new |');
    expect(table).not.toMatch(/standard-sgdm.*\*\*changed\*\*/);
  });
});
