import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.js';
import { bankMetrics } from '../../src/filter/bank-metrics.js';
import { filterTypeOf } from '../../src/filter/gain-tolerance.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import { rationalMetrics } from '../../src/filter/rational-metrics.js';
import type { BankTable, RationalTable, StageMetrics } from '../../src/types.js';
import { fixture, within } from '../support/fixtures.js';

const metricsOf = (yaml: string): StageMetrics => analyze(`steps: 10\n${yaml}`, { response: false }).schedules[0].stages[0].metrics;

describe('filterType is the shape of |H| on [0, π], not a comparison of its end gains', () => {
  it('a notch b = [1, 0, 1] (|H| = 2|cos ω|: 2 at both ends, 0 at π/2) is band-stop, not all-pass; no single cutoff', () => {
    const m = metricsOf('momentum: { preset: rational, b: [1, 0, 1], a: [1] }');
    expect(m).toMatchObject({ filterType: 'band-stop', dcGain: 2, nyquistGain: 2, peakGain: 2, peakFrequency: 0, cutoffFrequency: null });
  });

  it('b = [1, 0, −1] (|H| = 2|sin ω|: 0 at both ends, 2 at π/2) is band-pass, peaking at π/2', () => {
    const m = metricsOf('momentum: { preset: rational, b: [1, 0, -1], a: [1] }');
    expect(m).toMatchObject({ filterType: 'band-pass', dcGain: 0, nyquistGain: 0, cutoffFrequency: null });
    expect(Math.abs(m.peakGain - 2)).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(Math.abs(m.peakFrequency - Math.PI / 2)).toBeLessThanOrEqual(1e-7); // |H| is flat at its peak: ω to ~√ε
  });

  it('a true all-pass (−0.5 + z⁻¹)/(1 − 0.5z⁻¹), |H| = 1 everywhere, stays all-pass', () => {
    expect(metricsOf('momentum: { preset: rational, b: [-0.5, 1], a: [1, -0.5] }').filterType).toBe('all-pass');
  });

  it('aggmo with β = ±0.5 (|H| = 1/|1 − 0.25·e^{−2jω}|: 4/3 at both ends, 0.8 at π/2, 3.5 dB below half power) is band-stop', () => {
    const m = metricsOf('momentum: { preset: aggmo, betas: [0.5, -0.5] }');
    expect(m.filterType).toBe('band-stop');
    expect(m.dcGain).toBeCloseTo(4 / 3, 15);
    expect(m.nyquistGain).toBeCloseTo(4 / 3, 15);
  });

  it('a bank with zeros at DC and Nyquist, 1 − 0.375/(1 − 0.5z⁻¹) − 0.375/(1 + 0.5z⁻¹) = 0.25(1 − z⁻²)/(1 − 0.25z⁻²), is band-pass', () => {
    const bank: BankTable = { branches: 2, c0: Float64Array.of(1), c: Float64Array.of(-0.375, -0.375), u: Float64Array.of(0.5, -0.5), v: Float64Array.of(1, 1) };
    const m = bankMetrics(bank, 0);
    expect(m.filterType).toBe('band-pass');
    // peak of 0.25·2|sin ω|/|1 − 0.25e^{−2jω}| at π/2: 0.5/1.25 = 0.4
    expect(m.peakGain).toBeCloseTo(0.4, 14);
    expect(m.peakFrequency).toBeCloseTo(Math.PI / 2, 7);
  });

  it('a 3-tap moving average (|H| = |1 + 2cos ω|/3: 1 at DC, 0 at 2π/3, 1/3 at π) is low-pass, with its −3 dB point at cos ω = (3/√2 − 1)/2', () => {
    const m = metricsOf('momentum: { preset: rational, b: [0.25, 0.25, 0.25], a: [0.75] }');
    expect(m.filterType).toBe('low-pass');
    expect(m.cutoffFrequency!).toBeCloseTo(Math.acos((3 / Math.SQRT2 - 1) / 2), 12);
  });

  it('a low-pass with a notch whose Nyquist gain is below half power, [1, 0, 1]/(1 − 0.5z⁻¹) (4 at DC, 4/3 at π, 0 at π/2), is low-pass', () => {
    expect(metricsOf('momentum: { preset: rational, b: [1, 0, 1], a: [1, -0.5] }').filterType).toBe('low-pass');
  });

  it('equal end gains with a shallow interior dip or bump (|H|² = 1.01 ± 0.2·cos 2ω) are band-stop or band-pass, not all-pass', () => {
    expect(metricsOf('momentum: { preset: rational, b: [1, 0, 0.1], a: [1] }').filterType).toBe('band-stop');
    expect(metricsOf('momentum: { preset: rational, b: [1, 0, -0.1], a: [1] }').filterType).toBe('band-pass');
  });
});

