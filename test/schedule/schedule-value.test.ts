import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/schedule/expression.js';
import { expressionReads, nonNegativeIssue, readsStep, stepColumnIssue } from '../../src/schedule/schedule-value.js';

describe('readsStep: which values make an implicit partition per step', () => {
  it('expressions reading t or p, and piecewise segments; not numbers, lists, k alone or one constant segment', () => {
    expect([0.9, '0.9', 'k / 10', 'T + N + delta', [0.1, 0.2], { piecewise: [{ from: 1, value: 0.5 }] }].map(readsStep)).toEqual([false, false, false, false, false, false]);
    expect(['t', 'p*2', '2t', 'min(t, 5)', { piecewise: [{ from: 1, value: 0 }, { from: 5, value: 1 }] }, { piecewise: [{ from: 1, value: 'p' }] }].map(readsStep)).toEqual([true, true, true, true, true, true]);
  });

  it('agrees with the variables mathjs finds, for numbers with exponents, names containing t, comments and calls', () => {
    const names = new Set(['t', 'p', 'k', 'tau2', 'step']);
    for (const source of ['1e5 * k', 'tau2 + 1', 'step + 1', 'tan(1) + 2e-3', 'k # t in a comment', '0.5t', 't^2', 'sqrt(p)', 'pi + e', 'x1t']) {
      const variables = compileExpression(source, new Set([...names, 'x1t'])).variables;
      expect(expressionReads(source, new Set(['t', 'p'])), source).toBe(variables.has('t') || variables.has('p'));
    }
  });
});

describe('nonNegativeIssue: a value that must be ≥ 0 at every step, located', () => {
  const starts = new Float64Array([1, 11, 21, 31]);
  const ends = new Float64Array([10, 20, 30, 40]);
  it('names the first run of bad steps and the first bad value', () => {
    expect(nonNegativeIssue(new Float64Array([1, -2, -3, 1]), starts, ends, 4, ['lr'], false)?.message).toBe('must be ≥ 0 at steps 11–30 (got -2 at step 11)');
    expect(nonNegativeIssue(new Float64Array([1, 1, 1, NaN]), starts, ends, 4, ['lr'], false)?.message).toBe('must be a finite number at steps 31–40 (got NaN at step 31)');
    expect(nonNegativeIssue(new Float64Array([0, 1, 2, 3]), starts, ends, 4, ['lr'], false)).toBeUndefined();
  });
});

describe('stepColumnIssue: per-step values checked against a parameter’s bounds, located', () => {
  it('names the first run of refused steps and its first value, as boundsProblem words it', () => {
    const values = new Float64Array([0.5, 0.99, 1, 1.02, 0.9, Number.NaN]);
    expect(stepColumnIssue(values, ['momentum', 'beta1'], { min: 0, max: 1, maxExclusive: true })?.message).toBe('must be < 1 at steps 3–4 (got 1 at step 3)');
    expect(stepColumnIssue(values.subarray(0, 2), ['momentum', 'beta1'], { min: 0, max: 1, maxExclusive: true })).toBeUndefined();
    expect(stepColumnIssue(new Float64Array([0, 0.5]), ['m'], { min: 0, minExclusive: true })?.message).toBe('must be > 0 at step 1 (got 0)');
    expect(stepColumnIssue(new Float64Array([0.5, Infinity, Number.NaN, -1]), ['m'], { min: 0 })?.message).toBe('must be a finite number at steps 2–4 (got Infinity at step 2)');
  });
});
