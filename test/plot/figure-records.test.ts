import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { coefficientRecords, metricsRecords, responseMapRecords, trainingBins } from '../../src/plot/figure-records.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { stepBins } from '../../src/plot/step-bins.js';
import { scheduleOf } from './support.js';

const options = resolvePlotOptions();
/** Three stages of unequal length and sign-changing v. */
const THREE = scheduleOf('name: three\nsteps: 100\nstages: 3\nmomentum:\n  u: [0.2, 0.9, -0.5]\n  v: [1, 0.1, 2]\n');
const U = [0.2, 0.9, -0.5];
const V = [1, 0.1, 2];
/** u_t = t/(t + 1000), v_t = 1 − u_t, one stage per step: merged into bins by any mapBins below 2000. */
const PER_STEP = scheduleOf('name: per-step\nsteps: 2000\nstageLength: 1\nmomentum:\n  u: "t / (t + 1000)"\n  v: "1 - u"\n');
/** The stages' spans in steps elapsed, [startStep − 1, endStep], as the schedule defines them. */
const SPANS = [0, 1, 2].map((k) => [THREE.stages.startStep[k] - 1, THREE.stages.endStep[k]]);
const uOfStep = (t: number): number => t / (t + 1000);

/** |H(e^{jω})| = |v| / sqrt(1 − 2u·cos ω + u²) in dB: the first-order closed form (paper.md). */
const gainDb = (u: number, v: number, w: number): number => 20 * Math.log10(Math.abs(v) / Math.sqrt(1 - 2 * u * Math.cos(w) + u * u));

/** |B(e^{jω})| / |A(e^{jω})| in dB for polynomials in z⁻¹, summed term by term. */
function rationalGainDb(b: number[], a: number[], w: number): number {
  const at = (p: number[]): number => Math.hypot(p.reduce((s, c, k) => s + c * Math.cos(k * w), 0), p.reduce((s, c, k) => s - c * Math.sin(k * w), 0));
  return 20 * Math.log10(at(b) / at(a));
}

/** |got − want| ≤ rtol·max(1, |want|), with every number in the message. */
function expectNear(got: number, want: number, rtol: number, what: string): void {
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(want)));
}

describe('responseMapRecords', () => {
  it('first order, one column per stage: the gain is |v|/sqrt(1 − 2u cos ω + u²) in dB at every row, over the stage\'s real span', () => {
    const records = responseMapRecords(THREE, { ...options, mapRows: 24, omegaMin: 1e-3 });
    expect(records).toMatchObject({ name: 'three', steps: 100, stageCount: 3, firstOrder: true, aggregated: false });
    expect(records.rows.omega).toHaveLength(24);
    expect(records.columns.map((c) => [c.t0, c.t1, c.firstStage, c.lastStage])).toEqual(SPANS.map(([t0, t1], k) => [t0, t1, k, k]));
    expect(SPANS.map(([t0, t1]) => t1 - t0)).toEqual([33, 33, 34]);
    records.columns.forEach((c, k) => {
      expectNear(c.u, U[k], 1e-15, `u of stage ${k}`);
      expectNear(c.v, V[k], 1e-15, `v of stage ${k}`);
      expect(c.bounds).toBeUndefined();
      records.rows.omega.forEach((w, j) => expectNear(c.gainDb[j], gainDb(U[k], V[k], w), 1e-12, `stage ${k} ω=${w}`));
    });
  });

  it('merged first-order columns: gain of the step-weighted mean (ū, v̄), and bounds that contain the gain of every stage merged', () => {
    const records = responseMapRecords(PER_STEP, { ...options, mapBins: 10, mapRows: 12 });
    expect(records.aggregated).toBe(true);
    expect(records.columns).toHaveLength(10);
    for (const c of records.columns) {
      const steps = Array.from({ length: c.t1 - c.t0 }, (_, i) => c.t0 + 1 + i);
      const uMean = steps.reduce((s, t) => s + uOfStep(t), 0) / steps.length;
      expectNear(c.u, uMean, 1e-13, `ū over steps ${c.t0 + 1}…${c.t1}`);
      expectNear(c.v, 1 - uMean, 1e-13, `v̄ over steps ${c.t0 + 1}…${c.t1}`);
      expect([c.uMin, c.uMax]).toEqual([uOfStep(steps[0]), uOfStep(steps[steps.length - 1])]);
      records.rows.omega.forEach((w, j) => {
        expectNear(c.gainDb[j], gainDb(c.u, c.v, w), 1e-12, `column ${c.firstStage}… ω=${w}`);
        for (const t of steps) {
          const g = gainDb(uOfStep(t), 1 - uOfStep(t), w);
          expect(g, `step ${t} ω=${w}`).toBeGreaterThanOrEqual(c.bounds!.min[j] - 1e-9);
          expect(g, `step ${t} ω=${w}`).toBeLessThanOrEqual(c.bounds!.max[j] + 1e-9);
        }
      });
    }
  });

  it('a rational schedule: each column is its stage\'s |B(e^{jω})|/|A(e^{jω})| (a normalised by a₀)', () => {
    const rational = scheduleOf('name: r\nsteps: 100\nstages: 2\nmomentum: { preset: rational, b: [[0.1], [0.05, 0.01, -0.05]], a: [[1, -0.9], [2, -3.2, 1.62]] }\n');
    const records = responseMapRecords(rational, { ...options, mapRows: 16, omegaMin: 1e-2 });
    expect(records.firstOrder).toBe(false);
    const polynomials = [
      [[0.1], [1, -0.9]],
      [[0.05, 0.01, -0.05], [2, -3.2, 1.62]],
    ];
    records.columns.forEach((c, k) => {
      const [b, a] = polynomials[k];
      records.rows.omega.forEach((w, j) => expectNear(c.gainDb[j], rationalGainDb(b, a, w), 1e-10, `stage ${k} ω=${w}`));
    });
  });
});

