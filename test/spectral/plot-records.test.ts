import { describe, expect, it } from 'vitest';
import { stageAt } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { spectrogramRecords, stagePsdRecords, timeSeriesRecords } from '../../src/spectral/plot-records.js';
import { testSignal } from '../../src/spectral/signals.js';
import { runMomentum } from '../../src/spectral/simulate.js';
import { spectrogram } from '../../src/spectral/spectrogram.js';

const schedule = parseSchedules(starterYaml('ema-sgdm'), { overrides: [{ path: ['steps'], value: 2000 }, { path: ['stages'], value: 4 }] }).schedules[0];
const g = testSignal({ kind: 'white', seed: 9 }, 2000);
const m = runMomentum(schedule, g);

describe('spectral plot records', () => {
  it('spectrogramRecords: one row per (time, frequency) cell, dB = 10·log10(value), null for 0', () => {
    const result = spectrogram(g, { nperseg: 64 });
    const rows = spectrogramRecords('g', result);
    expect(rows).toHaveLength(result.times.length * result.frequencies.length);
    const k = 5, s = 3, nf = result.frequencies.length;
    expect(rows[s * nf + k]).toEqual({
      series: 'g', time: Number(result.times[s].toPrecision(6)), frequency: Number(result.frequencies[k].toPrecision(6)),
      value: Number(result.values[s * nf + k].toPrecision(6)), valueDb: Number((10 * Math.log10(result.values[s * nf + k])).toPrecision(6)),
    });
    expect(spectrogramRecords('z', spectrogram(new Float64Array(64), { nperseg: 32 }))[0].valueDb).toBeNull();
  });

  it('stagePsdRecords for a filter bank (qhm): theory = |(1 − ν) + ν(1 − β)/(1 − β·e^{−jω})|²·gradient PSD, not branch 0 alone', () => {
    const nu = 0.7, beta = 0.9;
    const qhm = parseSchedules(`steps: 2000\nstages: 2\nmomentum: { preset: qhm, nu: ${nu}, beta: ${beta} }\n`).schedules[0];
    const gq = testSignal({ kind: 'white', seed: 3 }, 2000);
    const rows = stagePsdRecords(qhm, gq, runMomentum(qhm, gq), [1], { nperseg: 128 }).filter((r) => r.curve === 'theory');
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const w = 2 * Math.PI * r.frequency!;
      // H = (1 − ν) + ν(1 − β)/(1 − βe^{−jω}), with 1/(1 − βe^{−jω}) = (1 − β cos ω − jβ sin ω)/(1 − 2β cos ω + β²).
      const d = 1 - 2 * beta * Math.cos(w) + beta * beta;
      const re = 1 - nu + (nu * (1 - beta) * (1 - beta * Math.cos(w))) / d;
      const im = (-nu * (1 - beta) * beta * Math.sin(w)) / d;
      // frequency is rounded to 6 digits in the record, so compare |H|² to 1e-5.
      expect(r.gainSquared! / (re * re + im * im), `f=${r.frequency}`).toBeCloseTo(1, 4);
    }
  });

  it('stagePsdRecords: theory = |H_k|²·gradient PSD, with |H_k|² the closed form v²/(1 − 2u cos ω + u²)', () => {
    const rows = stagePsdRecords(schedule, g, m, [0, 3], { nperseg: 128 });
    expect(new Set(rows.map((r) => r.stage))).toEqual(new Set([0, 3]));
    expect(rows).toHaveLength(2 * 65 * 3);
    for (const r of rows.filter((x) => x.curve === 'theory').slice(0, 65)) {
      const w = 2 * Math.PI * r.frequency!;
      const h2 = 0.01 / (1 - 1.8 * Math.cos(w) + 0.81);
      expect(r.gainSquared!).toBeCloseTo(h2, 5);
      const gradient = rows.find((x) => x.curve === 'gradient' && x.stage === r.stage && x.frequency === r.frequency)!;
      expect(r.psd! / (gradient.psd! * h2)).toBeCloseTo(1, 4);
    }
    // Inside a long stage the measured momentum PSD follows the prediction (within Welch noise, in dB).
    const mid = rows.filter((r) => r.stage === 3 && r.frequency! > 0.05);
    const momentum = mid.filter((r) => r.curve === 'momentum'), theory = mid.filter((r) => r.curve === 'theory');
    const meanDiff = momentum.reduce((s, r, i) => s + Math.abs(r.psdDb! - theory[i].psdDb!), 0) / momentum.length;
    expect(meanDiff).toBeLessThan(0.5);
    expect(stagePsdRecords(schedule, g.subarray(0, 400), m.subarray(0, 400), [0, 2], { nperseg: 64 }).every((r) => r.stage === 0)).toBe(true);
  });

  it('timeSeriesRecords keeps every ⌈n/maxPoints⌉-th step and the last one', () => {
    const rows = timeSeriesRecords([{ name: 'input', values: g }, { name: 'momentum', values: m }], 300);
    const steps = rows.filter((r) => r.series === 'input').map((r) => r.step);
    expect(steps.slice(0, 3)).toEqual([1, 8, 15]);
    expect(steps.at(-1)).toBe(2000);
    expect(rows.find((r) => r.series === 'momentum' && r.step === 8)!.value).toBe(Number(m[7].toPrecision(6)));
    expect(timeSeriesRecords([{ name: 'x', values: g.subarray(0, 5) }], Infinity).map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('stagePsdRecords of a display stage holding one real stage', () => {
  it('names the real stage (firstStage = lastStage = its index), not only the display index', () => {
    const real = stageAt(schedule, 0);
    const display = { ...real, index: 88, display: { firstStage: 0, lastStage: 0, range: {} } };
    const rows = stagePsdRecords(schedule, g, m, [display]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.stage, r.firstStage, r.lastStage]).toEqual([88, 0, 0]);
  });
});
