import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.js';
import { bankMetrics } from '../../src/filter/bank-metrics.js';
import { frozenMagnitude, frozenResponse } from '../../src/filter/frozen-response.js';
import { compareGains, decibels, GAIN_RTOL } from '../../src/filter/gain-tolerance.js';
import { linearGrid } from '../../src/filter/grid.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import { rationalMetrics } from '../../src/filter/rational-metrics.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stageMagnitude } from '../../src/filter/stage-filter.js';
import type { BankTable, StageMetrics } from '../../src/types.js';
import { within } from '../support/fixtures.js';

const metricsOf = (yaml: string): StageMetrics => analyze(`steps: 10\n${yaml}`, { response: false }).schedules[0].stages[0].metrics;

describe('one tolerance for decisions on gains (GAIN_RTOL, 8 ulp)', () => {
  it('gains within 8 ulp of the larger are the same; 1e-14 apart they are not', () => {
    expect(GAIN_RTOL).toBe(8 * 2 ** -52);
    expect(compareGains(1 + 2 ** -52, 1)).toBe(0);
    expect(compareGains(1 - 2 ** -53, 1)).toBe(0);
    expect(compareGains(1e-300 * (1 + 4 * 2 ** -52), 1e-300)).toBe(0);
    expect(compareGains(1 + 1e-14, 1)).toBe(1);
    expect(compareGains(1, 1 + 1e-14)).toBe(-1);
    expect(compareGains(Infinity, 1)).toBe(1);
    expect(decibels(0.9999999999999999)).toBe(0);
    expect(decibels(1.0000000000000002)).toBe(0);
    expect(decibels(10)).toBe(20);
  });
});

describe('flat and all-pass filters', () => {
  it.each([
    ['qhm with ν = 0', 'momentum: { preset: qhm, nu: 0, beta: 0.999 }'],
    ['pytorch-sgd with momentum 0 (plain SGD; torch refuses nesterov with momentum 0)', 'momentum: { preset: pytorch-sgd, momentum: 0 }'],
    ['lion with β₁ = 0', 'momentum: { preset: lion, beta1: 0, beta2: 0.99 }'],
    ['rational b = a = [1]', 'momentum: { preset: rational, b: [1], a: [1] }'],
    ['a pure delay, rational b = [0, 1]', 'momentum: { preset: rational, b: [0, 1], a: [1] }'],
    ['first-order u = 1e-17 (gains equal to rounding)', 'momentum: { u: 1e-17, v: 1 }'],
  ])('%s: all-pass, peak at ω = 0 equal to the DC gain, no cutoff, no unity crossing, 0 dB', (_name, yaml) => {
    const m = metricsOf(yaml);
    expect(m).toMatchObject({ filterType: 'all-pass', peakFrequency: 0, peakGain: m.dcGain, cutoffFrequency: null, unityGainFrequency: null, amplifies: false, dcGainDb: 0, nyquistGainDb: 0 });
  });

  it('qhm with a tiny ν = 1e-14 is low-pass: its Nyquist gain 1 − 2νβ/(1 + β) is 1e-14 below the DC gain', () => {
    const m = metricsOf('momentum: { preset: qhm, nu: 1e-14, beta: 0.999 }');
    expect(m.filterType).toBe('low-pass');
    expect(m.nyquistGain).toBeLessThan(m.dcGain);
  });

  it('Lion’s DC gain (1 − β₁/β₂) + β₁/β₂ rounds to 1 − 1.1e-16, which is 0 dB', () => {
    const m = metricsOf('momentum: { preset: lion }');
    expect(m.dcGain).toBe(0.9999999999999999);
    expect(m.dcGainDb).toBe(0);
    expect(analyze('steps: 10\nmomentum: { preset: lion }', { frequencies: linearGrid(3) }).schedules[0].stages[0].response!.magnitudeDb[0]).toBe(0);
  });

  it('rational b = [0.1], a = [1, −0.9] (DC gain 1 + 2.8e-16) has the metrics of ema-sgdm with β = 0.9', () => {
    const viaRational = metricsOf('momentum: { preset: rational, b: [0.1], a: [1, -0.9] }');
    const ema = metricsOf('momentum: { preset: ema-sgdm, beta: 0.9 }');
    expect(viaRational).toMatchObject({ unityGainFrequency: null, amplifies: false, dcGainDb: 0, filterType: 'low-pass', peakFrequency: 0 });
    expect(ema).toMatchObject({ unityGainFrequency: null, amplifies: false, dcGainDb: 0, filterType: 'low-pass', peakFrequency: 0 });
    expect(viaRational.cutoffFrequency!).toBeCloseTo(ema.cutoffFrequency!, 12);
  });

  it('a gain of 1e-300 keeps its peak (the DC gain), its cutoff and its group delay', () => {
    for (const yaml of ['momentum: { preset: rational, b: [1e-300], a: [1, -0.9] }', 'momentum: { preset: qhm, nu: 1, beta: 0.9 }']) {
      const m = metricsOf(yaml);
      const want = stageMetrics(0.9, yaml.includes('qhm') ? 0.09999999999999998 : 1e-300);
      expect(m.peakGain / want.peakGain, yaml).toBeCloseTo(1, 14);
      expect(m.cutoffFrequency!, yaml).toBeCloseTo(want.cutoffFrequency!, 12);
      expect(m.groupDelayDc, yaml).toBeCloseTo(9, 12);
    }
  });
});

