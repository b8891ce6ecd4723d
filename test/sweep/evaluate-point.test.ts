import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterTables } from '../../src/filter/stage-filter.js';
import { issueText } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { pointEvaluator } from '../../src/sweep/evaluate-point.js';
import { resolveAxes } from '../../src/sweep/sweep-axes.js';
import type { Schedule } from '../../src/types.js';

/** The reference: the config text re-parsed with `--set` overrides, as `analyze` would see the point. */
function reference(text: string, sets: readonly [string, number][]): { schedule?: Schedule; problem?: string } {
  const r = parseSchedules(text, { overrides: sets.map(([p, v]) => ({ path: p.split('.'), value: v })) });
  return r.issues.length > 0 ? { problem: r.issues.map(issueText).join('; ') } : { schedule: r.schedules[0] };
}

/** One evaluator over the axes (each given with a value its schema accepts), fed every point of `sets` in turn (arrays reused between them). */
function evaluator(text: string, axes0: readonly [string, number][], options: { allowUnstable?: boolean } = {}) {
  const { configs, issues } = parseSchedules(text);
  expect(issues).toEqual([]);
  const { axes, errors } = resolveAxes(configs[0], axes0.map(([path, value]) => ({ path, spec: String(value), origin: path })));
  expect(errors).toEqual([]);
  return pointEvaluator(configs[0], axes.map((a) => a.target.configPath), options).evaluate;
}

/** Rows 0 … count − 1 of a typed array (an arena's arrays may be longer than the table). */
const rows = (a: Float64Array, count: number, width = 1) => Array.from(a.subarray(0, count * width));

/** Every number of the schedule's filter, bit for bit (Object.is: −0 and NaN count), and its header. */
function expectSameSchedule(got: Schedule, want: Schedule, where: string) {
  expect([got.steps, got.firstStepCopy, got.source, got.stages.count], where).toEqual([want.steps, want.firstStepCopy, want.source, want.stages.count]);
  const n = want.stages.count;
  for (const key of ['startStep', 'endStep', 'u', 'v'] as const) expect(rows(got.stages[key], n), `${key} ${where}`).toEqual(rows(want.stages[key], n));
  const [gotTables, wantTables] = [filterTables(got), filterTables(want)];
  expect(got.filter.kind, `filter kind ${where}`).toBe(want.filter.kind);
  const [gb, wb] = [gotTables.bank, wantTables.bank];
  if (wb && gb) {
    expect(gb.branches).toBe(wb.branches);
    for (const key of ['c0', 'c', 'u', 'v'] as const) expect(rows(gb[key], n, key === 'c0' ? 1 : wb.branches), `bank.${key} ${where}`).toEqual(rows(wb[key], n, key === 'c0' ? 1 : wb.branches));
  }
  const [gr, wr] = [gotTables.rational, wantTables.rational];
  if (wr && gr) {
    expect([gr.nb, gr.na]).toEqual([wr.nb, wr.na]);
    expect(rows(gr.b, n, wr.nb), `b ${where}`).toEqual(rows(wr.b, n, wr.nb));
    expect(rows(gr.a, n, wr.na), `a ${where}`).toEqual(rows(wr.a, n, wr.na));
  }
}

/** Patched and re-parsed agree: the same schedule, or the same one-line problem. */
function expectSamePoint(got: { schedule?: Schedule; problem?: string }, want: { schedule?: Schedule; problem?: string }, where: string) {
  expect(got.problem, where).toBe(want.problem);
  if (want.schedule) expectSameSchedule(got.schedule!, want.schedule, where);
}

/** A preset's first numeric parameter (the one a sweep of it would most likely patch), if any. */
function numericParam(name: string): { key: string; value: number } | undefined {
  const params = PRESETS.get(name)!.params.parse({}) as Record<string, unknown>;
  const key = Object.keys(params).find((k) => typeof params[k] === 'number');
  return key === undefined ? undefined : { key, value: params[key] as number };
}

