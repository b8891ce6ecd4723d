import { describe, expect, it } from 'vitest';
import { exactResponsesSeconds, exactWalkSeconds, windowEstimate } from '../../src/analysis/exact-cost.js';
import { emptyComplexResponse } from '../../src/filter/complex-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { ImpulseResponse } from '../../src/filter/impulse-response.js';
import { bankOf } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { perStepSchedule } from '../filter/per-step-schedule.js';

describe('the cost model of exact responses', () => {
  it.each([0.5, 0.9, 0.99])('estimates the impulse window of constant u = %s within a factor 1.5 of the window kept', (u) => {
    const s = parseSchedules(`steps: 100000\nmomentum: { u: ${u}, v: ${1 - u} }`).schedules[0];
    const impulse = new ImpulseResponse(s, bankOf(s)!, linearGrid(9));
    impulse.prepare(100000, 0);
    impulse.output(emptyComplexResponse(9));
    const estimate = windowEstimate(u);
    expect(estimate / impulse.length).toBeGreaterThan(1 / 1.5);
    expect(estimate / impulse.length).toBeLessThan(1.5);
    expect(windowEstimate(1)).toBe(Infinity);
  });

  it('prices 256 steps of a 10⁶-step per-step run far below the walk to its end, and a one-run schedule as the walk', () => {
    const T = 1_000_000;
    const s = perStepSchedule(Array.from({ length: T }, (_, i) => 0.9 + 0.05 * Math.cos(i / 1000)), new Array(T).fill(1));
    const steps = Array.from({ length: 256 }, (_, j) => Math.round(((j + 1) * T) / 256));
    const display = exactResponsesSeconds(s, steps, 512);
    expect(display).toBeLessThan(exactWalkSeconds(s, T, 512) / 100);
    expect(display).toBeLessThan(0.1);
    const constant = parseSchedules('steps: 1000000\nmomentum: { u: 0.9 }').schedules[0];
    expect(exactResponsesSeconds(constant, [T], 512)).toBeLessThan(1e-3);
  });
});
