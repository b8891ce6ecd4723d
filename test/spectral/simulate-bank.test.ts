import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { testSignal } from '../../src/spectral/signals.js';
import { runMomentum } from '../../src/spectral/simulate.js';
import { simulateSchedule, withinTolerance } from '../../src/spectral/simulation.js';
import { DEFAULT_TOLERANCE, FIGURE_ONE_SIGNAL } from '../../src/spectral/figure-one.js';
import type { Schedule } from '../../src/types.js';
import { filterTables } from '../../src/filter/stage-filter.js';

function schedule(preset: string, overrides: Record<string, unknown> = {}): Schedule {
  const parsed = parseSchedules(starterYaml(preset), { overrides: Object.entries(overrides).map(([k, value]) => ({ path: k.split('.'), value })) });
  expect(parsed.issues).toEqual([]);
  return parsed.schedules[0];
}

describe('runMomentum on filter banks and rational schedules', () => {
  const g = testSignal({ kind: 'white', seed: 11 }, 3000);

  it('nesterov: d_t = g_t + μ·buf_t with buf_1 = g_1 (PyTorch), buf_t = μ·buf_{t−1} + g_t', () => {
    const d = runMomentum(schedule('nesterov', { steps: 3000 }), g);
    let buf = 0;
    for (let t = 1; t <= 3000; t++) {
      buf = t === 1 ? g[0] : 0.9 * buf + g[t - 1];
      expect(d[t - 1]).toBeCloseTo(g[t - 1] + 0.9 * buf, 12);
    }
  });

  it('qhm: d_t = (1 − ν)·g_t + ν·buf_t, buf_t = β·buf_{t−1} + (1 − β)·g_t', () => {
    const s = schedule('qhm', { steps: 3000 });
    const nu = filterTables(s).bank!.c[0], beta = filterTables(s).bank!.u[0];
    const d = runMomentum(s, g);
    let buf = 0;
    for (let t = 1; t <= 3000; t++) {
      buf = beta * buf + (1 - beta) * g[t - 1];
      expect(d[t - 1]).toBeCloseTo((1 - nu) * g[t - 1] + nu * buf, 12);
    }
  });

  it('rational b = [0.1], a = [1, −0.9] is the EMA (v = 1 − 0.9 differs from 0.1 in the last bit); a second-order filter follows its difference equation across stages', () => {
    const ema = runMomentum(schedule('ema-sgdm', { steps: 3000 }), g);
    const r = runMomentum(schedule('rational', { steps: 3000 }), g);
    for (let i = 0; i < 3000; i++) expect(Math.abs(r[i] - ema[i])).toBeLessThanOrEqual(1e-14);
    const b = [[0.2, 0.1], [0.5, -0.1]], a = [[1, -0.5, 0.06], [1, 0.3, 0.02]];
    const y = runMomentum(schedule('rational', { steps: 3000, stages: 2, 'momentum.b': b, 'momentum.a': a }), g);
    const want = new Float64Array(3000);
    for (let i = 0; i < 3000; i++) {
      const k = i < 1500 ? 0 : 1;
      const at = (x: Float64Array, j: number) => (j >= 0 ? x[j] : 0);
      want[i] = b[k][0] * g[i] + b[k][1] * at(g, i - 1) - a[k][1] * at(want, i - 1) - a[k][2] * at(want, i - 2);
      expect(y[i]).toBeCloseTo(want[i], 12);
    }
  });

  it('the measured gain of nesterov, qhm, aggmo, lion and a rational filter agrees with their frozen responses', () => {
    const x = testSignal(FIGURE_ONE_SIGNAL, 20000);
    for (const preset of ['nesterov', 'qhm', 'aggmo', 'lion', 'rational']) {
      const s = schedule(preset, { steps: 20000, stages: 4 });
      const sim = simulateSchedule(s, x, [0, 1, 2, 3]);
      for (const st of sim.stages) {
        const where = `${preset} stage ${st.index}: ${JSON.stringify(st.agreement)}`;
        expect(st.agreement.frequenciesUsed, where).toBeGreaterThan(100);
        expect(withinTolerance(st, DEFAULT_TOLERANCE), where).toBe(st.memoryLimited ? null : true);
      }
    }
  });
});
