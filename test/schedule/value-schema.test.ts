import { describe, expect, it } from 'vitest';
import { boundsProblem, ScheduleValue, scheduled, scheduledBounds } from '../../src/schedule/value-schema.js';

describe('scheduled(): a preset parameter that may be a schedule, with bounds on every value', () => {
  it('a number is checked by zod against the bounds; every other value form is accepted as a schedule', () => {
    const beta1 = scheduled({ min: 0, max: 1, maxExclusive: true, default: 0.9 }).describe('β1');
    expect(beta1.parse(undefined)).toBe(0.9);
    expect(beta1.safeParse(1).error?.issues.map((i) => [i.message, (i as { params?: unknown }).params])).toEqual([['must be < 1', { code: 'too_big' }]]);
    for (const value of ['t / (t + 10)', [0.8, 0.9], { piecewise: [{ from: 1, value: 0.8 }] }]) expect(beta1.parse(value)).toEqual(value);
    expect(scheduledBounds(beta1)).toEqual({ min: 0, max: 1, maxExclusive: true });
    expect(scheduledBounds(ScheduleValue)).toBeUndefined();
  });

  it('a plain number meets the same bounds as every scheduled value, and `constant` ones besides (torch checks the value it is built with)', () => {
    const momentum = scheduled({ default: 0.9, min: 0, rule: 'torch says so', constant: { min: 0, minExclusive: true } });
    expect(momentum.safeParse(-1).error?.issues.map((i) => i.message)).toEqual(['must be ≥ 0 (torch says so)']);
    expect(momentum.safeParse(0).error?.issues.map((i) => i.message)).toEqual(['must be > 0']);
    expect(boundsProblem(0, scheduledBounds(momentum)!)).toBeUndefined();
    expect(boundsProblem(-1, scheduledBounds(momentum)!)).toBe('must be ≥ 0 (torch says so)');
    expect([0, 0.1].map((x) => boundsProblem(x, { min: 0, max: 0 }))).toEqual([undefined, 'must be 0']);
  });

  it('boundsProblem names the bound a value breaks, NaN and ∞ included', () => {
    expect([0.5, 1, -0.1, NaN, Infinity].map((x) => boundsProblem(x, { min: 0, max: 1, maxExclusive: true }))).toEqual([undefined, 'must be < 1', 'must be ≥ 0', 'must be a finite number', 'must be a finite number']);
  });
});
