import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { fixture, within } from '../support/fixtures.js';

interface FrozenCase {
  u: number;
  v: number;
  omega: number[];
  magnitude: number[];
  magnitudeDb: number[];
  phase: number[];
  groupDelay: number[];
}
interface FreqzCase {
  u: number;
  v: number;
  includeNyquist: boolean;
  w: number[];
  hRe: number[];
  hIm: number[];
}

const cases = fixture<FrozenCase[]>('frozen-response.json');

describe('frozenResponse against 50-digit mpmath references (test/fixtures/frozen-response.json)', () => {
  it.each(cases.map((c) => [c.u, c.v, c] as const))('u=%s v=%s: magnitude within 1e-13 relative, dB/phase/group delay within tight absolute bounds', (u, v, c) => {
    const got = frozenResponse(u, v, Float64Array.from(c.omega));
    const delayScale = Math.max(1, ...c.groupDelay.map(Math.abs));
    for (let i = 0; i < c.omega.length; i++) {
      const at = `u=${u} v=${v} ω=${c.omega[i]}`;
      const m = within(got.magnitude[i], c.magnitude[i], 1e-13 * Math.abs(c.magnitude[i]));
      expect(m.ok, `magnitude ${at} ${m.msg}`).toBe(true);
      const d = within(got.magnitudeDb[i], c.magnitudeDb[i], 1e-12);
      expect(d.ok, `magnitudeDb ${at} ${d.msg}`).toBe(true);
      const p = within(got.phase[i], c.phase[i], 1e-13);
      expect(p.ok, `phase ${at} ${p.msg}`).toBe(true);
      const g = within(got.groupDelay[i], c.groupDelay[i], 1e-13 * delayScale);
      expect(g.ok, `groupDelay ${at} ${g.msg}`).toBe(true);
    }
  });

  it('covers the hard corners: u within 1e-9 of ±1 and ω down to 1e-9', () => {
    expect(cases.some((c) => c.u === 1 - 1e-9)).toBe(true);
    expect(cases.some((c) => c.u === -(1 - 1e-9))).toBe(true);
    expect(Math.min(...cases[0].omega.filter((w) => w > 0))).toBeLessThanOrEqual(1e-9);
  });
});

describe('frozenResponse against scipy.signal.freqz (test/fixtures/freqz.json)', () => {
  const freqz = fixture<FreqzCase[]>('freqz.json').filter((c) => c.includeNyquist);
  it.each(freqz.map((c) => [c.u, c.v, c] as const))('u=%s v=%s: linearGrid(512) is scipy\'s worN=512, include_nyquist=True, bit for bit, and |H| agrees to 1e-12', (u, v, c) => {
    const w = linearGrid(c.w.length);
    expect(Array.from(w)).toEqual(c.w);
    const got = frozenResponse(u, v, w);
    for (let i = 0; i < w.length; i++) {
      const want = Math.hypot(c.hRe[i], c.hIm[i]);
      expect(Math.abs(got.magnitude[i] - want), `ω=${w[i]}`).toBeLessThanOrEqual(1e-12 * want);
      const wantPhase = Math.atan2(c.hIm[i], c.hRe[i]);
      expect(Math.abs(got.phase[i] - wantPhase), `phase ω=${w[i]}`).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('frozenResponse identities', () => {
  const u = fc.double({ min: -0.999999, max: 0.999999, noNaN: true });
  const v = fc.double({ min: -4, max: 4, noNaN: true }).filter((x) => Math.abs(x) > 1e-6);
  const w = fc.double({ min: 0, max: Math.PI, noNaN: true });

  /** π − Math.PI: the part of π a double cannot hold. */
  const PI_LO = 1.2246467991473532e-16;
  /**
   * Two angles that add up to π up to one rounding of the smaller: the identity is then a test of
   * the function, not of `Math.PI − ω`, whose rounding (≈ 2e-16 absolute) is a large relative error
   * when the result is tiny, and near a pole at |u| → 1 the gain is that sensitive to it.
   */
  function mirrorPair(w: number): [number, number] {
    if (w >= Math.PI / 2) return [w, Math.PI - w + PI_LO]; // Math.PI − w is exact here (Sterbenz)
    const m = Math.PI - w;
    return [Math.PI - m + PI_LO, m];
  }

  it('mirror: |H_{−u}(ω)| = |H_u(π − ω)|', () => {
    fc.assert(
      fc.property(u, v, w, (u, v, w) => {
        const [w1, w2] = mirrorPair(w);
        const a = frozenResponse(-u, v, Float64Array.of(w1)).magnitude[0];
        const b = frozenResponse(u, v, Float64Array.of(w2)).magnitude[0];
        return Math.abs(a - b) <= 1e-12 * Math.max(a, b);
      }),
      { numRuns: 2000 },
    );
  });

  it('mirror where rounding π − ω once broke the identity (u → −1, ω ≈ 1e-6)', () => {
    // With Math.PI − ω as the mirror angle the two sides differ by 1.3e-10 relative here.
    const [w1, w2] = mirrorPair(1e-6);
    const u = -0.999999;
    const a = frozenResponse(-u, 1, Float64Array.of(w1)).magnitude[0];
    const b = frozenResponse(u, 1, Float64Array.of(w2)).magnitude[0];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-15 * a);
  });

  it('EMA (v = 1 − u) has DC gain exactly 1 and never amplifies for u ∈ [0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), w, (u, w) => {
        const r = frozenResponse(u, 1 - u, Float64Array.of(0, w));
        return Math.abs(r.magnitude[0] - 1) <= 4 * Number.EPSILON && r.magnitude[1] <= 1 + 4 * Number.EPSILON;
      }),
    );
  });

  it('|H| is monotone: decreasing in ω for u > 0, increasing for u < 0', () => {
    fc.assert(
      fc.property(u, (u) => {
        const m = frozenResponse(u, 1, linearGrid(257)).magnitude;
        for (let i = 1; i < m.length; i++) if (u > 0 ? m[i] > m[i - 1] * (1 + 1e-15) : m[i] < m[i - 1] * (1 - 1e-15)) return false;
        return true;
      }),
    );
  });

  it('the steady state of the real recursion m_t = u m_{t−1} + v e^{jωt} equals H (test/fixtures/sgdm-simulation.json)', () => {
    const sims = fixture<{ u: number; v: number; omega: number[]; re: number[]; im: number[] }[]>('sgdm-simulation.json');
    for (const s of sims) {
      const r = frozenResponse(s.u, s.v, Float64Array.from(s.omega));
      for (let i = 0; i < s.omega.length; i++) {
        const want = Math.hypot(s.re[i], s.im[i]);
        expect(Math.abs(r.magnitude[i] - want), `u=${s.u} ω=${s.omega[i]}`).toBeLessThanOrEqual(1e-9 * want);
        expect(Math.abs(r.phase[i] - Math.atan2(s.im[i], s.re[i])), `phase u=${s.u} ω=${s.omega[i]}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it('group delay is −dφ/dω (central difference of the unwrapped phase)', () => {
    for (const u of [-0.9, -0.3, 0.5, 0.95]) {
      const w = Float64Array.from({ length: 50 }, (_, i) => 0.05 + (i * 3) / 50);
      const h = 1e-6;
      const plus = frozenResponse(u, 1, w.map((x) => x + h)).phase;
      const minus = frozenResponse(u, 1, w.map((x) => x - h)).phase;
      const tau = frozenResponse(u, 1, w).groupDelay;
      for (let i = 0; i < w.length; i++) expect(Math.abs(-(plus[i] - minus[i]) / (2 * h) - tau[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(tau[i])));
    }
  });
});
