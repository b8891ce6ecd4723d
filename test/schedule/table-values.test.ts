import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseConfig, parseSchedules } from '../../src/schedule/parse.js';
import type { ReadTable, TableRequest } from '../../src/schedule/table-values.js';
import type { Schedule } from '../../src/types.js';
import { runScheduler, SchedulerValue } from '../../src/schedule/schedulers/index.js';
import { TORCH_SCHEDULER_CASES } from '../support/torch-schedulers.js';

const only = (text: string, readTable?: ReadTable): Schedule => {
  const { schedules, issues } = parseSchedules(text, { readTable });
  expect(issues).toEqual([]);
  return schedules[0];
};
const messages = (text: string, readTable?: ReadTable) => parseSchedules(text, { readTable }).issues.map((i) => formatIssue('x.yaml', i));

/** A reader over named in-memory tables, recording what it was asked. */
function memoryReader(tables: Record<string, number[]>, asked: TableRequest[] = []): ReadTable {
  return (request) => {
    asked.push(request);
    const values = tables[request.file];
    return values ? Float64Array.from(values) : { message: `${request.file}: cannot read: no such file or directory` };
  };
}

describe('{ table: … } values: one value per optimizer step, read by the config loader, resolved by the core', () => {
  it('a u table is u_t at step t: the exact response equals the recursion m_t = u_t·m_{t−1} + g_t run by hand (closed form at ω = 0)', () => {
    const u = [0.5, 0.9, 0, 0.25, 0.75, 0.99, 0.1, 0.6];
    const s = only('steps: 8\nmomentum:\n  u: { table: u.csv, column: u }\n', memoryReader({ 'u.csv': u }));
    expect([...s.stages.u]).toEqual(u);
    let m = 0;
    u.forEach((ut) => (m = ut * m + 1));
    const [h] = exactResponseAt(s, Float64Array.of(0), [8]);
    expect(Math.abs(h.magnitude[0] - m) / m).toBeLessThanOrEqual(1e-15);
  });

  it('the reader is asked for the file as written, the column and the steps; equal consecutive values merge into one stage', () => {
    const asked: TableRequest[] = [];
    const s = only('steps: 6\nlr: { table: runs/lr.csv, column: 2 }\nmomentum: { u: 0.9 }\n', memoryReader({ 'runs/lr.csv': [0.1, 0.1, 0.1, 0.05, 0.05, 0.01] }, asked));
    expect(asked).toEqual([{ file: 'runs/lr.csv', column: 2, steps: 6 }]);
    expect([...s.stages.startStep]).toEqual([1, 4, 6]);
    expect([...s.lr!]).toEqual([0.1, 0.05, 0.01]);
  });

  /** The worst relative difference of the stage responses (frozen and exact, momentum and update) of two analyses. */
  function worstDifference(a: ReturnType<typeof analyze>, b: ReturnType<typeof analyze>): number {
    const ra = a.schedules[0].stages, rb = b.schedules[0].stages;
    expect(rb.length).toBe(ra.length);
    let worst = 0;
    ra.forEach((r, i) => {
      const q = rb[i];
      for (const key of ['responseExact', 'updateResponseExact', 'response', 'updateResponse'] as const) {
        const x = r[key] as { magnitude: ArrayLike<number> } | undefined, y = q[key] as { magnitude: ArrayLike<number> } | undefined;
        expect(y === undefined, key).toBe(x === undefined);
        if (x) Array.from(x.magnitude).forEach((m, f) => (worst = Math.max(worst, Math.abs(m - y!.magnitude[f]) / Math.max(1e-300, Math.abs(m)))));
      }
    });
    return worst;
  }

  it.each([
    ['momentum-fr\'s own run of the scheduler', 1e-15],
    // torch's cos differs from V8's in the last bit at some steps (≤ 1.1e-16 relative, schedulers.json), which the exact walk carries.
    ['torch 1.13\'s values (schedulers.json)', 1e-14],
  ] as const)('a table equal to a scheduler gives the scheduler\'s analysis: OneCycleLR lr and its cycled momentum as tables, values from %s', (from, tolerance) => {
    const c = TORCH_SCHEDULER_CASES.find((x) => x.name === 'OneCycleLR defaults (cos, two phases, cycle_momentum), 1000 steps')!;
    const own = runScheduler(SchedulerValue.parse(c.spec), c.steps, ['lr']);
    if ('issues' in own) throw new Error('OneCycleLR did not run');
    const torch = from.startsWith('torch');
    const reader = memoryReader({ 'lr.csv': torch ? c.value! : [...own.value], 'momentum.npy': torch ? c.momentum! : [...own.momentum!] });
    const scheduled = 'steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd }\n';
    const tabled = 'steps: 1000\nlr: { table: lr.csv }\nmomentum: { preset: pytorch-sgd, momentum: { table: momentum.npy } }\n';
    const options = { frequencies: Float64Array.from([0, 0.1, 0.5, 1, 2, Math.PI]), stages: 'all' as const, mode: 'both' as const };
    const a = analyze(scheduled, options);
    const b = analyze(tabled, { ...options, readTable: reader });
    expect(worstDifference(a, b)).toBeLessThanOrEqual(tolerance);
  });

  it('the library takes the values themselves: { table: Float64Array } and { table: number[] }', () => {
    const values = Float64Array.from({ length: 5 }, (_, i) => 0.5 + 0.1 * i);
    const typed = parseConfig({ steps: 5, momentum: { u: { table: values } } });
    const plain = parseConfig({ steps: 5, momentum: { u: { table: [...values] } } });
    expect(typed.issues).toEqual([]);
    expect([...typed.schedules[0].stages.u]).toEqual([...values]);
    expect([...plain.schedules[0].stages.u]).toEqual([...values]);
  });

  it('a table of another length than steps is refused at its table key, with both numbers (never cut or padded)', () => {
    expect(parseConfig({ steps: 4, momentum: { u: { table: [0.5, 0.6, 0.7] } } }).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['momentum.u.table', 'has 3 values for 4 steps: a table gives exactly one value per optimizer step (it is not cut or padded; check steps and the file)'],
    ]);
    expect(parseConfig({ steps: 2, momentum: { u: { table: [0.5, 0.6, 0.7] } } }).issues[0].message).toMatch(/^has 3 values for 2 steps:/);
  });

  it('the reader\'s problem is an issue at the table key of the YAML, with the file\'s own place', () => {
    const reader: ReadTable = () => ({ message: 'lr.csv:17: column "lr": expected a number (got "x")' });
    expect(messages('steps: 20\nmomentum: { u: 0.9 }\nlr:\n  table: lr.csv\n', reader)).toEqual(['x.yaml:4:10: lr.table: lr.csv:17: column "lr": expected a number (got "x")']);
  });

  it('without a reader a file name is an issue naming the option to pass, in the library\'s words', () => {
    expect(messages('steps: 3\nmomentum:\n  u: { table: u.csv }\n')).toEqual([
      'x.yaml:3:15: momentum.u.table: a file name needs the readTable option (tableReader from momentum-fr/node), or pass the values themselves ({ table: Float64Array | number[] })',
    ]);
  });

  it('a value out of bounds inside a table is named at its table key with the file\'s own line, and the step once', () => {
    const lr = Array.from({ length: 100 }, (_, i) => (i === 70 ? -0.03 : 0.1));
    const reader: ReadTable = () => ({ values: Float64Array.from(lr), place: (step) => `c_neg.csv:${step + 1}` });
    expect(messages('steps: 100\nlr: { table: c_neg.csv }\nmomentum: { u: 0.9 }\n', reader)).toEqual(['x.yaml:2:14: lr.table: c_neg.csv:72: must be ≥ 0 at step 71 (got -0.03)']);
  });

  it('more steps than a table may hold is refused before the file is opened', () => {
    const asked: TableRequest[] = [];
    expect(messages('steps: 20000000\nmomentum:\n  u: { table: u.csv }\n', memoryReader({}, asked))).toEqual([
      'x.yaml:3:15: momentum.u.table: a table holds one value per step: at most 10000000 steps (got 20000000)',
    ]);
    expect(asked).toEqual([]);
  });

  it('a non-finite value is refused: by the schema in the library, by step from a reader', () => {
    expect(parseConfig({ steps: 3, momentum: { u: { table: [0.5, Number.NaN, 0.7] } } }).issues.map((i) => i.path.join('.'))).toEqual(['momentum.u.table.1']);
    expect(messages('steps: 3\nmomentum:\n  u: { table: u.csv }\n', memoryReader({ 'u.csv': [0.5, Number.POSITIVE_INFINITY, 0.7] }))).toEqual([
      'x.yaml:3:15: momentum.u.table: value 2 (step 2) is not a finite number (got Infinity)',
    ]);
  });

  it('with stages, a table still gives every step its own value (like a scheduler)', () => {
    const s = only('steps: 4\nstages: 2\nmomentum:\n  u: { table: u.csv }\n', memoryReader({ 'u.csv': [0.1, 0.2, 0.3, 0.4] }));
    expect([...s.stages.u]).toEqual([0.1, 0.2, 0.3, 0.4]);
  });
});
