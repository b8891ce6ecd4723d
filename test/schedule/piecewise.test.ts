import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { resolveSchedule } from '../../src/schedule/resolve.js';
import type { ScheduleConfig } from '../../src/schedule/schema.js';

const u = (yaml: string): number[] => {
  const { schedules, issues } = parseSchedules(yaml);
  expect(issues).toEqual([]);
  return [...schedules[0].stages.u];
};

describe('piecewise segments apply from the stage containing their from step', () => {
  it('from: 2500 with 1000-step stages applies from stage 2 (steps 2001–3000), as docs/config.md says', () => {
    const yaml = 'steps: 4000\nstageLength: 1000\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0 }, { from: 2500, value: 0.9 } ] }\n';
    expect(u(yaml)).toEqual([0, 0, 0.9, 0.9]);
  });

  it('matches a hand-computed table, where a later segment starting in the same stage wins there', () => {
    // Stages of 1000 steps: 1–1000, 1001–2000, …, 5001–6000. Segment from-steps 1, 2500 (stage 2),
    // 3001 and 3500 (both stage 3: the later one wins), 5999 (stage 5).
    const yaml =
      'steps: 6000\nstageLength: 1000\nmomentum:\n  u:\n    piecewise:\n' +
      '      - { from: 1, value: 0.1 }\n      - { from: 2500, value: 0.5 }\n      - { from: 3001, value: 0.7 }\n' +
      '      - { from: 3500, value: 0.75 }\n      - { from: 5999, value: 0.9 }\n';
    expect(u(yaml)).toEqual([0.1, 0.1, 0.5, 0.75, 0.75, 0.9]);
  });

  it('follows the balanced partition (stages 1–3, 4–6, 7–10 of 10 steps) and its uneven last stage', () => {
    const yaml = 'steps: 10\nstages: 3\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0.1 }, { from: 6, value: 0.2 }, { from: 10, value: 0.3 } ] }\n';
    expect(u(yaml)).toEqual([0.1, 0.2, 0.3]);
  });

  it('a segment starting after the last step never applies', () => {
    const yaml = 'steps: 10\nstages: 2\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0.1 }, { from: 11, value: 0.2 } ] }\n';
    expect(u(yaml)).toEqual([0.1, 0.1]);
  });

  it('200 000 segments over 100 000 stages give the brute-force (merge walk) table', () => {
    // Segment j starts at step 3j + 1 with value j/10⁶; stages are 7 steps long (steps 7k + 1 … 7k + 7).
    // A brute-force walk over the sorted segments gives each stage the last segment starting ≤ its end.
    // (resolveSchedule directly: YAML-parsing 6 MB of segments would take longer than the lookup.)
    const segments = 200_000;
    const stages = 100_000;
    const piecewise = Array.from({ length: segments }, (_, j) => ({ from: 3 * j + 1, value: j / 1e6 }));
    const config: ScheduleConfig = { steps: 7 * stages, stageLength: 7, momentum: { custom: { u: { piecewise }, v: 1, firstStepCopy: false } } };
    const { schedule, issues } = resolveSchedule(config, 'many-segments', []);
    expect(issues).toEqual([]);
    const got = schedule!.stages.u;
    let j = 0;
    for (let k = 0; k < stages; k++) {
      const end = 7 * k + 7;
      while (j + 1 < segments && 3 * (j + 1) + 1 <= end) j++;
      if (got[k] !== j / 1e6) expect(got[k], `stage ${k}`).toBe(j / 1e6);
    }
  });
});
