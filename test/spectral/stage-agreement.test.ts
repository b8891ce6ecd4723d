import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { empiricalGain } from '../../src/spectral/empirical-gain.js';
import { testSignal } from '../../src/spectral/signals.js';
import { runMomentum } from '../../src/spectral/simulate.js';
import { simulateSchedule, withinTolerance } from '../../src/spectral/simulation.js';
import { stageComparison } from '../../src/spectral/stage-agreement.js';
import type { Schedule } from '../../src/types.js';

function schedule(preset: string, overrides: Record<string, number>): Schedule {
  const parsed = parseSchedules(starterYaml(preset), { overrides: Object.entries(overrides).map(([k, value]) => ({ path: k.split('.'), value })) });
  expect(parsed.issues).toEqual([]);
  return parsed.schedules[0];
}

describe('empiricalGain', () => {
  it('recovers a pure gain exactly, with coherence 1', () => {
    const x = testSignal({ kind: 'white', seed: 3 }, 4096);
    const est = empiricalGain(x, x.map((v) => -2.5 * v), { nperseg: 128 });
    for (let k = 0; k < est.gain.length; k++) {
      expect(est.gain[k]).toBeCloseTo(2.5, 12);
      expect(est.coherence[k]).toBeCloseTo(1, 12);
    }
  });

  it('gives low coherence where the output is independent noise', () => {
    const x = testSignal({ kind: 'white', seed: 4 }, 8192);
    const est = empiricalGain(x, testSignal({ kind: 'white', seed: 5 }, 8192), { nperseg: 128 });
    const mean = est.coherence.reduce((a, b) => a + b, 0) / est.coherence.length;
    expect(mean).toBeLessThan(0.1); // E[γ²] ≈ 1/K for K ≈ 127 independent-ish segments
  });
});

describe('stageComparison', () => {
  it('measures the EMA low-pass within hundredths of a dB on white noise (a stage of 20 000 steps)', () => {
    const s = schedule('ema-sgdm', { steps: 20000 });
    const x = testSignal({ kind: 'white', seed: 1 }, 20000);
    const c = stageComparison(s, x, runMomentum(s, x), 0);
    expect(c.nperseg).toBe(256);
    expect(c.agreement.frequenciesUsed).toBeGreaterThan(120);
    expect(c.agreement.medianDeviationDb!).toBeLessThan(0.02);
    expect(c.agreement.maxDeviationDb!).toBeLessThan(0.3);
    // DC gain of the EMA is 1 (0 dB), Nyquist (1 − u)/(1 + u) = 1/19.
    expect(c.spectra.theoreticalGain[0]).toBeCloseTo(1, 12);
    expect(c.spectra.theoreticalGain[128]).toBeCloseTo(0.1 / 1.9, 12);
    expect(c.spectra.gain[128]).toBeCloseTo(0.1 / 1.9, 3);
  });

  it('detects a wrong theory: the gain of a different filter deviates by its ratio', () => {
    const s = schedule('ema-sgdm', { steps: 20000 });
    const x = testSignal({ kind: 'white', seed: 2 }, 20000);
    const y = runMomentum(s, x).map((v) => 2 * v); // twice the true output: +6.02 dB everywhere
    const c = stageComparison(s, x, y, 0);
    expect(c.agreement.medianDeviationDb!).toBeCloseTo(20 * Math.log10(2), 1);
  });

  it('shrinks nperseg to a power of two ≤ samples/4 and compares nothing below 16 samples', () => {
    const s = schedule('ema-sgdm', { steps: 1000, stages: 25 });
    const x = testSignal({ kind: 'white' }, 1000);
    const y = runMomentum(s, x);
    expect(stageComparison(s, x, y, 0).nperseg).toBe(8); // 40/4 = 10 → 8
    const long = schedule('ema-sgdm', { steps: 1000, stages: 2 });
    expect(stageComparison(long, x, runMomentum(long, x), 1).nperseg).toBe(64); // 500/4 = 125 → 64
    const tiny = schedule('ema-sgdm', { steps: 1000, stages: 500 });
    const c = stageComparison(tiny, x, runMomentum(tiny, x), 3);
    expect(c.nperseg).toBe(0);
    expect(c.agreement).toEqual({ maxDeviationDb: null, medianDeviationDb: null, coherenceThreshold: 0.99, frequenciesUsed: 0 });
  });

  it('simulateSchedule leaves out stages the input does not reach, and withinTolerance judges each', () => {
    const s = schedule('ema-sgdm', { steps: 4000, stages: 4 });
    const x = testSignal({ kind: 'white' }, 2500);
    const sim = simulateSchedule(s, x, [0, 1, 2, 3]);
    expect(sim.stages.map((st) => [st.index, st.samples])).toEqual([[0, 1000], [1, 1000], [2, 500]]);
    expect(sim.stages.every((st) => withinTolerance(st, { maxDeviationDb: 1.5, medianDeviationDb: 0.25 }))).toBe(true);
    expect(withinTolerance(sim.stages[0], { maxDeviationDb: 0, medianDeviationDb: 0 })).toBe(false);
  });

  it('reports a bank stage by branch 0 and a rational stage that is not first order by null u and v', () => {
    const x = testSignal({ kind: 'white' }, 400);
    const qhm = schedule('qhm', { steps: 400, stages: 2, 'momentum.beta': 0.8 });
    const c = stageComparison(qhm, x, runMomentum(qhm, x), 1);
    expect([c.index, c.startStep, c.endStep, c.u, c.samples]).toEqual([1, 201, 400, 0.8, 200]);
    expect(c.v).toBeCloseTo(0.2, 15);
    const rational = parseSchedules('steps: 400\nstages: 2\nmomentum: { preset: rational, b: [0.2, 0.1], a: [1, -0.5, 0.06] }\n').schedules[0];
    const r = stageComparison(rational, x, runMomentum(rational, x), 0);
    expect([r.index, r.startStep, r.endStep, r.u, r.v]).toEqual([0, 1, 200, NaN, NaN]);
  });
});

describe('stageComparison: stages shorter than the filter memory are measured, not judged', () => {
  it('memoryLimited exactly when the time constant −1/ln u is at least nperseg/4, and such a stage is not counted against the tolerance', () => {
    const tolerance = { maxDeviationDb: 1.5, medianDeviationDb: 0.25, coherenceThreshold: 0.99 };
    for (const beta of [0.5, 0.9, 0.97, 0.99]) {
      const yaml = `steps: 4096\nstages: 1\nmomentum: { preset: ema-sgdm, beta: ${beta} }\n`;
      const schedule = parseSchedules(yaml).schedules[0];
      const x = testSignal({ kind: 'white', seed: 7 }, 4096);
      const c = stageComparison(schedule, x, runMomentum(schedule, x), 0, { nperseg: 64 });
      const tau = -1 / Math.log(beta); // 1.44, 9.49, 32.8, 99.5 steps; nperseg/4 = 16
      expect(c.nperseg).toBe(64);
      expect(c.memoryLimited, `β = ${beta}`).toBe(tau >= 16);
      // A fabricated deviation: a memory-limited stage still passes, a judged one fails.
      const off = { ...c, agreement: { ...c.agreement, maxDeviationDb: 9, medianDeviationDb: 9 } };
      expect(withinTolerance(off, tolerance)).toBe(tau >= 16);
    }
  });
});
