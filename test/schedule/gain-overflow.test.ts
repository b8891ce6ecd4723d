import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOrderIssues } from '../../src/schedule/checks.js';
import { firstOrderStableAndBounded, gainOverflowIssues } from '../../src/schedule/gain-overflow.js';
import { LIBRARY_VOCABULARY } from '../../src/vocabulary.js';
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

describe('update responses lr·|H| that overflow double precision are refused at lr, naming the stages', () => {
  // standard SGDM at β = 0.9: |H| peaks at DC, 1/(1 − 0.9) = 10; the update response there is lr × 10.
  it('lr: 1e308 with a DC gain of 10 (1e309 > 1.8e308) is refused; lr: 1e307 (1e308) is not', () => {
    expect(messages('steps: 100\nlr: 1e308\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n')).toEqual([
      'x.yaml:2:5: lr: the update response lr·|H| overflows double precision: lr × peakGain exceeds 1.8e308 in stage 0 (steps 1–100); scale the learning rate down (got 1e+308)',
    ]);
    expect(messages('steps: 100\nlr: 1e307\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n')).toEqual([]);
  });

  it('a scheduled lr is refused only at the stages where it overflows (OneCycleLR up to max_lr 1e308, DC gain 1/(1 − u) ≥ 6.7)', () => {
    const [message] = messages('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 1e308 }\nmomentum: { preset: pytorch-sgd }\n');
    expect(message).toMatch(/^x\.yaml:2:5: lr: the update response lr·\|H\| overflows double precision: lr × peakGain exceeds 1\.8e308 in stage \d+ \(step \d+\), .* more stages; scale the learning rate down/);
    // lr·1/(1 − u) ≤ 1.8e308 wherever lr ≤ 1.8e307·(1 − 0.95): the first steps (lr = 4e306) pass.
    expect(message).not.toMatch(/in stage 0 /);
  });

  // aggmo's DC gain is the mean of 1/(1 − β_i): (1 + 10 + 100)/3 = 37, and 37 × 1e307 overflows.
  it('filter banks are checked too, and unstable stages analysed with --allow-unstable are not refused for it', () => {
    expect(messages('steps: 10\nlr: 1e307\nmomentum: { preset: aggmo, betas: [0, 0.9, 0.99] }\n')).toHaveLength(1);
    expect(messages('steps: 10\nlr: 2\nmomentum: { u: 1.5 }\n', { allowUnstable: true })).toEqual([]);
  });

  it('the CLI exits 2 with the one-line message instead of writing null magnitudes', async () => {
    const r = await runCli(['analyze', '-', '--format', 'json'], { input: 'steps: 100\nlr: 1e308\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n' });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^<stdin>:2:5: lr: the update response lr·\|H\| overflows double precision/);
  });
});

describe('firstOrderStableAndBounded: the one-pass check that vouches for both stage checks', () => {
  const value = fc.oneof(fc.double({ min: -1, max: 1 }), fc.constantFrom(0, -0, 1, -1, 0.999999999999, 1e-300, 1e154, 1e300, Infinity, Number.NaN));
  it('is true only where every |u| < 1, and then neither the stage checks nor the gain check find anything', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 6 }), (rows) => {
        const count = rows.length;
        const table = { count, startStep: Float64Array.from(rows, (_, i) => i + 1), endStep: Float64Array.from(rows, (_, i) => i + 1), u: Float64Array.from(rows, ([u]) => u), v: Float64Array.from(rows, ([, v]) => v) };
        if (!firstOrderStableAndBounded(table)) return;
        expect(rows.every(([u]) => Math.abs(u) < 1)).toBe(true);
        expect(firstOrderIssues(table, ['u'], ['v'], false, LIBRARY_VOCABULARY)).toEqual([]);
        expect(gainOverflowIssues({ stages: table }, { preset: undefined, custom: { u: 0, v: 0 } } as never, ['momentum'])).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    const one = (u: number, v: number) => firstOrderStableAndBounded({ count: 1, startStep: new Float64Array([1]), endStep: new Float64Array([1]), u: new Float64Array([u]), v: new Float64Array([v]) });
    expect([one(0.9, 1), one(1, 0), one(-1, 0), one(Number.NaN, 1), one(0.5, 1e300), one(0.5, Infinity)]).toEqual([true, false, false, false, false, false]);
  });
});