describe('filterTypeOf, the rule', () => {
  it('without interior gains (first-order filters) it is the end-gain comparison: low-pass for u > 0, high-pass for u < 0, all-pass for u = 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 0.999, noNaN: true }), fc.double({ min: 1e-3, max: 3, noNaN: true }), (u, v) => {
        const m = stageMetrics(u, v);
        const want = Math.abs(u) < 1e-15 ? 'all-pass' : u > 0 ? 'low-pass' : 'high-pass';
        expect(m.filterType, `u=${u} v=${v}`).toBe(want);
        expect(filterTypeOf(m.dcGain, m.nyquistGain)).toBe(want);
      }),
    );
  });

  it('compares with GAIN_RTOL of the largest gain: interior extremes within 8 ulp of it do not make a band', () => {
    const one = 1 + 2 ** -52;
    expect(filterTypeOf(1, 1, { peak: one, trough: 1 - 2 ** -52 })).toBe('all-pass');
    expect(filterTypeOf(1, 0.5, { peak: one, trough: 0.5 })).toBe('low-pass');
    expect(filterTypeOf(1, 1, { peak: 1 + 1e-14, trough: 1 })).toBe('band-pass');
    expect(filterTypeOf(0.7, 0.7, { peak: 1, trough: 0.7 })).toBe('band-pass');
    expect(filterTypeOf(1, 0.75, { peak: 1, trough: 0.7 })).toBe('band-stop');
    expect(filterTypeOf(1, 0.75, { peak: 1, trough: 0.71 })).toBe('low-pass');
    expect(filterTypeOf(Infinity, 0.5)).toBe('low-pass');
  });
});

interface FirstOrderCase {
  name: string;
  kind: 'bank' | 'rational';
  c0?: number;
  c?: number;
  u?: number;
  v?: number;
  b?: number[];
  a?: number[];
  filterType: string;
  peakGain: number;
  peakFrequency: number;
  cutoffFrequency: number | null;
  unityGainFrequency: number | null;
}

/** The case's stage metrics as analyze computes them (one-branch bank or first-order rational stage). */
function firstOrderMetrics(c: FirstOrderCase): StageMetrics {
  if (c.kind === 'bank') return bankMetrics({ branches: 1, c0: Float64Array.of(c.c0!), c: Float64Array.of(c.c!), u: Float64Array.of(c.u!), v: Float64Array.of(c.v!) }, 0);
  const a0 = c.a![0];
  const table: RationalTable = { nb: c.b!.length, na: c.a!.length, b: Float64Array.from(c.b!, (x) => x / a0), a: Float64Array.from(c.a!, (x) => x / a0) };
  return rationalMetrics(table, 0);
}

const firstOrderCases = fixture<FirstOrderCase[]>('first-order-shape/first-order-shape.json');

