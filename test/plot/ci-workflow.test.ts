import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../support/cli.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** The ```yaml block of docs/ci-workflow.md, parsed. */
function workflow(): { env: Record<string, string>; jobs: { plots: { steps: Step[] } } } {
  const text = readFileSync(join(ROOT, 'docs/ci-workflow.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)\n```/.exec(text);
  expect(block, 'docs/ci-workflow.md has a ```yaml block').not.toBeNull();
  return parse(block![1]);
}

describe('docs/ci-workflow.md', () => {
  it('is a GitHub Actions workflow that checks out both sides, draws, summarises and uploads', () => {
    const w = workflow();
    const steps = w.jobs.plots.steps;
    expect(steps.filter((s) => s.uses === 'actions/checkout@v4')).toHaveLength(2);
    expect(steps.some((s) => s.uses === 'actions/upload-artifact@v4' && s.with?.path === 'plots/')).toBe(true);
    expect(steps.some((s) => s.run?.includes('momentum-fr plot'))).toBe(true);
  });

  it('its draw and summary steps run as written (bash, momentum-fr on PATH) and report unchanged figures', () => {
    const w = workflow();
    const dir = mkdtempSync(join(tmpdir(), 'mfr-ci-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'momentum-fr'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'momentum-fr'), 0o755);
    for (const side of ['head', 'base']) {
      mkdirSync(join(dir, side));
      symlinkSync(join(ROOT, 'configs'), join(dir, side, 'configs'));
    }
    const summary = join(dir, 'summary.md');
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, CONFIGS: 'configs/constant.yaml', GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' };
    for (const name of ['Draw the plots of the pull request and of the base branch', 'Summarise what changed']) {
      const step = w.jobs.plots.steps.find((s) => s.name === name);
      expect(step?.run, name).toBeDefined();
      const r = spawnSync('bash', ['-e', '-c', step!.run!], { cwd: dir, env, encoding: 'utf8' });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('| `constant/constant-response-map.svg` | unchanged |');
    expect(text).not.toContain('changed**');
    expect(readFileSync(join(dir, 'plots/head/constant/constant.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(join(dir, 'plots/base/constant/constant-magnitude.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
