import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { energySplit, stageEnergySplits } from '../../src/spectral/energy-split.js';
import { runMomentum } from '../../src/spectral/simulate.js';

/** Naive DFT energy per one-sided bin, O(n²): an independent reference. */
function naiveShares(x: number[], split: number): { below: number; above: number } {
  const n = x.length;
  let low = 0, total = 0;
  for (let k = 0; k <= n / 2; k++) {
    let re = 0, im = 0;
    for (let t = 0; t < n; t++) {
      re += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      im -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
    const e = (k === 0 || 2 * k === n ? 1 : 2) * (re * re + im * im);
    total += e;
    if (k / n < split) low += e;
  }
  return { below: low / total, above: 1 - low / total };
}

describe('energySplit', () => {
  it('puts a constant entirely below any split and a ±1 alternation entirely above', () => {
    expect(energySplit(new Float64Array(100).fill(3), 0.01)).toEqual({ meanSquare: 9, below: 1, above: 0 });
    const alt = Float64Array.from({ length: 64 }, (_, t) => (t % 2 ? -1 : 1));
    const s = energySplit(alt, 0.49);
    expect(s.meanSquare).toBe(1);
    expect(s.below!).toBeLessThan(1e-28);
    expect(s.above!).toBeCloseTo(1, 15);
  });

  it('splits a sum of two bin-centred sines by their powers (Parseval), odd and even n', () => {
    for (const n of [1000, 999]) {
      const x = Float64Array.from({ length: n }, (_, t) => 2 * Math.sin((2 * Math.PI * 10 * t) / n) + Math.cos((2 * Math.PI * 200 * t) / n));
      const s = energySplit(x, 0.1);
      expect(s.below!).toBeCloseTo(4 / 5, 12); // powers 2²/2 and 1²/2
      expect(s.above!).toBeCloseTo(1 / 5, 12);
      expect(s.meanSquare).toBeCloseTo(2.5, 12);
    }
  });

  it('agrees with a naive DFT for random signals and splits, with fs scaling the split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 90 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (values, split) => {
          const x = Float64Array.from(values);
          if (!(x.reduce((sum, v) => sum + v * v, 0) > 1e-100)) return; // squares would underflow
          const want = naiveShares(values, split);
          const got = energySplit(x, split);
          expect(Math.abs(got.below! - want.below)).toBeLessThanOrEqual(1e-12);
          expect(energySplit(x, split * 8, 8).below).toBe(got.below);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('returns null shares for an all-zero or empty signal', () => {
    expect(energySplit(new Float64Array(8), 0.1)).toEqual({ meanSquare: 0, below: null, above: null });
    expect(energySplit(new Float64Array(0), 0.1)).toEqual({ meanSquare: 0, below: null, above: null });
  });
});

describe('stageEnergySplits', () => {
  it('covers the stages the trace reaches, the last one partly, with the filtered signal after', () => {
    const schedule = parseSchedules(starterYaml('ema-sgdm'), { overrides: [{ path: ['steps'], value: 1000 }, { path: ['stages'], value: 4 }] }).schedules[0];
    const g = Float64Array.from({ length: 600 }, (_, t) => Math.sin(2.5 * t) + 0.2);
    const m = runMomentum(schedule, g);
    const stages = stageEnergySplits(schedule, g, m, 0.05);
    expect(stages.map((s) => [s.index, s.startStep, s.samples])).toEqual([[0, 1, 250], [1, 251, 250], [2, 501, 100]]);
    expect(stages[1].before).toEqual(energySplit(g.subarray(250, 500), 0.05));
    expect(stages[1].after).toEqual(energySplit(m.subarray(250, 500), 0.05));
    // u = 0.9 low-pass: |H(2.5 rad)| ≈ 0.053 while the DC offset passes with gain 1.
    for (const s of stages) expect(s.after.below!).toBeGreaterThan(0.9);
  });

  it('reports a bank stage by branch 0 and a rational stage that is not first order by null u and v', () => {
    const g = Float64Array.from({ length: 200 }, (_, t) => Math.cos(t));
    const qhm = parseSchedules('steps: 200\nstages: 2\nmomentum: { preset: qhm, nu: 0.7, beta: 0.8 }\n').schedules[0];
    const [first] = stageEnergySplits(qhm, g, runMomentum(qhm, g), 0.1);
    expect([first.index, first.startStep, first.endStep, first.u, first.samples]).toEqual([0, 1, 100, 0.8, 100]);
    expect(first.v).toBeCloseTo(0.2, 15);
    const rational = parseSchedules('steps: 200\nstages: 2\nmomentum: { preset: rational, b: [0.2, 0.1], a: [1, -0.5, 0.06] }\n').schedules[0];
    const [, second] = stageEnergySplits(rational, g, runMomentum(rational, g), 0.1);
    expect([second.index, second.startStep, second.endStep, second.u, second.v]).toEqual([1, 101, 200, NaN, NaN]);
  });
});
