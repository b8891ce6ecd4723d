import { describe, expect, it } from 'vitest';
import { emptyComplexResponse } from '../../src/filter/complex-response.js';
import { linearGrid, logGrid } from '../../src/filter/grid.js';
import { ImpulseResponse, isLinearGrid } from '../../src/filter/impulse-response.js';
import { bankOf, exactWalker } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { bruteForceResponse } from './exact-brute-force.js';
import { perStepSchedule } from './per-step-schedule.js';
import { seededRandom } from '../../src/spectral/seeded-random.js';

function impulseAt(schedule: Schedule, omega: Float64Array, t: number) {
  const impulse = new ImpulseResponse(schedule, bankOf(schedule)!, omega);
  const k = t - 1 < schedule.stages.count && schedule.stages.startStep[t - 1] === t ? t - 1 : schedule.stages.count - 1;
  expect(impulse.prepare(t, k)).toBe(true);
  return { impulse, out: impulse.output(emptyComplexResponse(omega.length)) };
}

describe('the truncated impulse response at one step', () => {
  const rng = seededRandom(7);
  const T = 3000;
  const u = Array.from({ length: T }, () => 0.8 + 0.15 * rng.uniform());
  const v = u.map((x) => 1 - x);
  const s = perStepSchedule(u, v, true);

  it.each([
    ['linear grid (real DFT)', linearGrid(65)],
    ['log grid (Horner)', logGrid(40, 1e-4)],
  ])('equals the full walk and a brute-force run of the optimizer to rounding, per-step u in [0.8, 0.95] with the first-step copy: %s', (_name, omega) => {
    for (const t of [1, 2, 3, 50, 2999, 3000]) {
      const { impulse, out } = impulseAt(s, omega, t);
      const walker = exactWalker(s, omega);
      walker.advanceTo(t);
      const want = walker.output(t - 1);
      const brute = bruteForceResponse(s, omega, [t])[0];
      const s0 = impulse.sizes[0];
      for (let f = 0; f < omega.length; f++) {
        // The brute force's own input e^{jωs} carries s·ε of phase error: 1e-12 at s = 3000.
        expect(Math.hypot(out.re[f] - brute[f].re, out.im[f] - brute[f].im), `t=${t} f=${f}`).toBeLessThanOrEqual(1e-12 * s0);
        expect(Math.hypot(out.re[f] - want.re[f], out.im[f] - want.im[f])).toBeLessThanOrEqual(1e-13 * s0);
        const d = Math.hypot(want.dre[f], want.dim[f]) + impulse.sizes[1];
        expect(Math.hypot(out.dre[f] - want.dre[f], out.dim[f] - want.dim[f])).toBeLessThanOrEqual(1e-13 * d);
        const d2 = Math.hypot(want.atZeros!.d2re[f], want.atZeros!.d2im[f]) + impulse.sizes[2];
        expect(Math.hypot(out.atZeros!.d2re[f] - want.atZeros!.d2re[f], out.atZeros!.d2im[f] - want.atZeros!.d2im[f])).toBeLessThanOrEqual(1e-12 * d2);
      }
      // Late steps keep far fewer terms than steps: the window, not the whole history.
      if (t === 3000) expect(impulse.length).toBeLessThan(1000);
    }
  });

  it('matches the closed form v·(1 − uᵗe^{−jωt})/(1 − u·e^{−jω}) of constant momentum after 10⁵ steps (a truncated window)', () => {
    const r = parseSchedules('steps: 100000\nmomentum: { u: 0.9, v: 0.1 }');
    const sched = r.schedules[0];
    const omega = linearGrid(257);
    const { impulse, out } = impulseAt(sched, omega, 100000);
    expect(impulse.length).toBeLessThan(2000);
    for (let f = 0; f < omega.length; f++) {
      const w = omega[f];
      // u^t = 0.9^100000 underflows to 0: H = v/(1 − u·e^{−jω}).
      const dr = 1 - 0.9 * Math.cos(w);
      const di = 0.9 * Math.sin(w);
      const m = dr * dr + di * di;
      const want = { re: (0.1 * dr) / m, im: (-0.1 * di) / m };
      expect(Math.hypot(out.re[f] - want.re, out.im[f] - want.im)).toBeLessThanOrEqual(4e-15 * impulse.sizes[0]);
    }
  });

  it('matches the closed form before the window truncates (t = 40, u = −0.7 and the full history kept)', () => {
    const sched = parseSchedules('steps: 40\nmomentum: { u: -0.7, v: 2 }').schedules[0];
    const omega = logGrid(30, 1e-3);
    const { impulse, out } = impulseAt(sched, omega, 40);
    expect(impulse.length).toBe(40);
    for (let f = 0; f < omega.length; f++) {
      const w = omega[f];
      const ut = Math.pow(0.7, 40); // (−0.7)^40
      const nr = 1 - ut * Math.cos(40 * w);
      const ni = ut * Math.sin(40 * w);
      const dr = 1 + 0.7 * Math.cos(w);
      const di = -0.7 * Math.sin(w);
      const m = dr * dr + di * di;
      const want = { re: (2 * (nr * dr + ni * di)) / m, im: (2 * (ni * dr - nr * di)) / m };
      expect(Math.hypot(out.re[f] - want.re, out.im[f] - want.im)).toBeLessThanOrEqual(1e-14 * impulse.sizes[0]);
    }
  });

  it('keeps the whole history when some |u| ≥ 1 (no bound on the dropped terms)', () => {
    const sched = perStepSchedule([1, 0.5, 0.5, 0.5], [1, 1, 1, 1]);
    const { impulse } = impulseAt(sched, linearGrid(9), 4);
    expect(impulse.length).toBe(4);
    const capped = new ImpulseResponse(sched, bankOf(sched)!, linearGrid(9));
    expect(capped.prepare(4, 3, 2)).toBe(false);
  });

  it('a filter bank (qhm: two branches and a feed-through c0) equals the brute force to rounding', () => {
    const sched = parseSchedules('steps: 600\nstageLength: 1\nmomentum: { preset: qhm, beta: 0.9, nu: 0.7 }').schedules[0];
    const omega = linearGrid(33);
    for (const t of [1, 7, 600]) {
      const { impulse, out } = impulseAt(sched, omega, t);
      const brute = bruteForceResponse(sched, omega, [t])[0];
      for (let f = 0; f < omega.length; f++) expect(Math.hypot(out.re[f] - brute[f].re, out.im[f] - brute[f].im)).toBeLessThanOrEqual(1e-13 * impulse.sizes[0]);
    }
  });

  it('recognises linearGrid(n) as the DFT grid and nothing else', () => {
    expect(isLinearGrid(linearGrid(512))).toBe(true);
    expect(isLinearGrid(linearGrid(2))).toBe(false);
    expect(isLinearGrid(logGrid(512, 1e-3))).toBe(false);
    const shifted = linearGrid(16);
    shifted[3] += 1e-9;
    expect(isLinearGrid(shifted)).toBe(false);
  });
});