describe('metricsRecords', () => {
  it('first order: DC gain |v|/(1 − u), noise gain v²/(1 − u²) and DC group delay u/(1 − u) of each stage', () => {
    const records = metricsRecords(THREE, options);
    expect(records.bins.map((b) => [b.t0, b.t1])).toEqual(SPANS);
    records.bins.forEach(({ metrics: m }, k) => {
      const [u, v] = [U[k], V[k]];
      expectNear(m.dcGain, Math.abs(v) / (1 - u), 1e-13, `DC gain of stage ${k}`);
      expectNear(m.dcGainDb!, 20 * Math.log10(Math.abs(v) / (1 - u)), 1e-13, `DC gain (dB) of stage ${k}`);
      expectNear(m.noiseGain, (v * v) / (1 - u * u), 1e-13, `noise gain of stage ${k}`);
      expectNear(m.groupDelayDc, u / (1 - u), 1e-13, `group delay of stage ${k}`);
    });
  });

  it.each([...PRESETS.keys()])('preset %s: the metrics of every stage equal what analyze reports for it', (name) => {
    const schedule = scheduleOf(`name: p\nsteps: 1000\nstages: 4\nmomentum: { preset: ${name} }\n`);
    const records = metricsRecords(schedule, { mapBins: Infinity }); // per-step presets too: one bin per stage
    const [result] = analyze([schedule], { stages: 'all', response: false }).schedules;
    expect(records.bins).toHaveLength(result.stages.length);
    result.stages.forEach((stage, k) => {
      const got = records.bins[k].metrics as unknown as Record<string, unknown>;
      for (const [key, want] of Object.entries(stage.metrics)) {
        if (typeof want === 'number' && typeof got[key] === 'number') expectNear(got[key] as number, want, 1e-12, `${name} stage ${k} ${key}`);
        else expect(got[key], `${name} stage ${k} ${key}`).toEqual(want);
      }
    });
  });
});

