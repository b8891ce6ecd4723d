import { describe, expect, it } from 'vitest';
import { exactResponseAt } from '../../../src/filter/exact-response-at.js';
import { parseSchedules } from '../../../src/schedule/parse.js';

function sgd(momentum: number, dampening: number) {
  const { schedules, issues } = parseSchedules(`steps: 20\nmomentum: { preset: pytorch-sgd, momentum: ${momentum}, dampening: ${dampening} }\n`);
  expect(issues).toEqual([]);
  return schedules[0];
}

describe('pytorch-sgd: torch.optim.SGD', () => {
  it('momentum 0 keeps no buffer (torch: `if momentum != 0`): d = g at every step, whatever the dampening', () => {
    const s = sgd(0, 0.5);
    expect([s.stages.u[0], s.stages.v[0]]).toEqual([0, 1]);
    for (const r of exactResponseAt(s, Float64Array.of(0, 1, Math.PI), [1, 2, 20])) expect(Array.from(r.magnitude)).toEqual([1, 1, 1]);
  });

  it('momentum μ, dampening τ: u = μ, v = 1 − τ after the first step\'s copy', () => {
    const s = sgd(0.9, 0.5);
    expect([s.stages.u[0], s.stages.v[0], s.firstStepCopy]).toEqual([0.9, 0.5, true]);
    // H(2, 0) = 0.9·1 + 0.5 (the copy at step 1, then one dampened step).
    expect(exactResponseAt(s, Float64Array.of(0), [2])[0].magnitude[0]).toBeCloseTo(1.4, 15);
  });
});
