import { describe, expect, it } from 'vitest';
import { interp } from '../../../src/schedule/schedulers/interp.js';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('interp against numpy.interp (test/fixtures/torch/schedulers.json)', () => {
  itMatchesTorch(torchCases('interp'), () => true);
});

describe('interp', () => {
  it('holds fp[0] left of xp, fp[−1] from xp[−1] on, and fp[j] exactly at a knot', () => {
    expect(interp(-1, [0, 10], [0.8, 0.9])).toBe(0.8);
    expect(interp(10, [0, 10], [0.8, 0.9])).toBe(0.9);
    expect(interp(11, [0, 10], [0.8, 0.9])).toBe(0.9);
    expect(interp(5, [0, 5, 10], [0.1, 0.7, 0.3])).toBe(0.7);
    expect(interp(2, [0, 5], [0, 1])).toBe(((1 - 0) / (5 - 0)) * (2 - 0) + 0);
  });

  it("is YOLO's momentum warm-up np.interp(ni, [0, nw], [warmup_momentum, momentum]) with ni = t − 1", () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'interp', xp: [0, 100], fp: [0.8, 0.937] }), 102, ['momentum', 'momentum']);
    if ('issues' in out) throw new Error('unexpected issues');
    expect(out.value[0]).toBe(0.8);
    expect(out.value[100]).toBe(0.937);
    expect(out.value[101]).toBe(0.937);
  });

  it('past its last knot the run holds fp[−1] to the last step, each step as numpy.interp(t − 1) gives it (the tail is filled at once)', () => {
    const xp = [0, 7, 30];
    const fp = [0.8, 0.85, 0.937];
    for (const every of [1, 3]) {
      const steps = 200;
      const out = runScheduler(SchedulerValue.parse({ scheduler: 'interp', xp, fp, every }), steps, ['momentum', 'momentum']);
      if ('issues' in out) throw new Error('unexpected issues');
      const want = Array.from({ length: steps }, (_, i) => interp(Math.floor(i / every), xp, fp));
      expect([...out.value]).toEqual(want);
      expect(out.value[steps - 1]).toBe(0.937);
    }
  });

  it('refuses xp that does not increase and fp of another length, at the key', () => {
    expect(runScheduler(SchedulerValue.parse({ scheduler: 'interp', xp: [0, 5, 5], fp: [1, 2, 3] }), 3, ['u'])).toMatchObject({ issues: [{ code: 'scheduler_arg', path: ['u', 'xp', 2] }] });
    expect(runScheduler(SchedulerValue.parse({ scheduler: 'interp', xp: [0, 5], fp: [1] }), 3, ['u'])).toMatchObject({ issues: [{ code: 'scheduler_arg', path: ['u', 'fp'] }] });
  });
});
