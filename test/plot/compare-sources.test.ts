import { describe, expect, it } from 'vitest';
import { compareSources } from '../../src/plot/compare-sources.js';
import { gainDbClosedForm, near, schedulesOf } from './support.js';

const omega = Float64Array.from([0.01, 0.5, 2, Math.PI]);

describe('compareSources', () => {
  it('takes the stage active at each training position (brute force over the spans), once per stage; a one-stage schedule once, for all steps', () => {
    const schedules = schedulesOf(
      'schedules:\n  - { name: ema, steps: 1000, momentum: { preset: ema-sgdm, beta: 0.9 } }\n  - { name: fsgdm, steps: 1000, stages: 10, momentum: { preset: fsgdm, c: 0.033, v: 1 } }\n',
    );
    const fsgdm = schedules[1].stages;
    // The stage whose span [startStep, endStep] holds step round(f·Σ) (at least the first step).
    const stageAt = (f: number): number => {
      const step = Math.max(fsgdm.startStep[0], Math.round(f * 1000));
      return Array.from({ length: fsgdm.count }, (_, k) => k).find((k) => fsgdm.startStep[k] <= step && step <= fsgdm.endStep[k])!;
    };
    const sources = compareSources(schedules, [0, 0.001, 0.5, 1], omega);
    expect(sources.map((s) => [s.schedule, s.position, s.records.stages.map((st) => st.index)])).toEqual([
      ['ema', 'all steps', [0]],
      ['fsgdm', '0 %', [stageAt(0)]],
      ['fsgdm', '50 %', [stageAt(0.5)]],
      ['fsgdm', '100 %', [stageAt(1)]],
    ]);
    expect(stageAt(0.001)).toBe(stageAt(0)); // 0.1 % falls in the first stage: drawn once
    for (const s of sources) {
      const stage = s.records.stages[0];
      omega.forEach((w, j) => expect(near(stage.response!.magnitudeDb[j], gainDbClosedForm(stage.u, stage.v, w), 1e-12), `${s.schedule} ${s.position} ω=${w}`).toBe(true));
    }
  });

  it('schedules with equal names are told apart as "name (2)"', () => {
    const schedules = schedulesOf('schedules:\n  - { name: a, steps: 10, momentum: { u: 0.5, v: 1 } }\n  - { name: a, steps: 10, momentum: { u: 0.9, v: 1 } }\n');
    expect(compareSources(schedules, [0.5], omega).map((s) => s.schedule)).toEqual(['a', 'a (2)']);
  });
});