describe('first-order rational stages (nesterov, qhm, lion, nadam, rational with nb, na ≤ 2): shape in closed form, against 50-digit bisection (test/fixtures/first-order-shape)', () => {
  it.each(firstOrderCases.map((c) => [c.name, c] as const))('%s: filter type, peak, cutoff and unity-gain frequency within 2 ulp of the mpmath reference', (_name, c) => {
    const m = firstOrderMetrics(c);
    expect(m.filterType).toBe(c.filterType);
    expect(m.peakFrequency).toBe(c.peakFrequency);
    expect(within(m.peakGain, c.peakGain, 4 * Number.EPSILON * c.peakGain).ok).toBe(true);
    for (const key of ['cutoffFrequency', 'unityGainFrequency'] as const) {
      // 2 ulp: the closed form in double-double is within 1 ulp on every case; the grid search's bisection of
      // binary64 |H|² was off by up to 2651 ulp next to DC (nadam's unity gain at step 2000: DC gain 1.00005).
      const r = within(m[key], c[key], 2 * Number.EPSILON * (c[key] ?? 0));
      expect(r.ok, `${key} ${r.msg}`).toBe(true);
    }
  });
});

describe('banks of several branches and rational stages up to order 8: extremes isolated exactly, no search grid', () => {
  it('a resonance 2·10⁻⁵ rad wide peaking at |H| ≈ 1.01 (poles (1 − 10⁻⁵)·e^{±j}) crosses unity just below ω = 1, as a 10⁻⁹-rad brute-force grid finds', () => {
    const r = 1 - 1e-5;
    const b = [1.7e-5];
    const a = [1, -2 * r * Math.cos(1), r * r];
    const m = metricsOf(`momentum: { preset: rational, b: [${b}], a: [${a}] }`);
    // Brute force: |B/A|² by Horner on 2·10⁶ points of [1 − 10⁻³, 1 + 10⁻³] (spacing 10⁻⁹).
    const gain2 = (w: number) => {
      const ar = a[0] + a[1] * Math.cos(w) + a[2] * Math.cos(2 * w);
      const ai = -(a[1] * Math.sin(w) + a[2] * Math.sin(2 * w));
      return (b[0] * b[0]) / (ar * ar + ai * ai);
    };
    let first: number | null = null;
    let peak = 0;
    let peakAt = 0;
    for (let i = 0; i <= 2_000_000; i++) {
      const w = 1 - 1e-3 + i * 1e-9;
      const g = gain2(w);
      if (first === null && g > 1) first = w;
      if (g > peak) [peak, peakAt] = [g, w];
    }
    expect(first).not.toBeNull();
    expect(m.filterType).toBe('band-pass');
    expect(m.unityGainFrequency, 'the grid search missed this crossing (null)').not.toBeNull();
    expect(Math.abs(m.unityGainFrequency! - first!)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(m.peakGain - Math.sqrt(peak))).toBeLessThanOrEqual(1e-9 * Math.sqrt(peak));
    expect(Math.abs(m.peakFrequency - peakAt)).toBeLessThanOrEqual(2e-9);
  });
});

interface FamilyCase {
  preset: string;
  params: Record<string, unknown>;
  step: number | null;
  cutoffFrequency: number | null;
  unityGainFrequency: number | null;
}

describe('crossings of banks of several branches bisected in sin²(ω/2) on a double-double |H|²', () => {
  const cases = fixture<FamilyCase[]>('family/freqz.json').filter((c) => c.preset === 'aggmo' || c.preset === 'ademamix');
  it.each(cases.map((c) => [c.preset, JSON.stringify(c.params), c.step ?? '-', c] as const))('%s %s at step %s: cutoff and unity-gain frequency within 2 ulp of mpmath (test/fixtures/family/freqz.json)', (preset, _p, _t, c) => {
    const steps = Math.max(1000, c.step ?? 1);
    const yaml = `steps: ${steps}\nmomentum: ${JSON.stringify({ preset, ...c.params })}`;
    const { stages } = analyze(yaml, { response: false, stages: `step:${c.step ?? 1}` }).schedules[0];
    const m = stages[0].metrics;
    for (const key of ['cutoffFrequency', 'unityGainFrequency'] as const) {
      // bisecting a binary64 |H|² left them up to 86 ulp off next to DC (ademamix's slow EMA, β3 = 0.9999)
      const r = within(m[key], c[key], 2 * Number.EPSILON * (c[key] ?? 0));
      expect(r.ok, `${key} ${r.msg}`).toBe(true);
    }
  });
});

