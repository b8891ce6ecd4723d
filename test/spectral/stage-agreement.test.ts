import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { empiricalGain } from '../../src/spectral/empirical-gain.js';
import { testSignal } from '../../src/spectral/signals.js';
import { runMomentum } from '../../src/spectral/simulate.js';
import { simulateSchedule, withinTolerance } from '../../src/spectral/simulation.js';
import { MEMORY_BIAS, memoryJudgement, stageComparison } from '../../src/spectral/stage-agreement.js';
import { timeConstant } from '../../src/filter/metrics.js';
import { readFileSync } from 'node:fs';
import type { Schedule } from '../../src/types.js';
import { autoStageReport } from '../../src/analysis/display-stages.js';
import { stageSpans } from '../../src/spectral/stage-spans.js';

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

describe('stageComparison: a filter memory long against the segments is judged with the estimate\'s measured bias', () => {
  const tolerance = { maxDeviationDb: 1.5, medianDeviationDb: 0.25, coherenceThreshold: 0.99 };

  it('τ < nperseg/4 is judged with the stated tolerance; nperseg/4 ≤ τ ≤ nperseg with the measured worst deviations; τ > nperseg is measured, not judged', () => {
    // nperseg 64: τ = 1.44, 9.49 (stated), 32.8 (≤ 64: judged, widened), 99.5 (> 64: not judged).
    for (const [beta, judged, widened] of [[0.5, true, false], [0.9, true, false], [0.97, true, true], [0.99, false, false]] as const) {
      const yaml = `steps: 4096\nstages: 1\nmomentum: { preset: ema-sgdm, beta: ${beta} }\n`;
      const schedule = parseSchedules(yaml).schedules[0];
      const x = testSignal({ kind: 'white', seed: 7 }, 4096);
      const c = stageComparison(schedule, x, runMomentum(schedule, x), 0, { nperseg: 64 });
      expect(c.nperseg).toBe(64);
      expect(c.memoryLimited, `β = ${beta}`).toBe(!judged);
      expect(c.memoryBias !== undefined, `β = ${beta}`).toBe(widened);
      // A fabricated deviation far outside any tolerance: only a stage that is not judged passes.
      const off = { ...c, agreement: { ...c.agreement, maxDeviationDb: 9, medianDeviationDb: 9 } };
      expect(withinTolerance(off, tolerance)).toBe(judged ? false : null);
    }
  });

  it('a stage whose deviation is inside the measured bias is judged and passes; one just outside it fails', () => {
    // nperseg 16, τ/nperseg ≤ 0.3 (τ = 4.8 steps): the 16-sample segments' scatter was measured up to a 0.51 dB median.
    const schedule = parseSchedules('steps: 4096\nstages: 1\nmomentum: { preset: ema-sgdm, beta: 0.812 }\n').schedules[0];
    const x = testSignal({ kind: 'white', seed: 7 }, 4096);
    const c = stageComparison(schedule, x, runMomentum(schedule, x), 0, { nperseg: 16 });
    expect(c.memoryLimited).toBe(false);
    expect(c.memoryBias).toEqual({ maxDeviationDb: 0.9, medianDeviationDb: 0.51 });
    const at = (median: number) => ({ ...c, agreement: { ...c.agreement, maxDeviationDb: 0.5, medianDeviationDb: median } });
    expect(withinTolerance(at(0.4), tolerance)).toBe(true);
    expect(withinTolerance(at(0.52), tolerance)).toBe(false);
  });

  it('the judged bounds are the worst deviations of the committed brute-force measurement (bias.json), per segment length, cumulative over τ/nperseg from 1/4', () => {
    const rows = (JSON.parse(readFileSync('test/fixtures/spectral/memory-bias/bias.json', 'utf8')) as { rows: { ratio: number; nperseg: number; maxDeviationDb: number | null; medianDeviationDb: number | null }[] }).rows;
    expect(rows).toHaveLength(12 * 5 * 2 * 2 * 8);
    for (const [i, nperseg] of MEMORY_BIAS.nperseg.entries()) {
      for (const key of ['maxDeviationDb', 'medianDeviationDb'] as const) {
        let worst = 0;
        MEMORY_BIAS.ratios.forEach((ratio, j) => {
          for (const r of rows) if (r.nperseg === nperseg && r.ratio === ratio && r[key] !== null) worst = Math.max(worst, r[key]!);
          expect(MEMORY_BIAS[key][i][j], `${key} nperseg ${nperseg} ratio ${ratio}`).toBe(Math.ceil(worst * 100) / 100);
        });
      }
    }
    expect(memoryJudgement(0.3 * 32, 32)).toEqual({ maxDeviationDb: 0.32, medianDeviationDb: 0.15 });
    expect(memoryJudgement(1.01 * 32, 32)).toBeNull();
    expect(memoryJudgement(0.3 * 8, 8)).toBeNull(); // segments of 8 were not measured
    expect(memoryJudgement(0.2 * 8, 8)).toBe('stated');
    expect(memoryJudgement(Infinity, 64)).toBeNull();
    // an unstable stage (|u| ≥ 1, allowed with --allow-unstable): timeConstant(1) = −∞, timeConstant(1.1) = −1/ln 1.1 < 0
    expect(memoryJudgement(timeConstant(1), 64)).toBeNull();
    expect(memoryJudgement(-1 / Math.log(1.1), 64)).toBeNull();
  });
});

