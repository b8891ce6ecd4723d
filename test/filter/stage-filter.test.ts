import { describe, expect, it } from 'vitest';
import { linearGrid } from '../../src/filter/grid.js';
import { ExactResponseWalker } from '../../src/filter/exact-response.js';
import { RationalExactWalker } from '../../src/filter/rational-exact.js';
import { bankOf, exactWalker, filterTables, isFirstOrder, rationalOf, stageAt, stageMagnitude, stageMagnitudeSquared, stagePoleRadius, stageResponse } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const schedule = (momentum: string) => parseSchedules(`steps: 100\nstages: 2\nmomentum: ${momentum}\n`).schedules[0];
const KINDS = {
  'first-order': schedule('{ u: [0.5, 0.9], v: 1 }'),
  bank: schedule('{ preset: qhm, nu: 0.7, beta: 0.9 }'),
  rational: schedule('{ preset: rational, b: [0.2, 0.1], a: [1, -0.5, 0.06] }'),
};

describe('the one dispatch on the filter kind', () => {
  it('stageMagnitude equals stageResponse\'s magnitude bit for bit, and its square the power gain, for every kind', () => {
    const omega = linearGrid(64);
    for (const [kind, s] of Object.entries(KINDS)) {
      for (const k of [0, 1]) {
        const magnitude = stageMagnitude(s, k, omega);
        expect(Array.from(magnitude), `${kind} stage ${k}`).toEqual(Array.from(stageResponse(s, k, omega).magnitude));
        const power = stageMagnitudeSquared(s, k, omega);
        for (let f = 0; f < omega.length; f++) expect(power[f] / magnitude[f] ** 2, `${kind} ω=${omega[f]}`).toBeCloseTo(1, 12);
      }
    }
  });

  it('the pole radius is |u|, the slowest branch, or the largest root of A (0.5 − 0.06 = roots 0.3 and 0.2)', () => {
    expect([stagePoleRadius(KINDS['first-order'], 0), stagePoleRadius(KINDS['first-order'], 1)]).toEqual([0.5, 0.9]);
    expect(stagePoleRadius(KINDS.bank, 0)).toBe(0.9);
    expect(stagePoleRadius(KINDS.rational, 0)).toBeCloseTo(0.3, 14);
  });

  it('each kind exposes its own tables: a first-order schedule is the one-branch bank on its u and v', () => {
    const first = KINDS['first-order'];
    expect([isFirstOrder(first), isFirstOrder(KINDS.bank), isFirstOrder(KINDS.rational)]).toEqual([true, false, false]);
    const bank = bankOf(first)!;
    expect([bank.branches, bank.u, Array.from(bank.c), Array.from(bank.c0)]).toEqual([1, first.stages.u, [1, 1], [0, 0]]);
    expect(bankOf(KINDS.rational)).toBeUndefined();
    expect(rationalOf(KINDS.rational)?.na).toBe(3);
    expect(filterTables(KINDS.bank).bank?.branches).toBe(1);
    expect(filterTables(first)).toEqual({});
  });
});

describe('exactWalker: the exact walker of a schedule, by its filter\'s kind', () => {
  it('first-order and bank schedules get the closed-form walker on their bank, a rational one the stepped walker', () => {
    const omega = linearGrid(4);
    const first = exactWalker(KINDS['first-order'], omega);
    expect(first).toBeInstanceOf(ExactResponseWalker);
    expect((first as ExactResponseWalker).bank.u).toBe(KINDS['first-order'].stages.u);
    expect((exactWalker(KINDS.bank, omega) as ExactResponseWalker).bank).toBe(bankOf(KINDS.bank));
    expect(exactWalker(KINDS.rational, omega)).toBeInstanceOf(RationalExactWalker);
  });

  it('one step of a schedule without first-step copy is H(1, ω) = v for first order and b0 for rational', () => {
    const omega = linearGrid(4);
    for (const [s, want] of [[KINDS['first-order'], 1], [KINDS.rational, 0.2]] as const) {
      const w = exactWalker(s, omega);
      w.advanceTo(1);
      for (const m of w.response().magnitude) expect(m).toBeCloseTo(want, 15);
    }
  });
});

describe('stageAt: a stage record, with the u and v reports show', () => {
  it('a first-order stage reports its own u and v over its span (100 steps in 2 stages: 1–50, 51–100)', () => {
    expect(stageAt(KINDS['first-order'], 0)).toEqual({ index: 0, startStep: 1, endStep: 50, u: 0.5, v: 1 });
    expect(stageAt(KINDS['first-order'], 1)).toEqual({ index: 1, startStep: 51, endStep: 100, u: 0.9, v: 1 });
  });

  it('a bank stage reports branch 0: qhm\'s momentum buffer, u = β = 0.9 and v = 1 − β = 0.1', () => {
    const stage = stageAt(KINDS.bank, 1);
    expect([stage.index, stage.startStep, stage.endStep, stage.u]).toEqual([1, 51, 100, 0.9]);
    expect(stage.v).toBeCloseTo(0.1, 15);
  });

  it('a rational stage reports u = −a1 and v = b0 only when every stage is first order, else NaN', () => {
    expect(stageAt(KINDS.rational, 0)).toEqual({ index: 0, startStep: 1, endStep: 50, u: NaN, v: NaN });
    const firstOrder = schedule('{ preset: rational, b: [0.1], a: [1, -0.9] }');
    expect(stageAt(firstOrder, 1)).toEqual({ index: 1, startStep: 51, endStep: 100, u: 0.9, v: 0.1 });
    const pureGain = schedule('{ preset: rational, b: [0.25], a: [1] }');
    expect(stageAt(pureGain, 0)).toEqual({ index: 0, startStep: 1, endStep: 50, u: 0, v: 0.25 });
  });

  it('resolve fills the stage table\'s u and v columns with the same values, for every kind', () => {
    for (const [kind, s] of Object.entries(KINDS)) {
      for (const k of [0, 1]) expect([s.stages.u[k], s.stages.v[k]], `${kind} stage ${k}`).toEqual([stageAt(s, k).u, stageAt(s, k).v]);
    }
  });
});
