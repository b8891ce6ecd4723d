import { describe, expect, it } from 'vitest';
import { analyze, stageRecords } from '../../src/analysis/analyze.js';
import { bankOf, filterTables } from '../../src/filter/stage-filter.js';
import { bankMetrics } from '../../src/filter/bank-metrics.js';
import { frozenBankResponse } from '../../src/filter/bank-response.js';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { linearGrid } from '../../src/filter/grid.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import { frozenRationalComplex, frozenRationalResponse, polynomialAt, useFft } from '../../src/filter/rational-response.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stageOfStep } from '../../src/schedule/stages.js';
import type { Schedule } from '../../src/types.js';
import { fixture, within } from '../support/fixtures.js';
import { bruteForceResponse, relativeError } from './exact-brute-force.js';

interface FreqzCase {
  preset: string;
  params: Record<string, unknown>;
  step: number | null;
  omega: number[];
  b: number[];
  a: number[];
  re: number[];
  im: number[];
  freqzRe: number[];
  freqzIm: number[];
  dcGain: number;
  nyquistGain: number;
  noiseGain: number;
  filterType: string;
  cutoffFrequency: number | null;
  unityGainFrequency: number | null;
  peakGain: number;
  peakFrequency: number;
  grid?: 'linear512';
}

interface LfilterCase {
  name: string;
  yaml: string;
  omega: number[];
  steps: number[];
  re: number[][];
  im: number[][];
}

function schedule(yaml: string): Schedule {
  const r = parseSchedules(yaml);
  expect(r.issues, JSON.stringify(r.issues)).toEqual([]);
  return r.schedules[0];
}

function presetYaml(preset: string, params: Record<string, unknown>, steps: number): string {
  return `steps: ${steps}\nmomentum: ${JSON.stringify({ preset, ...params })}`;
}

const freqz = fixture<FreqzCase[]>('family/freqz.json');
const lfilter = fixture<LfilterCase[]>('family/lfilter.json');

describe('frozen response of every family preset against scipy.signal.freqz (test/fixtures/family/freqz.json)', () => {
  it.each(freqz.map((c) => [c.preset, JSON.stringify(c.params), c.step ?? '-', c] as const))('%s %s at step %s: H(e^{jω}) within 1e-13 of mpmath and within freqz rounding of scipy.signal.freqz', (preset, _p, _t, c) => {
    const s = schedule(presetYaml(preset, c.params, Math.max(1000, c.step ?? 1)));
    const k = stageOfStep(s.stages, c.step ?? 1);
    const omega = c.grid === 'linear512' ? linearGrid(512) : Float64Array.from(c.omega);
    if (c.grid === 'linear512') expect(useFft(filterTables(s).rational!, omega), 'the 101-tap FIR on the 512-point grid takes the FFT path').toBe(true);
    const h = filterTables(s).rational ? frozenRationalResponse(filterTables(s).rational!, k, omega) : frozenBankResponse(bankOf(s)!, k, omega);
    for (let i = 0; i < c.omega.length; i++) {
      const got = { re: h.magnitude[i] * Math.cos(h.phase[i]), im: h.magnitude[i] * Math.sin(h.phase[i]) };
      const at = `ω=${c.omega[i]} got=${JSON.stringify(got)}`;
      const want = Math.hypot(c.re[i], c.im[i]);
      const zr = Math.cos(omega[i]);
      const zi = -Math.sin(omega[i]);
      const poly = (p: number[]) => {
        let re = 0;
        let im = 0;
        for (let n = p.length - 1; n >= 0; n--) [re, im] = [re * zr - im * zi + p[n], re * zi + im * zr];
        return Math.hypot(re, im);
      };
      const sumB = c.b.reduce((x, y) => x + Math.abs(y), 0);
      const sumA = c.a.reduce((x, y) => x + Math.abs(y), 0);
      // A rational preset is evaluated from its polynomials: Horner's error bound is ε·(Σ|b_k| + |H|·Σ|a_k|)/|A|
      // (it matters at zeros of H and where a long FIR's terms cancel); banks are evaluated branch by branch.
      const hornerBound = preset === 'rational' ? (16 * Number.EPSILON * (sumB + want * sumA)) / poly(c.a) : 0;
      expect(Math.hypot(got.re - c.re[i], got.im - c.im[i]), `${at} mpmath=${c.re[i]}+${c.im[i]}j`).toBeLessThanOrEqual(1e-13 * want + hornerBound);
      // freqz evaluates b(e^{−jω})/a(e^{−jω}) from expanded polynomials: its rounding is ~ε·Σ|b_k|/|B| + ε·Σ|a_k|/|A|.
      const tol = 64 * Number.EPSILON * (sumB + want * sumA) / poly(c.a) + 64 * Number.EPSILON * want * (sumB / Math.max(poly(c.b), 1e-300));
      expect(Math.hypot(got.re - c.freqzRe[i], got.im - c.freqzIm[i]), `${at} freqz=${c.freqzRe[i]}+${c.freqzIm[i]}j tol=${tol}`).toBeLessThanOrEqual(tol);
    }
  });

  it.each(freqz.map((c) => [c.preset, JSON.stringify(c.params), c.step ?? '-', c] as const))('%s %s at step %s: metrics match scipy (brentq crossings, lfilter noise gain)', (preset, _p, _t, c) => {
    const s = schedule(presetYaml(preset, c.params, Math.max(1000, c.step ?? 1)));
    const k = stageOfStep(s.stages, c.step ?? 1);
    const [record] = [...stageRecords(s, { stages: String(k), response: false })];
    const m = record.metrics;
    const checks: [string, number | null, number | null, number][] = [
      // plus an absolute 1e-15·peak where the gain is a zero of H (band-pass, high-pass, long FIR at π)
      ['dcGain', m.dcGain, c.dcGain, 1e-13 * c.dcGain + 1e-15 * c.peakGain],
      ['nyquistGain', m.nyquistGain, c.nyquistGain, 1e-13 * c.nyquistGain + 1e-15 * c.peakGain],
      ['noiseGain', m.noiseGain, c.noiseGain, 1e-10 * c.noiseGain],
      ['cutoffFrequency', m.cutoffFrequency, c.cutoffFrequency, 1e-12 * (c.cutoffFrequency ?? 0)],
      ['unityGainFrequency', m.unityGainFrequency, c.unityGainFrequency, 1e-12 * (c.unityGainFrequency ?? 0)],
      ['peakGain', m.peakGain, c.peakGain, 1e-12 * c.peakGain],
      ['peakFrequency', m.peakFrequency, c.peakFrequency, 1e-6], // |H| is flat at an interior peak: ω is known to ~√ε
    ];
    for (const [name, got, want, tol] of checks) {
      const r = within(got, want, tol);
      expect(r.ok, `${name} ${r.msg}`).toBe(true);
    }
    expect(m.filterType).toBe(c.filterType);
  });
});