interface HigherOrderCase {
  name: string;
  kind: 'bank' | 'rational';
  c0?: number;
  c?: number[];
  u?: number[];
  v?: number[];
  b?: number[];
  a?: number[];
  dcGain: number;
  nyquistGain: number;
  filterType: string;
  peakGain: number;
  peakFrequency: number;
  cutoffFrequency: number | null;
  unityGainFrequency: number | null;
  groupDelayDc: number | null;
}

const higherOrderCases = fixture<HigherOrderCase[]>('higher-order-shape/higher-order-shape.json');

/** |got − want| in units of want's last place (ulp of a double near want: ε·|want|). */
const ulpsOff = (got: number | null, want: number | null) => (got === null || want === null ? (got === want ? 0 : Infinity) : got === want ? 0 : Math.abs(got - want) / (Number.EPSILON * Math.abs(want)));

describe('rational stages of order 2 and above and banks of two or more branches, against 50-digit mpmath (test/fixtures/higher-order-shape)', () => {
  it.each(higherOrderCases.map((c) => [c.name, c] as const))('%s: filter type, end and peak gains, peak, cutoff and unity-gain frequency and group delay at DC within a few ulp', (_name, c) => {
    const m =
      c.kind === 'bank'
        ? bankMetrics({ branches: c.c!.length, c0: Float64Array.of(c.c0!), c: Float64Array.from(c.c!), u: Float64Array.from(c.u!), v: Float64Array.from(c.v!) }, 0)
        : rationalMetrics({ nb: c.b!.length, na: c.a!.length, b: Float64Array.from(c.b!), a: Float64Array.from(c.a!) }, 0);
    expect(m.filterType).toBe(c.filterType);
    // Gains: 3 ulp (a bank's end gains are sums of its branches in binary64: 2.6 ulp on 32 branches; rational
    // stages ≤ 1 ulp). Before, B(1)/A(1) and |H| were summed in binary64: a pole cluster next to DC (butter(6, 0.01),
    // A(1) ~ 10⁻⁹ of its terms) put dcGain and peakGain up to 7·10⁹ ulp off.
    for (const key of ['dcGain', 'nyquistGain', 'peakGain'] as const) expect(ulpsOff(m[key], c[key]), `${key} ${m[key]} vs ${c[key]}`).toBeLessThanOrEqual(3);
    // Frequencies: 2 ulp, for exact isolation (order ≤ 8, ≤ 8 branches) and the search grid beyond alike
    // (crossings polished or bisected on a double-double |H|², peaks by golden section on it). Before: the
    // grid's binary64 golden section left peaks ~10⁻¹⁰ off (order 16: 5·10⁵ ulp), crossings were bisected in
    // binary64 (butter(4, 0.02, high): 2.7·10⁴ ulp), and ripple peaks of cheby1 were picked by rounding.
    for (const key of ['peakFrequency', 'cutoffFrequency', 'unityGainFrequency'] as const) expect(ulpsOff(m[key], c[key]), `${key} ${m[key]} vs ${c[key]}`).toBeLessThanOrEqual(2);
    // Group delay at DC (mpmath.diff of H, where H(0) ≠ 0): 3 ulp (1.9 on a bank of 32 branches). Before, Σ k·a_k/A(1)
    // was summed in binary64: butter(6, 0.01) was 7·10⁷ ulp off, butter(8, 0.1) 10⁵.
    if (c.groupDelayDc !== null) expect(ulpsOff(m.groupDelayDc, c.groupDelayDc), `groupDelayDc ${m.groupDelayDc} vs ${c.groupDelayDc}`).toBeLessThanOrEqual(3);
  });
});