describe('a sweep point (patched working copy + resolveSchedule with an arena) equals re-parsing the patched config', () => {
  for (const name of PRESETS.keys()) {
    it(`${name}: for sampled steps, stages and its first numeric parameter, bit for bit, over a sequence of points`, () => {
      const param = numericParam(name);
      const text = JSON.stringify({ steps: 1000, stages: 10, momentum: { preset: name } });
      const paths = ['steps', 'stages', ...(param ? [`momentum.${param.key}`] : [])];
      const base: [string, number][] = [['steps', 1000], ['stages', 10], ...(param ? [[`momentum.${param.key}`, param.value] as [string, number]] : [])];
      const point = fc.record({ steps: fc.integer({ min: 1, max: 3000 }), stages: fc.integer({ min: 1, max: 300 }), factor: fc.double({ min: 0, max: 1.2, noNaN: true }) });
      fc.assert(
        fc.property(fc.array(point, { minLength: 1, maxLength: 4 }), (points) => {
          const evaluate = evaluator(text, base);
          for (const p of points) {
            const values = [p.steps, p.stages, ...(param ? [param.value * p.factor] : [])];
            // Values outside the parameter's schema never reach a sweep point (resolveAxes checks them).
            if (param && !PRESETS.get(name)!.params.safeParse({ [param.key]: values[2] }).success) continue;
            const sets = paths.map((path, i) => [path, values[i]] as [string, number]);
            expectSamePoint(evaluate(values), reference(text, sets), JSON.stringify(sets));
          }
        }),
        { numRuns: 12 },
      );
    });
  }

  it('custom expressions, per-stage lists and piecewise coefficients', () => {
    const cases: [string, [string, number][]][] = [
      ['steps: 500\nstages: 20\nmomentum:\n  params: { mu: 10 }\n  u: "t / (t + mu)"\n  v: "1 - u"\n', [['momentum.params.mu', 123]]],
      ['steps: 500\nstages: 20\nmomentum:\n  u: "0.3 + 0.6 * p"\n  v: 1\n', [['stages', 13]]],
      ['steps: 500\nstages: 2\nmomentum:\n  u: [0.5, 0.9]\n', [['momentum.u.1', 0.25]]],
      ['steps: 6000\nstageLength: 500\nmomentum:\n  u: { piecewise: [{ from: 1, value: 0 }, { from: 2500, value: 0.9 }] }\n  v: "1 - u"\n', [['momentum.u.piecewise.1.value', 0.8], ['stageLength', 300]]],
    ];
    for (const [text, sets] of cases) {
      const evaluate = evaluator(text, sets);
      // Twice: the second evaluation runs on the arena's cached partition and compiled expressions.
      for (let i = 0; i < 2; i++) expectSamePoint(evaluate(sets.map(([, v]) => v)), reference(text, sets), `${text} ${JSON.stringify(sets)}`);
    }
  });

  it('a point where tables no longer fit names each table\'s file and column, every one of them', () => {
    const text = 'steps: 4\nlr: { table: lr.csv, column: lr }\nmomentum:\n  preset: pytorch-sgd\n  momentum: { table: m.npy }\n';
    const readTable = () => Float64Array.of(0.9, 0.9, 0.8, 0.8);
    const { configs, issues } = parseSchedules(text, { readTable });
    expect(issues).toEqual([]);
    const { axes } = resolveAxes(configs[0], [{ path: 'steps', spec: '3', origin: 'steps' }]);
    const { problem } = pointEvaluator(configs[0], axes.map((a) => a.target.configPath)).evaluate([3]);
    const tail = 'has 4 values for 3 steps: a table gives exactly one value per optimizer step (it is not cut or padded; check steps and the file)';
    expect(problem).toBe(`momentum.momentum.table: m.npy: ${tail}; lr.table: lr.csv: column "lr": ${tail}`);
  });

  it('an unstable point is a one-line problem, not a throw, and is accepted with allowUnstable', () => {
    const text = 'steps: 10\nmomentum:\n  preset: standard-sgdm\n';
    const evaluate = evaluator(text, [['momentum.beta', 0.9]]);
    expect(evaluate([1.5]).problem).toBe('momentum: |u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got in stage 0 (steps 1–10): 1.5');
    expect(evaluator(text, [['momentum.beta', 0.9]], { allowUnstable: true })([1.5]).schedule?.stages.u[0]).toBe(1.5);
  });
});
