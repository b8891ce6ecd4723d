import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));
const lr = (value: string) => messages(`steps: 1000\nlr: ${value}\nmomentum: { preset: ema-sgdm }\n`);
const VALUE = 'expected a number, an expression, a list with one value per stage, { piecewise: [...] }, { scheduler: … } or { table: … }';

describe('a value written in one form reports the problem inside it, at its own key path', () => {
  it('piecewise segments: a fractional, missing or non-numeric from names the segment and its key', () => {
    expect(lr('{ piecewise: [{ from: 1, value: 0.1 }, { from: 2.5, value: 0.2 }] }')).toEqual(['x.yaml:2:52: lr.piecewise[1].from: expected an integer (got 2.5)']);
    expect(lr('{ piecewise: [{ value: 0.1 }] }')).toEqual(['x.yaml:2:19: lr.piecewise[0].from: is required (a number)']);
    expect(lr('{ piecewise: [{ from: a, value: 0.1 }] }')).toEqual(['x.yaml:2:27: lr.piecewise[0].from: expected a number (got "a")']);
    expect(lr('{ piecewise: abc }')).toEqual(['x.yaml:2:18: lr.piecewise: expected a list (got "abc")']);
    expect(lr('{ piecewise: [{ from: 1 }] }')).toEqual(['x.yaml:2:19: lr.piecewise[0].value: is required (a number or a string)']);
  });

  it('a per-stage list names the element, and a segment value that is neither number nor expression says so', () => {
    expect(messages('steps: 1000\nstages: 2\nlr: [0.1, .nan]\nmomentum: { preset: ema-sgdm }\n')).toEqual(['x.yaml:3:11: lr[1]: expected a number or a string (got NaN)']);
    expect(lr('{ piecewise: [{ from: 1, value: { scheduler: StepLR } }] }')).toEqual(['x.yaml:2:37: lr.piecewise[0].value: expected a number or a string (got a mapping)']);
  });

  it('a preset parameter written as a value does the same', () => {
    expect(messages('steps: 1000\nmomentum:\n  preset: pytorch-sgd\n  momentum: { piecewise: [{ from: 0.5, value: 0.9 }] }\n')).toEqual([
      'x.yaml:4:35: momentum.momentum.piecewise[0].from: expected an integer (got 0.5)',
    ]);
  });

  it('a table names its own key (the form is told by its table key, whatever that key holds)', () => {
    expect(lr('{ table: 5 }')).toEqual(['x.yaml:2:14: lr.table: expected a string or a list (got 5)']);
  });

  it('a misspelt key inside a table, or of the form itself, gets a "did you mean"', () => {
    expect(lr('{ table: a.csv, colum: 1 }')).toEqual(['x.yaml:2:21: lr.colum: unknown key (did you mean "column"?)']);
    expect(lr('{ tabel: lr.npy }')).toEqual(['x.yaml:2:7: lr.tabel: unknown key (did you mean "table"?)']);
    expect(lr('{ piecewis: [] }')).toEqual(['x.yaml:2:7: lr.piecewis: unknown key (did you mean "piecewise"?)']);
    expect(messages('steps: 10\nmomentum:\n  u: { tabel: u.csv }\n')).toEqual(['x.yaml:3:8: momentum.u.tabel: unknown key (did you mean "table"?)']);
  });

  it('a value in no recognisable form, or in two, keeps the one message listing the forms', () => {
    expect(lr('true')).toEqual([`x.yaml:2:5: lr: ${VALUE} (got true)`]);
    expect(lr('{ foo: 1 }')).toEqual([`x.yaml:2:5: lr: ${VALUE}`]);
    expect(lr('~')).toEqual([`x.yaml:2:5: lr: ${VALUE}`]);
  });
});

describe('one value, one line', () => {
  const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));

  it('a whole number past both the safe-integer bound and the schema\'s says the tighter bound once (steps ≤ 10¹²)', () => {
    expect(messages('steps: 99999999999999999999\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:1:8: steps: must be ≤ 1000000000000 (got 100000000000000000000)']);
    expect(messages('steps: 10\nstageLength: 99999999999999999999\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:2:14: stageLength: must be ≤ 1000000000000 (got 100000000000000000000)']);
    expect(messages('steps: -99999999999999999999\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:1:8: steps: must be ≥ 1 (got -100000000000000000000)']);
  });
});