describe('stageComparison over display stages (a filter that varies inside the stage)', () => {
  // A per-step schedule: u = 0.3 + 0.5·t/T, v = 1 − u, one stage per step.
  const T = 40000;
  const ramp = (() => {
    const parsed = parseSchedules(`name: ramp\nsteps: ${T}\nmomentum: { u: "0.3 + 0.5 * t / T", v: "1 - u" }\n`);
    expect(parsed.issues).toEqual([]);
    return parsed.schedules[0];
  })();
  const closedForm = (t: number, w: number) => {
    const u = 0.3 + (0.5 * t) / T;
    return (1 - u) / Math.hypot(1 - u * Math.cos(w), u * Math.sin(w));
  };

  it('white noise: the measured |P_xy/P_xx| lies inside the range of the closed-form |H| over the stage\'s steps and the bin\'s band, for every compared frequency', () => {
    const x = testSignal({ kind: 'white', seed: 7 }, T);
    const y = runMomentum(ramp, x);
    const spans = stageSpans(ramp, autoStageReport(ramp.stages, 4)).filter((s) => s.endStep - s.startStep > 1000);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (const span of spans) {
      // Coherence ≥ 0.95: a filter that varies inside the segments is not one linear system, so γ² < 1 even without noise.
      const c = stageComparison(ramp, x, y, span, { coherenceThreshold: 0.95 });
      expect(c.display).toBeDefined();
      expect(c.agreement.frequenciesUsed).toBeGreaterThan(20);
      const lobe = 0.72 / c.nperseg;
      let outside = 0;
      for (let k = 0; k < c.spectra.frequencies.length; k++) {
        if (!(c.spectra.coherence[k] >= 0.95)) continue;
        let lo = Infinity, hi = 0;
        for (let t = span.startStep; t <= span.endStep; t += 7) {
          for (const df of [-lobe, 0, lobe]) {
            const h = closedForm(t, 2 * Math.PI * Math.min(0.5, Math.max(0, c.spectra.frequencies[k] + df)));
            lo = Math.min(lo, h);
            hi = Math.max(hi, h);
          }
        }
        const g = c.spectra.gain[k];
        // 0.25 dB: the estimate's own scatter with ≥ 70 segments (the stated median tolerance).
        if (g < lo * 10 ** (-0.25 / 20) || g > hi * 10 ** (0.25 / 20)) outside++;
      }
      expect(outside).toBe(0);
      expect(c.agreement.maxDeviationDb).toBeLessThanOrEqual(0.25);
    }
  });

  it('the same measurement held against the last step\'s |H| alone is off by more than the tolerance: a varying stage needs its range', () => {
    const x = testSignal({ kind: 'white', seed: 7 }, T);
    const y = runMomentum(ramp, x);
    const [span] = stageSpans(ramp, autoStageReport(ramp.stages, 4)).filter((s) => s.endStep - s.startStep > 1000);
    const c = stageComparison(ramp, x, y, span);
    let worst = 0;
    for (let k = 0; k < c.spectra.frequencies.length; k++) {
      if (c.spectra.coherence[k] >= 0.99) worst = Math.max(worst, Math.abs(20 * Math.log10(c.spectra.gain[k] / closedForm(span.endStep, 2 * Math.PI * c.spectra.frequencies[k]))));
    }
    expect(worst).toBeGreaterThan(1.5);
    expect(c.spectra.theoreticalLow!.every((lo, k) => lo <= c.spectra.theoreticalHigh![k])).toBe(true);
  });
});
