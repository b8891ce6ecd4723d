import { describe, expect, it } from 'vitest';
import { bankIssues, firstOrderIssues, partitionIssues, rationalIssues, stageLengthIssue } from '../../src/schedule/checks.js';
import { LIMITS } from '../../src/schedule/limits.js';
import { balancedPartition, emptyTable } from '../../src/schedule/stages.js';
import { LIBRARY_VOCABULARY } from '../../src/vocabulary.js';
import type { BankTable, RationalTable } from '../../src/types.js';

const CLI_WORDS = { ...LIBRARY_VOCABULARY, allowUnstable: '--allow-unstable' };

function table(u: number[], v: number[]) {
  const t = emptyTable(balancedPartition(10 * u.length, u.length));
  t.u.set(u);
  t.v.set(v);
  return t;
}

describe('the schedule checks, each written once', () => {
  it('stages with stageLength is a conflict; more stages than steps is too big', () => {
    expect(partitionIssues({ steps: 10, stages: 2, stageLength: 5 }, ['s'])).toEqual([{ code: 'conflict', path: ['s', 'stageLength'], message: 'give either stages or stageLength, not both' }]);
    expect(partitionIssues({ steps: 10, stages: 11 }, [])).toEqual([{ code: 'too_big', path: ['stages'], message: 'must be ≤ steps (10)', received: 11 }]);
    expect(partitionIssues({ steps: 10, stages: 10 }, [])).toEqual([]);
  });

  it('a stageLength that gives more stages than the limit is refused before a partition exists', () => {
    expect(stageLengthIssue(LIMITS.maxStages, 1, [])).toBeUndefined();
    expect(stageLengthIssue(LIMITS.maxStages + 1, 1, [])?.code).toBe('too_big');
  });

  it('first order: non-finite u or v always, |u| ≥ 1 unless allowed, the advice in the vocabulary\'s words', () => {
    const t = table([0.5, 1, Number.NaN, -1.5], [1, 1, 1, Number.POSITIVE_INFINITY]);
    expect(firstOrderIssues(t, ['u'], ['v'], false, CLI_WORDS).map((i) => [i.path, i.message])).toEqual([
      [['u'], 'u is not a finite number in stage 2 (steps 21–30): NaN'],
      [['v'], 'v is not a finite number in stage 3 (steps 31–40): Infinity'],
      [['u'], '|u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got in stage 1 (steps 11–20): 1, stage 3 (steps 31–40): -1.5'],
    ]);
    expect(firstOrderIssues(t, ['u'], ['v'], true, CLI_WORDS)).toHaveLength(2);
    expect(firstOrderIssues(table([0.99, -0.5], [1, 2]), ['u'], ['v'], false, LIBRARY_VOCABULARY)).toEqual([]);
  });

  it('a one-step stage is named by its step ("stage 1 (step 2)"), not as a range from a step to itself', () => {
    // Stages of one step each: stage k is step k + 1.
    const t = emptyTable(balancedPartition(3, 3));
    t.u.set([0.5, 1, 0.5]);
    t.v.set([1, 1, 1]);
    expect(firstOrderIssues(t, ['u'], ['v'], false, CLI_WORDS)[0].message).toContain('got in stage 1 (step 2): 1');
  });

  it('a bank: every branch\'s |u| < 1, in the library\'s words by default, branches counted from 1 as u1, u2 in tables', () => {
    const p = balancedPartition(4, 2);
    const bank: BankTable = { branches: 2, c0: Float64Array.of(0, 0), c: Float64Array.of(1, 1, 1, 1), u: Float64Array.of(0.5, 0.9, 0.5, 1), v: Float64Array.of(1, 1, 1, 1) };
    expect(bankIssues(bank, p, ['m'], false, LIBRARY_VOCABULARY)[0].message).toBe('|u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got branch 2 u = 1 in stage 1 (steps 3–4)');
    expect(bankIssues(bank, p, ['m'], false, LIBRARY_VOCABULARY, (i) => ['betas', i])[0].path).toEqual(['m', 'betas', 1]);
    expect(bankIssues(bank, p, ['m'], true, LIBRARY_VOCABULARY)).toEqual([]);
  });

  it('a rational stage: a pole on the unit circle (A = 1 − z⁻¹) is unstable by the Schur–Cohn test', () => {
    const p = balancedPartition(4, 1);
    const stable: RationalTable = { nb: 1, na: 2, b: Float64Array.of(1), a: Float64Array.of(1, -0.9) };
    const marginal: RationalTable = { nb: 1, na: 2, b: Float64Array.of(1), a: Float64Array.of(1, -1) };
    expect(rationalIssues(stable, p, ['m'], false, CLI_WORDS)).toEqual([]);
    expect(rationalIssues(marginal, p, ['m'], false, CLI_WORDS)).toEqual([
      { code: 'invalid_stage', path: ['m', 'a'], message: 'a pole is on or outside the unit circle in stage 0 (steps 1–4): the filter is unstable (use --allow-unstable to analyse it anyway)' },
    ]);
  });
});
