import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import { fixture } from '../support/fixtures.js';

interface FsgdmCase {
  c: number;
  v: number;
  sigma: number;
  nStages: number;
  segments: { startStep: number; endStep: number; u: number }[];
}

const yaml = (c: FsgdmCase) => `steps: ${c.sigma}\nstages: ${c.nStages}\nmomentum: { preset: fsgdm, c: ${c.c}, v: ${c.v} }\n`;

describe('fsgdm preset reproduces the official optimizer step by step (test/fixtures/fsgdm-coefficients.json)', () => {
  const cases = fixture<FsgdmCase[]>('fsgdm-coefficients.json');
  it.each(cases.map((c) => [c.sigma, c.nStages, c] as const))('sigma=%s n_stages=%s: same segments, steps and u (bit for bit)', (_s, _n, c) => {
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
