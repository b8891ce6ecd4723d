import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { pointEvaluator } from '../../src/sweep/point-evaluator.js';
import { resolveAxes } from '../../src/sweep/sweep-axes.js';

/** The reference: the config text re-parsed with `--set` overrides, as `analyze` would see the point. */
function reference(text: string, sets: [string, number][]) {
  const r = parseSchedules(text, { overrides: sets.map(([p, v]) => ({ path: p.split('.'), value: v })) });
  return r.schedules[0]?.stages;
}

function patched(text: string, sets: [string, number][]) {
  const { configs } = parseSchedules(text);
  const { axes, errors } = resolveAxes(configs[0], sets.map(([path, v]) => ({ path, spec: String(v), origin: path })));
  expect(errors).toEqual([]);
  const evaluate = pointEvaluator(configs[0], axes.map((a) => a.target.configPath));
  return evaluate(sets.map(([, v]) => v)).stages;
}

function expectSameTable(text: string, sets: [string, number][]) {
  const want = reference(text, sets)!;
  const got = patched(text, sets)!;
  expect(got.count, JSON.stringify(sets)).toBe(want.count);
  for (const key of ['startStep', 'endStep', 'u', 'v'] as const) {
    expect(Array.from(got[key].subarray(0, got.count)), `${key} ${JSON.stringify(sets)}`).toEqual(Array.from(want[key]));
  }
}

const FSGDM = 'steps: 117000\nstages: 300\nmomentum:\n  preset: fsgdm\n  c: 0.033\n  v: 1\n';

describe('pointEvaluator: patching the parsed config equals re-parsing the text with --set', () => {
  it('fsgdm (closed form, reused arrays) for random c, v, steps and stages, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 400 }),
        (c, v, steps, stages) => {
          fc.pre(stages <= steps);
          expectSameTable(FSGDM, [['momentum.c', c], ['momentum.v', v], ['steps', steps], ['stages', stages]]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a table that shrinks and grows again between points is rebuilt correctly', () => {
    const { configs } = parseSchedules(FSGDM);
    const { axes } = resolveAxes(configs[0], [{ path: 'stages', spec: '300', origin: '' }]);
    const evaluate = pointEvaluator(configs[0], axes.map((a) => a.target.configPath));
    for (const stages of [300, 7, 1000, 3]) {
      const got = evaluate([stages]).stages!;
      const want = reference(FSGDM, [['stages', stages]])!;
      expect(Array.from(got.u.subarray(0, got.count))).toEqual(Array.from(want.u));
    }
  });

  it('other presets and custom expressions', () => {
    expectSameTable('steps: 1000\nstages: 10\nmomentum:\n  preset: paper-orthodox-low-pass-increasing\n', [['momentum.mu', 37.5], ['stages', 13]]);
    expectSameTable('steps: 1000\nstageLength: 7\nmomentum:\n  preset: standard-sgdm\n', [['momentum.beta', 0.7], ['stageLength', 9]]);
    expectSameTable('steps: 500\nstages: 20\nmomentum:\n  params: { mu: 10 }\n  u: "t / (t + mu)"\n  v: "1 - u"\n', [['momentum.params.mu', 123]]);
    expectSameTable('steps: 500\nstages: 2\nmomentum:\n  u: [0.5, 0.9]\n', [['momentum.u.1', 0.25]]);
  });

  it('an unstable point is a one-line problem, not a throw', () => {
    const { configs } = parseSchedules('steps: 10\nmomentum:\n  preset: standard-sgdm\n');
    const evaluate = pointEvaluator(configs[0], [['momentum', 'params', 'beta']]);
    expect(evaluate([1.5]).problem).toMatch(/^momentum: \|u\| must be < 1 for a stable filter .*stage 0 \(steps 1–10\): 1\.5$/);
    expect(pointEvaluator(configs[0], [['momentum', 'params', 'beta']], { allowUnstable: true })([1.5]).stages?.u[0]).toBe(1.5);
  });
});
