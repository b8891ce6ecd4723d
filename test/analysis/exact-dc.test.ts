import { describe, expect, it } from 'vitest';
import { ExactDcProbe } from '../../src/analysis/exact-dc.js';
import { stageMetricsOf } from '../../src/filter/stage-filter.js';
import { analyze } from '../../src/index.js';
import { parseConfig } from '../../src/schedule/parse.js';

const scheduleOf = (config: Record<string, unknown>) => {
  const { schedules, issues } = parseConfig(config);
  expect(issues).toEqual([]);
  return schedules[0];
};

/** |Σ_s h(t, s)|: the recursion m_t = u_t·m_{t−1} + v_t·g_t driven by g = 1, with the output weights. */
function bruteDc(u: (t: number) => number, v: (t: number) => number, c: (t: number) => number, steps: number): number[] {
  let m = 0;
  return Array.from({ length: steps }, (_, i) => {
    const t = i + 1;
    m = u(t) * m + v(t);
    return Math.abs(c(t) * m);
  });
}

describe('ExactDcProbe', () => {
  it('adam-m (β1 = 0.9): the exact DC gain is 1 at every step, the frozen stage filter\'s 1/(1 − 0.9^t)', () => {
    const schedule = scheduleOf({ steps: 300, momentum: { preset: 'adam-m', beta1: 0.9 } });
    const probe = new ExactDcProbe(schedule);
    expect(probe.nonNegative).toBe(true);
    for (let k = 0; k < 300; k++) {
      const t = k + 1;
      expect(Math.abs(probe.gainAt(k) - 1), `t=${t}`).toBeLessThanOrEqual(4 * Number.EPSILON);
      const frozen = 1 / (1 - 0.9 ** t);
      expect(Math.abs(stageMetricsOf(schedule, k).dcGain - frozen), `t=${t}`).toBeLessThanOrEqual(8 * Number.EPSILON * frozen);
    }
  });

  it('per-step u (u_t = 0.5 + 0.4·t/50, v = 1): equals the brute-force recursion driven by a constant gradient', () => {
    const schedule = scheduleOf({ steps: 50, momentum: { u: '0.5 + 0.4 * t / 50', v: 1 } });
    const probe = new ExactDcProbe(schedule);
    const brute = bruteDc((t) => 0.5 + (0.4 * t) / 50, () => 1, () => 1, 50);
    for (let k = 0; k < 50; k++) expect(Math.abs(probe.gainAt(k) - brute[k]), `k=${k}`).toBeLessThanOrEqual(16 * Number.EPSILON * brute[k]);
  });

  it('a stage of several steps is measured at its last step: EMA u = 0.9 over one 40-step stage gives 1 − 0.9⁴⁰', () => {
    const probe = new ExactDcProbe(scheduleOf({ steps: 40, momentum: { preset: 'ema-sgdm', beta: 0.9 } }));
    expect(probe.stepOf(0)).toBe(40);
    expect(Math.abs(probe.gainAt(0) - (1 - 0.9 ** 40))).toBeLessThanOrEqual(8 * Number.EPSILON);
  });

  it('a negative coefficient makes the weights signed: nonNegative is false (the peak need not be at DC)', () => {
    expect(new ExactDcProbe(scheduleOf({ steps: 10, momentum: { u: -0.5, v: 1 } })).nonNegative).toBe(false);
    expect(new ExactDcProbe(scheduleOf({ steps: 10, momentum: { u: 0.5, v: 1 } })).nonNegative).toBe(true);
  });

  it('the summary built stage by stage (every real stage) and the refined one of display stages agree for adam-m', () => {
    const config = { steps: 1500, momentum: { preset: 'adam-m', beta1: 0.9 } };
    const all = analyze(config, { stages: 'all', response: false }).schedules[0].summary;
    const auto = analyze(config, { response: false }).schedules[0].summary;
    expect(all).toEqual(auto);
    expect(all[1]).toMatch(/^exact DC gain 0 dB at every step; the frozen stage filter's DC gain falls from \+20\.0 dB/);
  });
});
