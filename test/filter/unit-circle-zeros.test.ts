import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { bankMetrics } from '../../src/filter/bank-metrics.js';
import { frozenBankResponse } from '../../src/filter/bank-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { rationalMetrics } from '../../src/filter/rational-metrics.js';
import { frozenRationalResponse } from '../../src/filter/rational-response.js';
import { splitUnitCircleZeros } from '../../src/filter/unit-circle-zeros.js';
import type { BankTable, RationalTable } from '../../src/types.js';
import { fixture, within } from '../support/fixtures.js';

interface GroupDelayCase {
  name: string;
  kind: 'rational' | 'bank';
  b?: number[];
  a?: number[];
  c0?: number;
  c?: number[];
  u?: number[];
  v?: number[];
  omega: number[];
  groupDelay: number[];
  groupDelayDc: number;
  scipyGroupDelay?: number[];
}

const cases = fixture<GroupDelayCase[]>('singular/group-delay.json');

function rationalTable(b: number[], a: number[]): RationalTable {
  return { nb: b.length, na: a.length, b: Float64Array.from(b), a: Float64Array.from(a) };
}

function bankTable(c: GroupDelayCase): BankTable {
  return { branches: c.c!.length, c0: Float64Array.of(c.c0!), c: Float64Array.from(c.c!), u: Float64Array.from(c.u!), v: Float64Array.from(c.v!) };
}

/** Absolute tolerance scaled by the case's largest |τ| (τ changes sign, so relative fails at its zeros). */
function tolerance(c: GroupDelayCase): number {
  return 1e-12 * Math.max(1, ...c.groupDelay.map(Math.abs));
}

describe('group delay at zeros on the unit circle and at tiny gains, against mpmath (test/fixtures/singular/group-delay.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: τ(ω) on the grid, zeros included, is the continuous value', (_name, c) => {
    const omega = Float64Array.from(c.omega);
    const got = c.kind === 'rational' ? frozenRationalResponse(rationalTable(c.b!, c.a!), 0, omega) : frozenBankResponse(bankTable(c), 0, omega);
    for (let f = 0; f < omega.length; f++) {
      const r = within(got.groupDelay[f], c.groupDelay[f], tolerance(c));
      expect(r.ok, `ω=${omega[f]} ${r.msg}`).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: groupDelayDc is τ(0)', (_name, c) => {
    const got = c.kind === 'rational' ? rationalMetrics(rationalTable(c.b!, c.a!), 0) : bankMetrics(bankTable(c), 0);
    const r = within(got.groupDelayDc, c.groupDelayDc, tolerance(c));
    expect(r.ok, r.msg).toBe(true);
  });

  it('scipy.signal.group_delay, by contrast, returns 0 or a wrong value at these zeros (recorded in the fixture)', () => {
    const average = cases.find((c) => c.name.startsWith('two-tap average'))!;
    const binomial = cases.find((c) => c.name.startsWith('binomial [1, 2, 1]'))!;
    expect([average.scipyGroupDelay!.at(-1), binomial.scipyGroupDelay!.at(-1)]).toEqual([1, 0]);
    expect([average.groupDelay.at(-1), binomial.groupDelay.at(-1)]).toEqual([0.5, 1]);
  });
});

describe('a symmetric FIR of length n has τ = (n − 1)/2 at every frequency, its zeros included', () => {
  const hann = (n: number) => Array.from({ length: n }, (_, k) => Math.sin((Math.PI * (k + 1)) / (n + 1)) ** 2);
  const binomial = (n: number) => Array.from({ length: n + 1 }, (_, k) => [...Array(k).keys()].reduce((x, i) => (x * (n - i)) / (i + 1), 1) / 2 ** n);
  const taps: [string, number[]][] = [
    ...[2, 3, 4, 5, 8, 16, 17, 33, 64, 101, 256].map((n): [string, number[]] => [`moving average of ${n}`, Array(n).fill(1 / n)]),
    ...[2, 3, 6, 10].map((n): [string, number[]] => [`binomial of order ${n} (an ${n}-fold zero at Nyquist)`, binomial(n)]),
    ...[9, 33, 101].map((n): [string, number[]] => [`Hann-shaped taps, n = ${n}`, hann(n)]),
    ['[1, 0, 2, 0, 1] (double zeros at ±π/2)', [1, 0, 2, 0, 1]],
  ];
  it.each(taps)('%s', (_name, b) => {
    // the default grid, whose points hit the zeros of the averages at kπ/8 and of the binomials at π
    const omega = linearGrid(513);
    const tau = frozenRationalResponse(rationalTable(b, [1]), 0, omega).groupDelay;
    const want = (b.length - 1) / 2;
    for (let f = 0; f < omega.length; f++) expect(Math.abs(tau[f] - want), `ω=${omega[f]} τ=${tau[f]}`).toBeLessThanOrEqual(1e-9 * want);
    expect(rationalMetrics(rationalTable(b, [1]), 0).groupDelayDc).toBeCloseTo(want, 9);
  });
});

