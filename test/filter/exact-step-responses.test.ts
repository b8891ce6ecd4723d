import { describe, expect, it } from 'vitest';
import { linearGrid } from '../../src/filter/grid.js';
import { exactStepResponses, exactWalker } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { perStepSchedule } from './per-step-schedule.js';

describe('exact responses at ascending steps, by the cheaper path', () => {
  const T = 20000;
  const u = Array.from({ length: T }, (_, i) => 0.85 + 0.1 * Math.cos((Math.PI * i) / T));
  const s = perStepSchedule(u, u.map(() => 1), true);
  const omega = linearGrid(129);

  it('takes the impulse response far into a per-step schedule and the walker where one jump reaches the step', () => {
    const auto = exactStepResponses(s, omega);
    auto.at(1, 0);
    expect(auto.lastPath).toBe('walker');
    auto.at(15000, 14999);
    expect(auto.lastPath).toBe('impulse');
    const constant = parseSchedules('steps: 1000000\nmomentum: { preset: adam-m }').schedules[0];
    const one = exactStepResponses(constant, omega);
    one.at(999999, 999998);
    expect(one.lastPath).toBe('walker');
  });

  it('gives what the walker alone gives, to rounding, whichever path it takes', () => {
    const auto = exactStepResponses(s, omega);
    const walker = exactWalker(s, omega);
    for (const t of [1, 2, 10, 100, 5000, 12345, 20000]) {
      const got = auto.at(t, t - 1);
      walker.advanceTo(t);
      const want = walker.output(t - 1);
      const size = got.atZeros!.s0[0];
      for (let f = 0; f < omega.length; f++) expect(Math.hypot(got.re[f] - want.re[f], got.im[f] - want.im[f])).toBeLessThanOrEqual(1e-13 * size);
    }
  });

  it('steps rational schedules with their walker', () => {
    const r = parseSchedules('steps: 50\nmomentum: { preset: rational, b: [1, 0.5], a: [1, -0.9] }');
    expect(r.issues).toEqual([]);
    const source = exactStepResponses(r.schedules[0], omega);
    source.at(50, 0);
    expect(source.lastPath).toBe('walker');
  });
});
