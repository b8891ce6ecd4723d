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
    expect(evaluate([1.5]).problem).toBe('momentum.beta: |u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got in stage 0 (steps 1–10): 1.5');
    expect(evaluator(text, [['momentum.beta', 0.9]], { allowUnstable: true })([1.5]).schedule?.stages.u[0]).toBe(1.5);
  });
});

/**
 * Reuse (ValueMemo): a sweep point re-resolves only what its swept paths change. The property: over a
 * random sequence of points, each point resolved through one evaluator (values kept from point to
 * point) equals a fresh full resolve of the patched config bit for bit — for swept paths outside and
 * inside lr, inside a scheduler's kwargs, over a momentum the scheduler overwrites (cycle_momentum),
 * with tables, per step and per stage, and through two evaluators of one config taking turns (a
 * sweep's check pass and its formatting share the memo).
 */
describe('a sweep point resolved with the values it does not change kept equals a fresh full resolve', () => {
  const table = (n: number, f: (t: number) => number) => `[${Array.from({ length: n }, (_, i) => f(i + 1)).join(', ')}]`;
  const cases: { name: string; text: string; axes: [string, fc.Arbitrary<number>][] }[] = [
    {
      name: 'nesterov, a per-step lr expression and an interp momentum warm-up (the YOLO recipe, shortened)',
      text: 'steps: 400\nlr: "0.01 * ((1 - floor((t - 1) / 37) / 10) * 0.99 + 0.01) * min(t - 1, 55) / 55"\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 55], fp: [0.8, 0.937] }\n  dampening: 0\n',
      axes: [['momentum.momentum.fp.1', fc.double({ min: 0, max: 0.99, noNaN: true })], ['momentum.momentum.fp.0', fc.constantFrom(0, 0.5, 0.8)]],
    },
    {
      name: 'the same with steps and lr itself swept (every kept value made again)',
      text: 'steps: 400\nlr: "0.01 * min(t - 1, 55) / 55"\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 55], fp: [0, 0.937] }\n',
      axes: [['steps', fc.integer({ min: 50, max: 500 })], ['lr', fc.constantFrom(0.01, 0.1)], ['momentum.momentum.fp.1', fc.constantFrom(0.9, 0.95)]],
    },
    {
      name: 'pytorch-sgd under OneCycleLR: its kwargs swept, and the momentum it overwrites',
      text: 'steps: 300\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9, dampening: 0 }\n',
      axes: [['lr.max_lr', fc.double({ min: 0.001, max: 1, noNaN: true })], ['lr.max_momentum', fc.constantFrom(0.9, 0.95, 0.99)], ['momentum.momentum', fc.constantFrom(0.5, 0.9)], ['momentum.dampening', fc.constantFrom(0, 0.3)]],
    },
    {
      name: 'pytorch-sgd under OneCycleLR with stages (the stage walk): a kwarg and the stage count swept',
      text: 'steps: 300\nstages: 7\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n',
      axes: [['lr.pct_start', fc.constantFrom(0.2, 0.3, 0.5)], ['stages', fc.integer({ min: 1, max: 40 })]],
    },
    {
      name: 'tables for lr and the momentum (from 0: torch\'s buffer copy), dampening and steps swept',
      text: `steps: 60\nlr: { table: ${table(60, (t) => 0.1 / t)} }\nmomentum:\n  preset: pytorch-sgd\n  momentum: { table: ${table(60, (t) => (t < 9 ? 0 : 0.9))} }\n  dampening: 0\n`,
      axes: [['momentum.dampening', fc.constantFrom(0, 0.2, 0.5)], ['steps', fc.constantFrom(60, 59)]],
    },
    {
      name: 'nadam (a bank of one step per stage) with a β1 expression of the step kept and a per-step lr',
      text: 'steps: 200\nlr: "1e-3 * min(t, 20) / 20"\nmomentum:\n  preset: nadam\n  beta1: "0.8 + 0.1 * min(t, 100) / 100"\n  momentum_decay: 0.004\n',
      axes: [['momentum.momentum_decay', fc.constantFrom(0.001, 0.004, 0.01)], ['steps', fc.constantFrom(150, 200)]],
    },
    {
      name: 'standard-sgdm with β per step and lr per stage of a stageLength swept',
      text: 'steps: 500\nstageLength: 50\nlr: { scheduler: CosineAnnealingLR, T_max: 500, base: 0.1 }\nmomentum: { preset: standard-sgdm, beta: "0.5 + 0.4 * p" }\n',
      axes: [['stageLength', fc.constantFrom(25, 50, 100)], ['lr.T_max', fc.integer({ min: 100, max: 600 })]],
    },
    {
      name: 'custom u/v per step beside a per-step lr, a param swept',
      text: 'steps: 300\nlr: "0.1 * (1 - t / T)"\nmomentum:\n  params: { mu: 10 }\n  u: "t / (t + mu)"\n  v: "1 - u"\n',
      axes: [['momentum.params.mu', fc.double({ min: 1, max: 1000, noNaN: true })]],
    },
    {
      name: 'fsgdm with a per-step lr (its own partition as hard boundaries)',
      text: 'steps: 2000\nstages: 20\nlr: { scheduler: OneCycleLR, max_lr: 0.1, cycle_momentum: false }\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n',
      axes: [['momentum.c', fc.double({ min: 0.001, max: 0.1, noNaN: true })], ['lr.max_lr', fc.constantFrom(0.05, 0.1)]],
    },
  ];

  for (const { name, text, axes } of cases) {
    it(`${name}: every point of a random sequence, through one evaluator and through two taking turns`, () => {
      const { configs, issues } = parseSchedules(text);
      expect(issues).toEqual([]);
      const requests = axes.map(([path]) => ({ path, spec: '1', origin: path }));
      const resolved = resolveAxes(configs[0], requests);
      expect(resolved.errors).toEqual([]);
      const paths = resolved.axes.map((a) => a.target.configPath);
      fc.assert(
        fc.property(fc.array(fc.tuple(...axes.map(([, values]) => values)), { minLength: 2, maxLength: 5 }), (points) => {
          const one = pointEvaluator(configs[0], paths);
          const pair = [pointEvaluator(configs[0], paths), pointEvaluator(configs[0], paths)];
          points.forEach((values, i) => {
            const sets = axes.map(([path], a) => [path, values[a]] as [string, number]);
            const want = reference(text, sets);
            expectSamePoint(one.evaluate(values), want, `one evaluator ${JSON.stringify(sets)}`);
            expectSamePoint(pair[i % 2].evaluate(values), want, `two evaluators ${JSON.stringify(sets)}`);
          });
        }),
        { numRuns: 8 },
      );
    });
  }
});