describe('splitUnitCircleZeros', () => {
  it('counts zeros on the unit circle with their multiplicity and leading zero coefficients as whole steps', () => {
    const split = (p: number[]) => {
      const s = splitUnitCircleZeros(p);
      return s && { zeros: s.zeros, delay: s.delay, others: s.re.length };
    };
    expect(split([0.25, 0.5, 0.25])).toEqual({ zeros: 2, delay: 1, others: 0 });
    expect(split([0, 0, 1, 1])).toEqual({ zeros: 1, delay: 2.5, others: 0 });
    expect(split([1, 0, 3, 0, 3, 0, 1])).toEqual({ zeros: 6, delay: 3, others: 0 });
    expect(split([1, 2, -3])).toEqual({ zeros: 1, delay: 0.5, others: 1 });
    // typed decimals whose sum is 5.6e-17, not 0: the zero is 2.8e-17 from DC, closer than rounding can tell
    expect(split([0.1, 0.2, -0.3])).toEqual({ zeros: 1, delay: 0.5, others: 1 });
  });

  it('leaves polynomials without zeros on the circle (or ≡ 0) alone', () => {
    expect(splitUnitCircleZeros([0, 1])).toBeUndefined();
    expect(splitUnitCircleZeros([1, -0.5])).toBeUndefined();
    expect(splitUnitCircleZeros([1, 0.9, 0.81])).toBeUndefined();
    expect(splitUnitCircleZeros([1, -(1 - 1e-9)])).toBeUndefined();
    expect(splitUnitCircleZeros([0, 0])).toBeUndefined();
  });

  it('a zero 1e-9 inside the circle keeps its (large, correct) group delay at DC: −r/(1 − r)', () => {
    const r = 1 - 1e-9;
    const tau = rationalMetrics(rationalTable([1, -r], [1]), 0).groupDelayDc;
    expect(Math.abs(tau - -r / (1 - r)) / (r / (1 - r))).toBeLessThan(1e-6);
  });
});

describe('analyze reports the continuous group delay of rational and bank presets at their zeros', () => {
  it('rational b = [0.5, 0.5] is linear-phase: τ = 0.5 at every frequency, π included; b = [0.25, 0.5, 0.25]: τ = 1', () => {
    for (const [b, want] of [[[0.5, 0.5], 0.5], [[0.25, 0.5, 0.25], 1]] as const) {
      const r = analyze(`steps: 10\nmomentum: { preset: rational, b: ${JSON.stringify(b)}, a: [1] }`, { frequencies: linearGrid(5) });
      const stage = r.schedules[0].stages[0];
      expect([...stage.response!.groupDelay]).toEqual(Array(5).fill(want));
      expect(stage.metrics.groupDelayDc).toBe(want);
    }
  });

  it('qhm with ν = (1 + β)/(2β) has a zero at Nyquist: τ(π) = ½ − 1/3, the limit (β = 0.5, ν = 1.5)', () => {
    const r = analyze('steps: 10\nmomentum: { preset: qhm, nu: 1.5, beta: 0.5 }', { frequencies: Float64Array.of(0, Math.PI) });
    const tau = r.schedules[0].stages[0].response!.groupDelay;
    expect(tau[1]).toBeCloseTo(1 / 2 - 1 / 3, 14);
  });

  it('a gain of 1e-300 does not change the group delay (ema-sgdm scaled down, via v and via b)', () => {
    const omega = linearGrid(9);
    const reference = analyze('steps: 10\nmomentum: { u: 0.9, v: 1 }', { frequencies: omega }).schedules[0].stages[0];
    for (const yaml of ['momentum: { u: 0.9, v: 1e-300 }', 'momentum: { preset: rational, b: [1e-300], a: [1, -0.9] }', 'momentum: { preset: qhm, nu: 1e-300, beta: 0.9 }']) {
      const stage = analyze(`steps: 10\n${yaml}`, { frequencies: omega }).schedules[0].stages[0];
      const want = yaml.includes('qhm') ? null : reference;
      if (want) {
        for (let f = 0; f < omega.length; f++) expect(Math.abs(stage.response!.groupDelay[f] - want.response!.groupDelay[f]), `${yaml} ω=${omega[f]}`).toBeLessThanOrEqual(1e-13);
        expect(stage.metrics.groupDelayDc).toBeCloseTo(want.metrics.groupDelayDc, 12);
      }
      expect([...stage.response!.groupDelay].every(Number.isFinite), yaml).toBe(true);
    }
  });

  it('the exact response of a rational stage settles as fast with a gain of 1e-300 as with 1 (no squared gains)', () => {
    const run = (g: number) =>
      analyze(`steps: 400\nstages: 2\nmomentum: { preset: rational, b: [[${g}], [${g}]], a: [[1, -0.5], [1, -0.9]] }`, { frequencies: linearGrid(17), mode: 'exact', response: false }).schedules[0].stages.map((s) => s.transient!);
    const [tiny, unit] = [run(1e-300), run(1)];
    expect(tiny.map((t) => t.settlingSteps)).toEqual(unit.map((t) => t.settlingSteps));
    expect(unit[1].settlingSteps).toBeGreaterThan(0);
  });
});
