import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import { fixture } from '../support/fixtures.js';

interface FsgdmCase {
  c: number;
  v: number;
  sigma: number;
  nStages: number;
  steps: number;
  segments: { startStep: number; endStep: number; u: number }[];
}

// sigma is given only where the run's length differs from it (otherwise the preset's default, steps, applies).
const yaml = (c: FsgdmCase) =>
  `steps: ${c.steps}\nstages: ${c.nStages}\nmomentum: { preset: fsgdm, c: ${c.c}, v: ${c.v}${c.steps === c.sigma ? '' : `, sigma: ${c.sigma}`} }\n`;

describe('fsgdm preset reproduces the official optimizer step by step (test/fixtures/fsgdm-coefficients.json)', () => {
  const cases = fixture<FsgdmCase[]>('fsgdm-coefficients.json');
  it.each(cases.map((c) => [c.sigma, c.nStages, c.steps, c] as const))('sigma=%s n_stages=%s steps=%s: same segments, steps and u (bit for bit)', (_s, _n, _t, c) => {
    const { schedules, issues } = parseSchedules(yaml(c));
    expect(issues).toEqual([]);
    const t = schedules[0].stages;
    expect(t.count).toBe(c.segments.length);
    for (let i = 0; i < t.count; i++) {
      expect([t.startStep[i], t.endStep[i], t.u[i], t.v[i]], `segment ${i}`).toEqual([c.segments[i].startStep, c.segments[i].endStep, c.segments[i].u, c.v]);
    }
    expect(schedules[0].firstStepCopy).toBe(true);
  });

  it('the defaults give the paper.md §5 table: DC gain v(1 + k/(cN)) per stage, 31.30303 at the final step', () => {
    const { schedules } = parseSchedules('steps: 117000\nstages: 300\nmomentum: { preset: fsgdm }\n');
    const t = schedules[0].stages;
    expect(t.count).toBe(301);
    for (const [k, dc, nyq] of [[1, 1.10101, 0.915966], [10, 2.0101, 0.665552], [100, 11.10101, 0.523583], [299, 31.20202, 0.508143], [300, 31.30303, 0.508116]]) {
      const m = stageMetrics(t.u[k], t.v[k]);
      expect(m.dcGain).toBeCloseTo(dc, 4);
      expect(m.nyquistGain).toBeCloseTo(nyq, 5);
      if (k < 300) expect(m.dcGain).toBeCloseTo(1 + k / 9.9, 12);
    }
  });

  it('the official CIFAR-100 run (117 300 steps, sigma 117 000): u at every step as the official code, unlike a preset tied to steps (45 150 steps differ, by up to 0.0917)', () => {
    const official = cases.find((c) => c.steps === 117_300)!;
    const run = parseSchedules('steps: 117300\nstages: 300\nmomentum: { preset: fsgdm, sigma: 117000 }\n').schedules[0].stages;
    const tied = parseSchedules('steps: 117300\nstages: 300\nmomentum: { preset: fsgdm }\n').schedules[0].stages;
    const perStep = (t: typeof run) => {
      const u = new Float64Array(117_300);
      for (let k = 0; k < t.count; k++) u.fill(t.u[k], t.startStep[k] - 1, t.endStep[k]);
      return u;
    };
    const expected = new Float64Array(117_300);
    for (const seg of official.segments) expected.fill(seg.u, seg.startStep - 1, seg.endStep);
    const ours = perStep(run);
    const other = perStep(tied);
    let mismatches = 0;
    let differ = 0;
    let worst = 0;
    for (let s = 0; s < 117_300; s++) {
      if (ours[s] !== expected[s]) mismatches++;
      const d = Math.abs(other[s] - expected[s]);
      if (d > 1e-15) differ++;
      worst = Math.max(worst, d);
    }
    expect(mismatches).toBe(0);
    expect(run.count).toBe(301);
    expect(run.u[300]).toBe(117000 / (117000 + 0.033 * 117000));
    expect([run.startStep[300], run.endStep[300]]).toEqual([117_000, 117_300]);
    expect(differ).toBe(45_150);
    expect(worst).toBeCloseTo(0.0917, 4);
  });

  it('sigma < stages is refused, naming sigma (the official code would divide by ⌊sigma/stages⌋ = 0)', () => {
    const { issues } = parseSchedules('steps: 1000\nstages: 300\nmomentum: { preset: fsgdm, sigma: 200 }\n');
    expect(issues.map((i) => i.message).join('\n')).toMatch(/fsgdm needs sigma ≥ stages: .*sigma 200, stages 300/);
  });

  it('refuses steps < stages with a message, instead of the official code\'s ZeroDivisionError', () => {
    const { issues } = parseSchedules('steps: 10\nstages: 300\nmomentum: { preset: fsgdm }\n');
    expect(issues.map((i) => i.message).join('\n')).toMatch(/must be ≤ steps/);
  });

  it('c = 0 makes every later stage marginal (u = 1) and stage 0 NaN: both are reported', () => {
    const { issues } = parseSchedules('steps: 1000\nstages: 10\nmomentum: { preset: fsgdm, c: 0 }\n');
    const text = issues.map((i) => i.message).join('\n');
    expect(text).toMatch(/not a finite number in stage 0/);
    expect(text).toMatch(/\|u\| must be < 1/);
  });
});
