import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';

const messages = (text: string, opts = {}) => parseSchedules(text, opts).issues.map((i) => formatIssue('x.yaml', i));

describe('gains that overflow double precision are refused, naming the stage and the key', () => {
  it('v: 1e308 validates as a number, but its DC gain 1e308/(1 − 0.9) does not exist in binary64', () => {
    expect(messages('steps: 10\nmomentum:\n  u: 0.9\n  v: 1e308\n')).toEqual([
      'x.yaml:4:6: momentum.v: the gain overflows double precision: dcGain, peakGain and noiseGain exceed 1.8e308 in stage 0 (steps 1–10); scale the coefficients down (got 1e+308)',
    ]);
  });

  it('a noise gain v²/(1 − u²) beyond 1.8e308 is refused although the DC gain is finite; 1e150 is fine', () => {
    expect(messages('steps: 10\nmomentum: { preset: constant, u: 0, v: 1e160 }')).toEqual([
      'x.yaml:2:40: momentum.v: the gain overflows double precision: noiseGain exceeds 1.8e308 in stage 0 (steps 1–10); scale the coefficients down (got 1e+160)',
    ]);
    expect(messages('steps: 10\nmomentum: { preset: constant, u: 0.9, v: 1e150 }')).toEqual([]);
  });

  it('names up to three stages and counts the rest', () => {
    expect(messages('steps: 50\nstages: 5\nmomentum:\n  u: 0.5\n  v: [1, 1e308, 1e308, 1e308, 1e308]\n')).toEqual([
      'x.yaml:5:6: momentum.v: the gain overflows double precision: dcGain, peakGain and noiseGain exceed 1.8e308 in stage 1 (steps 11–20), stage 2 (steps 21–30), stage 3 (steps 31–40) and 1 more stage; scale the coefficients down (got 1e+308)',
    ]);
  });

  it('filter banks and rational stages too (momentum and momentum.b)', () => {
    expect(messages('steps: 10\nmomentum: { preset: qhm, nu: 1e300, beta: 0.5 }')).toEqual([
      'x.yaml:2:11: momentum: the gain overflows double precision: noiseGain exceeds 1.8e308 in stage 0 (steps 1–10); scale the coefficients down',
    ]);
    expect(messages('steps: 10\nmomentum: { preset: rational, b: [1e300, 1e300], a: [1, -0.99] }')).toEqual([
      'x.yaml:2:34: momentum.b: the gain overflows double precision: noiseGain exceeds 1.8e308 in stage 0 (steps 1–10); scale the coefficients down',
    ]);
    expect(messages('steps: 10\nmomentum: { preset: rational, b: [1e100], a: [1, -0.99] }')).toEqual([]);
  });

  it('unstable stages analysed with --allow-unstable have infinite gains by nature and are not refused for it', () => {
    expect(messages('steps: 10\nmomentum: { u: 1, v: 1 }', { allowUnstable: true })).toEqual([]);
  });

  it('the CLI exits 2 with the one-line message', async () => {
    const r = await runCli(['analyze', '--preset', 'constant', '--set', 'momentum.v=1e308', '--no-response']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^--preset constant: --set momentum\.v=1e308: momentum\.v: the gain overflows double precision: dcGain, peakGain and noiseGain exceed 1\.8e308 in stage 0 \(steps 1–117000\); scale the coefficients down \(got 1e\+308\)\n$/);
  });
});