describe('exact response of every family preset against scipy.signal.lfilter (test/fixtures/family/lfilter.json)', () => {
  it.each(lfilter.map((c) => [c.name, c] as const))('%s: H(t, ω) within 1e-10 relative at every listed step (1e-12 of the step\'s largest |H| at zeros, where lfilter\'s own rounding of e^{jωs} shows)', (_name, c) => {
    const s = schedule(c.yaml);
    const got = exactResponseAt(s, Float64Array.from(c.omega), c.steps);
    c.steps.forEach((t, j) => {
      const largest = Math.max(...c.re[j].map((r, f) => Math.hypot(r, c.im[j][f])));
      for (let f = 0; f < c.omega.length; f++) {
        const g = { re: got[j].magnitude[f] * Math.cos(got[j].phase[f]), im: got[j].magnitude[f] * Math.sin(got[j].phase[f]) };
        const want = Math.hypot(c.re[j][f], c.im[j][f]);
        const err = Math.hypot(g.re - c.re[j][f], g.im - c.im[j][f]);
        expect(err, `t=${t} ω=${c.omega[f]} got=${JSON.stringify(g)} want=${c.re[j][f]}+${c.im[j][f]}j`).toBeLessThanOrEqual(1e-10 * want + 1e-12 * largest);
      }
    });
  });

  it.each(['nesterov', 'qhm', 'aggmo', 'ademamix', 'lion'])('%s: the closed form also matches the brute-force recursion of its bank over 2500 steps', (preset) => {
    const s = schedule(presetYaml(preset, preset === 'ademamix' ? { T_alpha_beta3: 700 } : {}, 2500));
    const omega = Float64Array.from([0, 1e-3, 0.2, 2, Math.PI]);
    const steps = [1, 3, 699, 700, 2500];
    const got = exactResponseAt(s, omega, steps);
    const want = bruteForceResponse(s, omega, steps);
    steps.forEach((t, j) => {
      for (let f = 0; f < omega.length; f++) {
        const g = { re: got[j].magnitude[f] * Math.cos(got[j].phase[f]), im: got[j].magnitude[f] * Math.sin(got[j].phase[f]) };
        expect(relativeError(g, want[j][f]), `t=${t} ω=${omega[f]}`).toBeLessThanOrEqual(1e-10);
      }
    });
  });
});

