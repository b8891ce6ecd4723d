import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMomentum } from '../../src/spectral/simulate.js';
import type { Schedule } from '../../src/types.js';
import { expectClose } from './fixture.js';

/** A schedule from [length, u, v] stages. */
function schedule(stages: [number, number, number][], firstStepCopy = false): Schedule {
  const count = stages.length;
  const table = {
    count,
    startStep: new Float64Array(count), endStep: new Float64Array(count),
    u: new Float64Array(count), v: new Float64Array(count),
  };
  let step = 1;
  stages.forEach(([length, u, v], i) => {
    table.startStep[i] = step;
    table.endStep[i] = step + length - 1;
    table.u[i] = u;
    table.v[i] = v;
    step += length;
  });
  return { name: 'test', steps: step - 1, stages: table, firstStepCopy, source: 'custom', filter: { kind: 'first-order', u: table.u, v: table.v } };
}

/** Brute force: look up (u_t, v_t) by scanning the stages at every step. */
function bruteForce(s: Schedule, g: Float64Array): Float64Array {
  const m = new Float64Array(g.length);
  let prev = 0;
  for (let t = 1; t <= g.length; t++) {
    let i = 0;
    while (!(s.stages.startStep[i] <= t && t <= s.stages.endStep[i])) i++;
    prev = s.firstStepCopy && t === 1 ? g[0] : s.stages.u[i] * prev + s.stages.v[i] * g[t - 1];
    m[t - 1] = prev;
  }
  return m;
}

describe('runMomentum', () => {
  it('runMomentum equals a brute-force per-step recursion for random schedules', () => {
    const stage = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.double({ min: -0.99, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }));
    fc.assert(
      fc.property(fc.array(stage, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.integer({ min: 0, max: 1000 }), (stages, copy, seed) => {
        const s = schedule(stages, copy);
        const n = Math.max(0, s.steps - (seed % 3));
        const g = Float64Array.from({ length: n }, (_, t) => Math.sin(seed + 1.7 * t) * 3);
        expect(Array.from(runMomentum(s, g))).toEqual(Array.from(bruteForce(s, g)));
      }),
      { numRuns: 200 },
    );
  });

  it('runMomentum copies the first gradient when firstStepCopy is set, whatever v is', () => {
    const g = Float64Array.from([2, 1, 0]);
    expect(Array.from(runMomentum(schedule([[3, 0.5, 0.1]], true), g))).toEqual([2, 1.1, 0.55]);
    expect(Array.from(runMomentum(schedule([[3, 0.5, 0.1]], false), g))).toEqual([0.2, 0.2, 0.1]);
  });

  // ω = 2π·k/1000 so that angles can be reduced exactly ((k·t) mod 1000): a plain cos(ω·t)
  // carries ~ε·ω·t of phase noise at t ≈ 6000, which the test would mistake for filter error.
  const N = 1000;
  const angle = (k: number, t: number): number => (2 * Math.PI * ((k * t) % N)) / N;
  for (const [u, v, k] of [[0.9, 0.1, 48], [0.9, 1, 8], [-0.5, 0.5, 461], [0, 1, 159], [0.99, 1, 250]]) {
    const omega = (2 * Math.PI * k) / N;
    it(`inside a constant stage (u = ${u}, v = ${v}) a sinusoid at ω = ${omega.toFixed(3)} reaches the frozen response v/(1 − u·e^{−jω})`, () => {
      const n = 6000;
      const g = Float64Array.from({ length: n }, (_, i) => Math.cos(angle(k, i + 1)));
      const m = runMomentum(schedule([[n, u, v]]), g);
      // H = v/(1 − u·e^{−jω}) = v·(1 − u cos ω − j·u sin ω)/D,  D = 1 − 2u cos ω + u², with
      // 1 − u cos ω = (1 − u) + 2u·sin²(ω/2) and D = (1 − u)² + 4u·sin²(ω/2) to avoid cancellation.
      const s2 = Math.sin(omega / 2) ** 2;
      const d = (1 - u) ** 2 + 4 * u * s2;
      const hr = (v * (1 - u + 2 * u * s2)) / d, hi = (-v * u * Math.sin(omega)) / d;
      const gain = Math.hypot(hr, hi);
      expect(Math.abs(gain - Math.abs(v) / Math.sqrt(d))).toBeLessThanOrEqual(16 * Number.EPSILON * gain);
      // Steady state m_t = Re(H·e^{jωt}); the transient u^t·(…) is below 1e-20 after 5000 steps.
      const start = 5000;
      const expected = Array.from({ length: n - start }, (_, j) => {
        const t = start + j + 1;
        return hr * Math.cos(angle(k, t)) - hi * Math.sin(angle(k, t));
      });
      // Rounding accumulates over the filter memory, ~1/(1 − |u|) steps.
      const atol = (64 * Number.EPSILON * Math.max(1, gain)) / (1 - Math.abs(u));
      expectClose(m.subarray(start), expected, { atol, label: `u=${u}` });
    });
  }

  it('runMomentum rejects a gradient sequence longer than the schedule', () => {
    expect(() => runMomentum(schedule([[3, 0.5, 1]]), new Float64Array(4))).toThrow(/has 4 steps but schedule 'test' covers 3/);
  });
});