describe('trainingBins: per-step schedules binned so a transient at the start survives', () => {
  // Adam's bias-corrected first moment, one stage per step: DC gain 1/(1 − β1^t), 20 dB at t = 1.
  const ADAM = scheduleOf('name: adam\nsteps: 20000\nmomentum: { preset: adam-m, beta1: 0.9, biasCorrection: true }\n');

  it('adam-m over 20 000 steps: log-spaced bins whose first ones are single steps, with DC gain −20·log10(1 − 0.9^t)', () => {
    const bins = trainingBins(ADAM, 400);
    expect(bins.spacing).toBe('log');
    expect(bins.count).toBeLessThanOrEqual(400);
    expect([...bins.t0.slice(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect(bins.t1[bins.count - 1]).toBe(20000);
    const records = metricsRecords(ADAM, { mapBins: 400 }, bins);
    expect(records.stepSpacing).toBe('log');
    for (let t = 1; t <= 5; t++) expectNear(records.bins[t - 1].metrics.dcGainDb!, -20 * Math.log10(1 - 0.9 ** t), 1e-9, `DC gain at step ${t}`);
    // equal step intervals (the old binning) merge steps 1–50 and show the middle stage's ≈ 0 dB
    const linear = metricsRecords(ADAM, { mapBins: 400 }, stepBins(ADAM.stages, 400));
    expect(linear.bins[0].metrics.dcGainDb!).toBeLessThan(1);
    // … yet its sampled spread still reaches step 1's 20 dB
    expectNear(linear.bins[0].spread!.max.dcGainDb!, 20, 1e-9, 'spread of the first linear bin');
  });

  it('a warm-up over the first 1 % of training (yolo: 5547 of 554 700 steps) gets the log step axis in coefficients and metrics, its u from 0.8 at step 1 on screen', () => {
    const yolo = scheduleOf('name: yolo\nsteps: 554700\nmomentum: { preset: nesterov, momentum: { scheduler: interp, xp: [0, 5547], fp: [0.8, 0.937] } }\n');
    const bins = trainingBins(yolo, 400);
    expect(bins.spacing).toBe('log');
    const coefficients = coefficientRecords(yolo, { mapBins: 400 }, bins);
    expect(coefficients.stepSpacing).toBe('log');
    // u₁ of the first bin: step 1's momentum, np.interp(0, [0, 5547], [0.8, 0.937]) = 0.8
    expect(coefficients.series.find((s) => s.name === 'u₁')!.mean[0]).toBeCloseTo(0.8, 3);
    expect(metricsRecords(yolo, { mapBins: 400 }, bins).stepSpacing).toBe('log');
  });

  it('a schedule that changes throughout keeps equal step intervals; one with few stages is never merged', () => {
    const ramp = scheduleOf('name: ramp\nsteps: 20000\nstages: 20000\nmomentum: { u: "0.5 + 0.4 * t / T", v: "1 - u" }\n');
    expect(trainingBins(ramp, 400).spacing).toBe('linear');
    const few = trainingBins(THREE, 400);
    expect(few).toMatchObject({ spacing: 'linear', aggregated: false, count: 3 });
  });

  it('stepBins log spacing: bins tile the steps in order without gaps, widths growing with the step', () => {
    const bins = stepBins(ADAM.stages, 100, 'log');
    expect(bins.t0[0]).toBe(0);
    for (let b = 1; b < bins.count; b++) {
      expect(bins.t0[b]).toBe(bins.t1[b - 1]);
      expect(bins.t1[b] - bins.t0[b]).toBeGreaterThanOrEqual(bins.t1[b - 1] - bins.t0[b - 1] - 1);
    }
    expect(bins.t1[bins.count - 1]).toBe(20000);
  });
});

describe('coefficientRecords', () => {
  it('first order: u and v of each stage, the recursion mₜ = u·mₜ₋₁ + v·gₜ', () => {
    const records = coefficientRecords(THREE, options);
    expect(records.recursion).toMatch(/^mₜ = u·mₜ₋₁ \+ v·gₜ/);
    expect(records.series.map((s) => s.name)).toEqual(['u', 'v']);
    [U, V].forEach((values, c) => {
      const s = records.series[c];
      values.forEach((x, k) => {
        expectNear(s.mean[k], x, 1e-15, `${s.name} of stage ${k}`);
        expect([s.min[k], s.max[k]]).toEqual([x, x]);
      });
    });
    expect([...records.t0]).toEqual(SPANS.map(([t0]) => t0));
    expect([...records.t1]).toEqual(SPANS.map(([, t1]) => t1));
  });

  it('merged stages: each bin\'s step-weighted mean, min and max of u_t = t/(t + 1000)', () => {
    const records = coefficientRecords(PER_STEP, { ...options, mapBins: 7 });
    const u = records.series[0];
    expect(records.aggregated).toBe(true);
    records.t0.forEach((t0, b) => {
      const steps = Array.from({ length: records.t1[b] - t0 }, (_, i) => t0 + 1 + i);
      expectNear(u.mean[b], steps.reduce((s, t) => s + uOfStep(t), 0) / steps.length, 1e-13, `bin ${b}`);
      expect([u.min[b], u.max[b]]).toEqual([uOfStep(steps[0]), uOfStep(steps[steps.length - 1])]);
    });
  });

  it('a filter bank names its branches\' coefficients and the bank\'s recursion (AggMo: u_i = β_i, v_i = 1, c_i = 1/K)', () => {
    const aggmo = scheduleOf('name: aggmo\nsteps: 1000\nmomentum: { preset: aggmo, betas: [0, 0.9, 0.99] }\n');
    const records = coefficientRecords(aggmo, options);
    expect(records.recursion).toMatch(/^dₜ = c₀·gₜ \+ Σ cᵢ·mᵢ,ₜ/);
    expect(records.series.map((s) => s.name)).toEqual(['u₁', 'v₁', 'c₁', 'u₂', 'v₂', 'c₂', 'u₃', 'v₃', 'c₃']);
    expect(records.series.filter((s) => s.name.startsWith('u')).map((s) => s.mean[0])).toEqual([0, 0.9, 0.99]);
    for (const s of records.series.filter((x) => x.name.startsWith('c'))) expectNear(s.mean[0], 1 / 3, 1e-15, s.name);
  });
});