describe('filter banks and first-order momentum agree where they coincide', () => {
  it('bankMetrics of a one-branch bank equals the closed-form stageMetrics (numeric crossings to 1e-12)', () => {
    for (const [u, v] of [[0.9, 1], [0.9, 0.2], [-0.7, 1], [0.5, 0.3], [0.999, 1]]) {
      const bank = { branches: 1, c0: Float64Array.of(0), c: Float64Array.of(1), u: Float64Array.of(u), v: Float64Array.of(v) };
      const got = bankMetrics(bank, 0);
      const want = stageMetrics(u, v);
      for (const key of ['dcGain', 'nyquistGain', 'peakGain', 'peakFrequency', 'cutoffFrequency', 'unityGainFrequency', 'noiseGain', 'groupDelayDc', 'timeConstant'] as const) {
        const r = within(got[key], want[key], 1e-12 * Math.max(1, Math.abs(want[key] ?? 0)));
        expect(r.ok, `u=${u} v=${v} ${key} ${r.msg}`).toBe(true);
      }
      expect(got.filterType).toBe(want.filterType);
    }
  });

  it('adam-m with 10⁶ per-step stages is analysed exactly (last stage, 512 frequencies); its DC gain is 1 at every step', () => {
    const s = schedule('steps: 1000000\nmomentum: { preset: adam-m }');
    expect(s.stages.count).toBe(1_000_000);
    const [last] = [...stageRecords(s, { stages: 'last', mode: 'both' })];
    expect(last.responseExact!.magnitude[0]).toBeCloseTo(1, 13);
    expect(last.transient!.maxDeviationDb!).toBeLessThan(1e-12);
    const [first] = exactResponseAt(s, Float64Array.of(0, Math.PI), [1]);
    expect(first.magnitude[0]).toBeCloseTo(1, 14); // m̂_1 = g_1
    expect(first.magnitude[1]).toBeCloseTo(1, 14);
  });
});

describe('rational filters', () => {
  it('the FFT path and Horner evaluation agree to 1e-13 relative (101-tap FIR and an IIR with 130 coefficients, 512-point grid)', () => {
    const taps = Array.from({ length: 101 }, (_, k) => Math.sin((Math.PI * (k + 1)) / 102) ** 2 / 51);
    const a = [1, ...Array.from({ length: 129 }, (_, k) => (k === 0 ? -0.5 : 0))];
    for (const [b, aa] of [[taps, [1]], [taps.slice(0, 30), a]] as const) {
      const s = schedule(`steps: 10\nmomentum: ${JSON.stringify({ preset: 'rational', b, a: aa })}`);
      const omega = linearGrid(512);
      expect(useFft(filterTables(s).rational!, omega)).toBe(true);
      const fast = frozenRationalComplex(filterTables(s).rational!, 0, omega);
      for (let f = 0; f < omega.length; f++) {
        const [br, bi, dbr, dbi] = polynomialAt(filterTables(s).rational!.b, 0, filterTables(s).rational!.nb, omega[f]);
        const [ar, ai] = polynomialAt(filterTables(s).rational!.a, 0, filterTables(s).rational!.na, omega[f]);
        const d = ar * ar + ai * ai;
        const want = { re: (br * ar + bi * ai) / d, im: (bi * ar - br * ai) / d };
        const mag = Math.hypot(want.re, want.im);
        const sum = (p: readonly number[]) => p.reduce((x, y) => x + Math.abs(y), 0);
        const bound = (16 * Number.EPSILON * (sum(b) + mag * sum(aa))) / Math.sqrt(d); // both paths' rounding
        expect(Math.hypot(fast.re[f] - want.re, fast.im[f] - want.im), `ω=${omega[f]}`).toBeLessThanOrEqual(1e-13 * mag + bound);
        if (aa.length === 1) expect(Math.hypot(fast.dre[f] - dbr, fast.dim[f] - dbi), `dB/dω at ω=${omega[f]}`).toBeLessThanOrEqual(1e-13 * Math.hypot(dbr, dbi) + 16 * Number.EPSILON * 100 * sum(b));
      }
    }
  });

  it('an unstable denominator is refused (Schur–Cohn), naming the stage, unless --allow-unstable', () => {
    const r = parseSchedules('steps: 10\nmomentum: { preset: rational, b: [1], a: [1, -2.5, 1.5] }');
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('a pole is on or outside the unit circle in stage 0')]);
    expect(parseSchedules('steps: 10\nmomentum: { preset: rational, b: [1], a: [1, -2.5, 1.5] }', { allowUnstable: true }).issues).toEqual([]);
  });

  it('per-stage lists must match the stage count', () => {
    const r = parseSchedules('steps: 10\nstages: 2\nmomentum: { preset: rational, b: [[1], [1], [1]], a: [1] }');
    expect(r.issues.map((i) => i.message)).toEqual(['b needs one coefficient list per stage: 2 lists (got 3)']);
  });

  it('settlingSteps of a rational stage equals that of the same first-order filter given as u, v', () => {
    const omega = linearGrid(33);
    const viaRational = analyze('steps: 3000\nstages: 2\nmomentum: { preset: rational, b: [[1], [0.01]], a: [[1, -0.5], [1, -0.99]] }', { frequencies: omega, mode: 'exact', response: false });
    const viaUV = analyze('steps: 3000\nstages: 2\nmomentum: { u: [0.5, 0.99], v: [1, 0.01] }', { frequencies: omega, mode: 'exact', response: false });
    expect(viaRational.schedules[0].stages.map((s) => s.transient!.settlingSteps)).toEqual(viaUV.schedules[0].stages.map((s) => s.transient!.settlingSteps));
    const [x, y] = [viaRational.schedules[0].stages[1].transient!.maxDeviationDb!, viaUV.schedules[0].stages[1].transient!.maxDeviationDb!];
    expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, y));
  });
});
