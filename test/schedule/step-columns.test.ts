import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stepRuns } from '../../src/schedule/step-columns.js';
import { balancedPartition, type Partition } from '../../src/schedule/stages.js';

/** Runs by brute force: step t opens a run when a hard stage starts there or any column's value changes (Object.is). */
function bruteRuns(columns: Float64Array[], hard: Partition, steps: number): [number, number][] {
  const starts = new Set(hard.startStep);
  const runs: [number, number][] = [];
  for (let t = 1; t <= steps; t++) {
    const opens = t === 1 || starts.has(t) || columns.some((c) => !Object.is(c[t - 1], c[t - 2]));
    if (opens) runs.push([t, t]);
    else runs[runs.length - 1][1] = t;
  }
  return runs;
}

describe('stepRuns: runs of equal per-step values within a hard partition', () => {
  it('equals the brute-force runs for random columns and partitions (NaN ≡ NaN, −0 ≠ 0)', () => {
    const value = fc.constantFrom(0, -0, 0.5, Number.NaN, 1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), fc.infiniteStream(value), (steps, width, stages, values) => {
        const columns = Array.from({ length: width }, () => Float64Array.from({ length: steps }, () => values.next().value));
        const hard = balancedPartition(steps, Math.min(stages, steps));
        const runs = stepRuns(columns, hard, steps);
        const got = Array.from({ length: runs.count }, (_, r) => [runs.startStep[r], runs.endStep[r]]);
        expect(got).toEqual(bruteRuns(columns, hard, steps));
      }),
      { numRuns: 500 },
    );
  });
});

describe('per-step presets: stages are the runs of equal coefficients', () => {
  it('pytorch-sgd with a dampening that changes below v’s resolution makes one stage while v = 1 − dampening stays 1', () => {
    // 1 − 1e-17·t rounds to 1 for t ≤ 5 (1e-17·t < 2⁻⁵⁴·… half an ulp of 1), to 1 − 2⁻⁵³ from t = 6 on (reference: the
    // same double arithmetic, step by step): the stages are where u, v or lr change, not where the parameter does.
    const steps = 12;
    const v = Array.from({ length: steps }, (_, i) => 1 - 1e-17 * (i + 1));
    const { schedules, issues } = parseSchedules(`steps: ${steps}\nmomentum: { preset: pytorch-sgd, momentum: 0.9, dampening: "1e-17 * t" }\n`);
    expect(issues).toEqual([]);
    const s = schedules[0];
    const starts = [1, ...v.flatMap((x, i) => (i > 0 && x !== v[i - 1] ? [i + 1] : []))];
    expect([...s.stages.startStep]).toEqual(starts);
    expect(starts.length).toBeLessThan(steps);
    for (let k = 0; k < s.stages.count; k++) expect(s.stages.v[k]).toBe(v[s.stages.startStep[k] - 1]);
  });

  it('OneCycleLR’s cycled momentum is pytorch-sgd’s u at every step, and lr its own per-step column', () => {
    const { schedules, issues } = parseSchedules('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
    expect(issues).toEqual([]);
    const s = schedules[0];
    // torch's OneCycleLR (cos, pct_start 0.3, momentum 0.95 → 0.85 → 0.95): phase ends 299 and 999 (scheduler step e = t − 1).
    const cosOut = (pct: number) => Math.cos(Math.PI * pct) + 1;
    const initial = 0.1 / 25;
    const min = initial / 1e4;
    const at = (e: number) => (e <= 299 ? { u: 0.85 + (0.95 - 0.85) / 2 * cosOut(e / 299), lr: 0.1 + (initial - 0.1) / 2 * cosOut(e / 299) } : { u: 0.95 + (0.85 - 0.95) / 2 * cosOut((e - 299) / 700), lr: min + (0.1 - min) / 2 * cosOut((e - 299) / 700) });
    expect(s.stages.count).toBe(1000);
    for (let t = 1; t <= 1000; t++) {
      expect(s.stages.u[t - 1], `u at step ${t}`).toBe(at(t - 1).u);
      expect(s.lr![t - 1], `lr at step ${t}`).toBe(at(t - 1).lr);
    }
  });
});
