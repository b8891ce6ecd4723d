import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { exactAtStep } from '../../src/explore/exact-at-step.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const schedule = (text: string) => parseSchedules(text).schedules[0];
type Row = { curve: number; frequency: number; gainDb: number; response: 'frozen' | 'exact' };
const rows = (spec: unknown) => (spec as { datasets: { curves: Row[] } }).datasets.curves;

/** |H(t, ω)| of m_t = u·m_{t−1} + v·g_t from m_0 = 0 with constant u, v: v·|1 − (u e^{−iω})^t| / |1 − u e^{−iω}| (a finite geometric sum). */
function closedFormDb(u: number, v: number, t: number, omega: number): number {
  if (t === Infinity) return 20 * Math.log10(v / Math.hypot(1 - u * Math.cos(omega), u * Math.sin(omega)));
  const ut = u ** t;
  const num = Math.hypot(1 - ut * Math.cos(omega * t), ut * Math.sin(omega * t));
  const den = Math.hypot(1 - u * Math.cos(omega), u * Math.sin(omega));
  return 20 * Math.log10((v * num) / den);
}

describe('exactAtStep: the exact response at a step beside its stage\'s frozen one', () => {
  const options = resolvePlotOptions({ frequencyScale: 'linear', frequencies: 64 });

  it('at step 5 of a constant filter the exact curve is the 5-term geometric sum, the frozen one v/|1 − u e^{−iω}|', () => {
    const at = exactAtStep(schedule('steps: 200\nmomentum: { u: 0.9, v: 0.1 }\n'), 5, options, 'one');
    expect(at).toMatchObject({ step: 5, stage: 0 });
    expect(at.figure.id).toBe('one-exact');
    const data = rows(at.figure.spec);
    const exact = data.filter((r) => r.response === 'exact');
    const frozen = data.filter((r) => r.response === 'frozen');
    expect(exact).toHaveLength(64);
    let gap = 0;
    for (let i = 0; i < 64; i++) {
      const omega = (Math.PI * i) / 63;
      // The spec keeps 6 significant digits.
      expect(exact[i].gainDb).toBeCloseTo(closedFormDb(0.9, 0.1, 5, omega), Math.max(0, 5 - Math.floor(Math.log10(Math.abs(exact[i].gainDb) + 1e-300))) - 1);
      expect(Math.abs(frozen[i].gainDb - closedFormDb(0.9, 0.1, Infinity, omega))).toBeLessThanOrEqual(5e-6 * Math.max(1, Math.abs(frozen[i].gainDb)));
      gap = Math.max(gap, Math.abs(closedFormDb(0.9, 0.1, 5, omega) - closedFormDb(0.9, 0.1, Infinity, omega)));
    }
    // The gap is largest at DC: 20·log10(1 − 0.9⁵) = −4.24 dB.
    expect(at.gapDb).toBeCloseTo(gap, 9);
    expect(at.gapDb).toBeCloseTo(-20 * Math.log10(1 - 0.9 ** 5), 9);
    expect((at.figure.spec as { description: string }).description).toContain('dashed: exact time-variant response at step 5');
  });

  it('after a switch the exact response remembers the old stage, then forgets it at the rate u^n', () => {
    const s = schedule('steps: 2000\nstages: 2\nmomentum: { u: [0.5, 0.9], v: "1 - u" }\n');
    const early = exactAtStep(s, 1001, options, 's');
    const late = exactAtStep(s, 2000, options, 's');
    expect([early.stage, late.stage]).toEqual([1, 1]);
    // One step after the switch m_t = 0.1·g_t + 0.9·m_{t−1}, with m_{t−1} the settled EMA(0.5) of the older gradients:
    // H(t, ω) = 0.1 + 0.9·e^{−iω}·0.5/(1 − 0.5·e^{−iω}), against the frozen 0.1/(1 − 0.9·e^{−iω}).
    let gap = 0;
    for (let i = 0; i < 64; i++) {
      const w = (Math.PI * i) / 63;
      const [c, sn] = [Math.cos(w), -Math.sin(w)];
      const den = (1 - 0.5 * c) ** 2 + (0.5 * sn) ** 2;
      const old = [(0.5 * (1 - 0.5 * c)) / den, (0.5 * 0.5 * sn) / den]; // 0.5/(1 − 0.5 e^{−iω})
      const h = [0.1 + 0.9 * (c * old[0] - sn * old[1]), 0.9 * (c * old[1] + sn * old[0])];
      gap = Math.max(gap, Math.abs(20 * Math.log10(Math.hypot(h[0], h[1])) - closedFormDb(0.9, 0.1, Infinity, w)));
    }
    expect(early.gapDb).toBeCloseTo(gap, 9);
    expect(early.gapDb).toBeGreaterThan(10);
    // 999 steps later the old stage's weight is 0.9^999 ≈ 1e-46 of it.
    expect(late.gapDb).toBeLessThan(1e-9);
  });
});
