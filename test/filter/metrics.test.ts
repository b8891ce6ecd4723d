import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { stageMetrics } from '../../src/filter/metrics.js';
import type { StageMetrics } from '../../src/types.js';
import { fixture, within } from '../support/fixtures.js';

type MetricsCase = StageMetrics & { u: number; v: number; kind: string; illConditioned: string[] };
const cases = fixture<MetricsCase[]>('stage-metrics.json');

const RELATIVE: (keyof StageMetrics)[] = ['dcGain', 'nyquistGain', 'peakGain', 'noiseGain', 'groupDelayDc', 'timeConstant'];

describe('stageMetrics against mpmath references (bisection, quad, diff: test/fixtures/stage-metrics.json)', () => {
  it.each(cases.map((c) => [c.u, c.v, c.kind, c] as const))('u=%s v=%s (%s)', (u, v, _kind, c) => {
    const got = stageMetrics(u, v);
    expect(got.filterType).toBe(c.filterType);
    expect(got.amplifies).toBe(c.amplifies);
    expect(got.peakFrequency).toBe(c.peakFrequency);
    for (const key of RELATIVE) {
      const want = c[key] as number;
      const r = within(got[key] as number, want, 1e-13 * Math.abs(want));
      expect(r.ok, `${key} u=${u} v=${v} ${r.msg}`).toBe(true);
    }
    for (const key of ['dcGainDb', 'nyquistGainDb'] as const) {
      const r = within(got[key], c[key], 1e-12);
      expect(r.ok, `${key} u=${u} v=${v} ${r.msg}`).toBe(true);
    }
    for (const key of ['cutoffFrequency', 'unityGainFrequency'] as const) {
      if (c.illConditioned.includes(key)) continue; // no float64 formula can resolve it (see fixture README)
      const r = within(got[key], c[key], 1e-12);
      expect(r.ok, `${key} u=${u} v=${v} ${r.msg}`).toBe(true);
    }
  });

  it('reproduces the paper.md checks: cutoff 0.105458 (u = 0.9), 0.722734 (u = 0.5), time constant 9.4912', () => {
    expect(stageMetrics(0.9, 1).cutoffFrequency).toBeCloseTo(0.105458, 6);
    expect(stageMetrics(0.5, 1).cutoffFrequency).toBeCloseTo(0.722734, 6);
    expect(stageMetrics(0.9, 1).timeConstant).toBeCloseTo(9.4912, 4);
    expect(stageMetrics(0.9, 1).unityGainFrequency).toBeCloseTo(Math.acos(0.45), 12);
  });
});

describe('stageMetrics identities', () => {
  const u = fc.double({ min: -0.99, max: 0.99, noNaN: true }).filter((x) => Math.abs(x) > 1e-3);
  const v = fc.double({ min: 0.05, max: 3, noNaN: true });

  it('Parseval: noiseGain = Σ h[n]² of the impulse response v·uⁿ (brute-force sum)', () => {
    fc.assert(
      fc.property(u, v, (u, v) => {
        let sum = 0;
        let h = v;
        for (let n = 0; n < 20000 && Math.abs(h) > 1e-300; n++) {
          sum += h * h;
          h *= u;
        }
        const got = stageMetrics(u, v).noiseGain;
        return Math.abs(got - sum) <= 1e-11 * sum;
      }),
    );
  });

  it('the gains are the response at the grid ends, and |H| at the cutoff is peak/√2, at unity gain 1', () => {
    fc.assert(
      fc.property(u, v, (u, v) => {
        const m = stageMetrics(u, v);
        const ends = frozenResponse(u, v, Float64Array.of(0, Math.PI)).magnitude;
        let ok = Math.abs(ends[0] - m.dcGain) <= 1e-12 * m.dcGain && Math.abs(ends[1] - m.nyquistGain) <= 1e-12 * m.nyquistGain;
        if (m.cutoffFrequency !== null) {
          const at = frozenResponse(u, v, Float64Array.of(m.cutoffFrequency)).magnitude[0];
          ok &&= Math.abs(at - m.peakGain / Math.SQRT2) <= 1e-9 * m.peakGain;
        }
        if (m.unityGainFrequency !== null) {
          const at = frozenResponse(u, v, Float64Array.of(m.unityGainFrequency)).magnitude[0];
          ok &&= Math.abs(at - 1) <= 1e-9;
        }
        return ok;
      }),
    );
  });

  it('Standard-SGDM (v = 1) crosses unity at ω = arccos(u/2)', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (u) => Math.abs(stageMetrics(u, 1).unityGainFrequency! - Math.acos(u / 2)) < 1e-12));
  });

  it('the impulse response decays by 1/e after timeConstant steps', () => {
    fc.assert(fc.property(u, (u) => Math.abs(Math.abs(u) ** stageMetrics(u, 1).timeConstant - Math.exp(-1)) < 1e-12));
  });

  it('u = 0 is an all-pass with no cutoff, no unity crossing and zero delay', () => {
    expect(stageMetrics(0, 1)).toMatchObject({ filterType: 'all-pass', cutoffFrequency: null, unityGainFrequency: null, groupDelayDc: 0, timeConstant: 0, amplifies: false });
  });
});
