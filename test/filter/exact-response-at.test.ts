import { describe, expect, it } from 'vitest';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { parseSchedules } from '../../src/schedule/parse.js';

describe('exactResponseAt', () => {
  it('answers steps in any order: H(t, 0) = Σ_{k<t} u^k = 2·(1 − 2^−t) for u = 0.5, v = 1', () => {
    const s = parseSchedules('steps: 10\nmomentum: { u: 0.5, v: 1 }\n').schedules[0];
    const steps = [5, 1, 10, 3];
    const got = exactResponseAt(s, Float64Array.of(0), steps).map((r) => r.magnitude[0]);
    steps.forEach((t, i) => expect(Math.abs(got[i] - 2 * (1 - 2 ** -t)), `t=${t}`).toBeLessThanOrEqual(4 * Number.EPSILON));
  });

  it('steps a rational schedule: b = [0.1], a = [1, −0.9] gives the first-order u = 0.9, v = 0.1 (1e-12 relative)', () => {
    const omega = Float64Array.of(0, 0.3, Math.PI / 2, Math.PI);
    const steps = [1, 7, 50, 200];
    const rational = parseSchedules('steps: 200\nstages: 4\nmomentum: { preset: rational, b: [0.1], a: [1, -0.9] }\n').schedules[0];
    const firstOrder = parseSchedules(`steps: 200\nstages: 4\nmomentum: { u: 0.9, v: 0.1, firstStepCopy: ${rational.firstStepCopy} }\n`).schedules[0];
    const got = exactResponseAt(rational, omega, steps);
    const want = exactResponseAt(firstOrder, omega, steps);
    steps.forEach((t, j) => omega.forEach((w, f) => {
      expect(Math.abs(got[j].magnitude[f] - want[j].magnitude[f]), `t=${t} ω=${w}`).toBeLessThanOrEqual(1e-12 * want[j].magnitude[f]);
    }));
  });
});
