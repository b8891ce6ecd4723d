import { describe, expect, it } from 'vitest';
import { linearGrid } from '../../src/filter/grid.js';
import { bankOf, filterTables, isFirstOrder, rationalOf, stageMagnitude, stageMagnitudeSquared, stagePoleRadius, stageResponse } from '../../src/filter/stage-filter.js';
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