describe('gains are not squared where the square under- or overflows', () => {
  it('|H| of v = 1e-300 (and 1e200) is |v|/(1 − u) at DC, not √(v²/D) = 0 (∞), in sweeps and spectra too', () => {
    expect(frozenMagnitude(0.9, 1e-300, 0) / (1e-300 / (1 - 0.9))).toBeCloseTo(1, 14);
    expect(frozenMagnitude(-0.5, -1e200, Math.PI) / (1e200 / 0.5)).toBeCloseTo(1, 14);
    const schedule = parseSchedules('steps: 10\nmomentum: { u: 0.9, v: 1e-300 }').schedules[0];
    expect(stageMagnitude(schedule, 0, Float64Array.of(0))[0] / (1e-300 / (1 - 0.9))).toBeCloseTo(1, 14);
  });

  it('the noise gain v²/(1 − u²) of v = 1e-162, u = 1 − 2⁻⁵² is 2.25e-309, not 0 (v² underflows to 0)', () => {
    const u = 1 - 2 ** -52;
    const want = (1e-162 / (1 - u)) * (1e-162 / (1 + u)); // both factors are ordinary numbers
    expect(want).toBeGreaterThan(2e-309);
    expect(stageMetrics(u, 1e-162).noiseGain / want).toBeCloseTo(1, 3); // a subnormal result keeps ~13 bits
  });
});

describe('filter banks and rational stages equal to a first-order filter give its closed-form metrics', () => {
  const representations = (u: number, v: number): [string, StageMetrics][] => {
    const one: BankTable = { branches: 1, c0: Float64Array.of(0), c: Float64Array.of(1), u: Float64Array.of(u), v: Float64Array.of(v) };
    const split: BankTable = { branches: 2, c0: Float64Array.of(0), c: Float64Array.of(0.5, 0.5), u: Float64Array.of(u, u), v: Float64Array.of(v, v) };
    return [
      ['one-branch bank', bankMetrics(one, 0)],
      ['bank of two half branches', bankMetrics(split, 0)],
      ['rational b = [v], a = [1, −u]', rationalMetrics({ nb: 1, na: 2, b: Float64Array.of(v), a: Float64Array.of(1, -u) }, 0)],
    ];
  };
  /** |H| of the first-order filter at ω, squared, over level: 1 where a numerically found crossing is exact. */
  const gainRatio = (u: number, v: number, omega: number, level: number) => frozenResponse(u, v, Float64Array.of(omega)).magnitude[0] / level;

  const u = fc.oneof(fc.double({ min: -0.999, max: 0.999, noNaN: true }), fc.double({ min: -1e-14, max: 1e-14, noNaN: true }), fc.constantFrom(0, 0.9, -0.9, 0.5));
  const coefficients = fc.tuple(u, fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constant(Number.NaN))).map(([u, v]) => {
    // v: free, or 1 (standard), or 1 − |u| (orthodox: a gain of exactly 1 at one end)
    const w = Number.isNaN(v) ? 1 - Math.abs(u) : v;
    return [u, Math.abs(w) < 1e-300 ? 1 : w] as const; // subnormal v: a half branch would round to 0
  });

  it('same filterType, amplifies, peak, null-ness of cutoff and unity; values to rounding (crossings: |H| at them)', () => {
    fc.assert(
      fc.property(coefficients, ([u, v]) => {
        const want = stageMetrics(u, v);
        for (const [name, got] of representations(u, v)) {
          const label = `${name} u=${u} v=${v}`;
          expect([got.filterType, got.amplifies, got.peakFrequency], label).toEqual([want.filterType, want.amplifies, want.peakFrequency]);
          for (const key of ['dcGain', 'nyquistGain', 'peakGain', 'noiseGain'] as const) {
            // a subnormal noise gain (v ~ 1e-160) keeps only the digits above 2⁻¹⁰⁷⁴: 1e-9 of the smallest normal
            const r = within(got[key], want[key], 1e-13 * want[key] + 1e-9 * 2 ** -1022);
            expect(r.ok, `${label} ${key} ${r.msg}`).toBe(true);
          }
          expect(Math.abs(got.groupDelayDc - want.groupDelayDc), `${label} groupDelayDc`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want.groupDelayDc)));
          expect([got.dcGainDb === 0, got.nyquistGainDb === 0], label).toEqual([want.dcGainDb === 0, want.nyquistGainDb === 0]);
          expect([got.cutoffFrequency === null, got.unityGainFrequency === null], label).toEqual([want.cutoffFrequency === null, want.unityGainFrequency === null]);
          if (got.cutoffFrequency !== null) {
            const ok = Math.abs(got.cutoffFrequency - want.cutoffFrequency!) <= 1e-10 || Math.abs(gainRatio(u, v, got.cutoffFrequency, want.peakGain / Math.SQRT2) - 1) <= 1e-13;
            expect(ok, `${label} cutoff ${got.cutoffFrequency} vs ${want.cutoffFrequency}`).toBe(true);
          }
          if (got.unityGainFrequency !== null) {
            const ok = Math.abs(got.unityGainFrequency - want.unityGainFrequency!) <= 1e-10 || Math.abs(gainRatio(u, v, got.unityGainFrequency, 1) - 1) <= 1e-13;
            expect(ok, `${label} unity ${got.unityGainFrequency} vs ${want.unityGainFrequency}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
