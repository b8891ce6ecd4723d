import { describe, expect, it } from 'vitest';
import { reducedAngle } from '../../src/filter/exact-angle.js';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { exactWalker } from '../../src/filter/stage-filter.js';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { linearGrid, logGrid } from '../../src/filter/grid.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { bruteForceResponse, relativeError } from './exact-brute-force.js';

function schedule(yaml: string): Schedule {
  const r = parseSchedules(yaml);
  expect(r.issues, JSON.stringify(r.issues)).toEqual([]);
  return r.schedules[0];
}

const OMEGA = Float64Array.from([0, 1e-6, 1e-3, 0.01, 0.1, 0.5, 1, 2, 3, Math.PI]);

describe('exact response against a brute-force simulation of the optimizer with g_s = e^{jωs}', () => {
  const cases: [string, string, number[]][] = [
    ['fsgdm (first-step copy, 21 stages)', 'steps: 2000\nstages: 20\nmomentum: { preset: fsgdm }', [1, 2, 99, 100, 101, 1000, 1999, 2000]],
    ['custom rising u, no copy', 'steps: 3000\nstages: 3\nmomentum: { u: "0.5 + 0.2 * k", v: "1 - u" }', [1, 5, 999, 1000, 1001, 2500, 3000]],
    ['negative u (high-pass) with long stages', 'steps: 4000\nstages: 2\nmomentum: { u: [-0.9, 0.3], v: 1 }', [1, 3, 7, 2000, 2001, 4000]],
    ['per-step schedule (every step its own stage)', 'steps: 500\nstageLength: 1\nmomentum: { u: "0.9 * t / (t + 10)", v: 1, firstStepCopy: true }', [1, 2, 3, 250, 500]],
    ['u = 0 (all-pass) then u = 0.99', 'steps: 1000\nstages: 2\nmomentum: { u: [0, 0.99], v: [2, 0.01] }', [1, 500, 501, 502, 1000]],
  ];
  it.each(cases)('%s: H(t, ω) within 1e-10 relative at every listed step and frequency', (_name, yaml, steps) => {
    const s = schedule(yaml);
    const got = exactResponseAt(s, OMEGA, steps);
    const want = bruteForceResponse(s, OMEGA, steps);
    steps.forEach((t, j) => {
      for (let f = 0; f < OMEGA.length; f++) {
        const g = { re: got[j].magnitude[f] * Math.cos(got[j].phase[f]), im: got[j].magnitude[f] * Math.sin(got[j].phase[f]) };
        const err = relativeError(g, want[j][f]);
        expect(err, `t=${t} ω=${OMEGA[f]} got=${JSON.stringify(g)} want=${JSON.stringify(want[j][f])}`).toBeLessThanOrEqual(1e-10);
      }
    });
  });

  it('group delay of H(t, ω) matches −dφ/dω of the brute force by central differences (1e-6 relative)', () => {
    const s = schedule('steps: 3000\nstages: 3\nmomentum: { u: [0.5, 0.9, -0.6], v: 1 }');
    const omega = Float64Array.from([0.05, 0.3, 1, 2.5]);
    const h = 1e-6;
    for (const t of [10, 1500, 2003]) {
      const [got] = exactResponseAt(s, omega, [t]);
      for (let f = 0; f < omega.length; f++) {
        const [up] = bruteForceResponse(s, Float64Array.of(omega[f] + h), [t]);
        const [down] = bruteForceResponse(s, Float64Array.of(omega[f] - h), [t]);
        const dphi = Math.atan2(up[0].im * down[0].re - up[0].re * down[0].im, up[0].re * down[0].re + up[0].im * down[0].im);
        const want = -dphi / (2 * h);
        expect(Math.abs(got.groupDelay[f] - want), `t=${t} ω=${omega[f]} got=${got.groupDelay[f]} want=${want}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
      }
    }
  });
});

describe('exact response → frozen response as the stage lengthens', () => {
  it('one stage of u = 0.9: |H(L) − H_∞| = 0.9^L·|H(0) − H_∞|, so 1e-12 relative after 400 steps, and equal to frozen after 10⁹', () => {
    const omega = linearGrid(65);
    const frozen = frozenResponse(0.9, 0.1, omega);
    for (const [L, tol] of [[400, 1e-12], [1e9, 1e-14]] as const) {
      const s = schedule(`steps: ${L}\nmomentum: { u: 0.9, v: 0.1 }`);
      const [exact] = exactResponseAt(s, omega, [L]);
      for (let f = 0; f < omega.length; f++) {
        expect(Math.abs(exact.magnitude[f] - frozen.magnitude[f]), `L=${L} ω=${omega[f]}`).toBeLessThanOrEqual(tol * frozen.magnitude[f]);
        expect(Math.abs(exact.groupDelay[f] - frozen.groupDelay[f]), `L=${L} ω=${omega[f]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(frozen.groupDelay[f])));
      }
    }
  });

  it('the deviation from frozen shrinks monotonically with stage length (u = 0.999, log grid)', () => {
    const omega = logGrid(40, 1e-5);
    const s = schedule('steps: 100000\nmomentum: { u: 0.999, v: 0.001 }');
    const frozen = frozenResponse(0.999, 0.001, omega);
    let previous = Infinity;
    for (const L of [10, 100, 1000, 10000, 100000]) {
      const [exact] = exactResponseAt(s, omega, [L]);
      const worst = Math.max(...Array.from(omega, (_w, f) => Math.abs(exact.magnitude[f] / frozen.magnitude[f] - 1)));
      expect(worst, `L=${L}`).toBeLessThan(previous);
      previous = worst;
    }
    expect(previous).toBeLessThanOrEqual(1e-15); // 0.999^100000 ≈ e^−100: only rounding is left
  });
});

describe('reducedAngle: L·ω mod 2π with L up to 10⁹', () => {
  it('agrees with exact rational arithmetic (BigInt) for ω = k/2^m and L = 10⁹ + 7', () => {
    // ω = n·2^−e is exact in binary, so L·ω = L·n·2^−e exactly; compare with a 2π to 40 digits.
    const TWO_PI_E40 = 62831853071795864769252867665590057683943n; // 2π · 10^40
    for (const [n, e] of [[3, 2], [12345, 14], [7, 3], [1, 30]] as const) {
      const L = 1_000_000_007;
      const omega = n / 2 ** e;
      const num = BigInt(L) * BigInt(n) * 10n ** 40n; // L·ω·2^e·10^40
      const scaled = num / 2n ** BigInt(e); // L·ω·10^40 (floor)
      let r = scaled % TWO_PI_E40;
      if (r * 2n > TWO_PI_E40) r -= TWO_PI_E40;
      const want = Number(r) / 1e40;
      const got = reducedAngle(L, omega);
      const diff = Math.abs(Math.atan2(Math.sin(got - want), Math.cos(got - want)));
      expect(diff, `n=${n} e=${e} got=${got} want=${want}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it('naive L·ω would be off by more than 1e-8 rad there', () => {
    const L = 1_000_000_007;
    const omega = 0.1;
    const naive = (L * omega) % (2 * Math.PI);
    const good = reducedAngle(L, omega);
    const d = Math.abs(Math.atan2(Math.sin(naive - good), Math.cos(naive - good)));
    expect(d).toBeGreaterThan(1e-9);
  });
});

describe('ExactResponseWalker', () => {
  it('jumps over consecutive stages with equal (u, v) in one step: a 10⁶-stage per-step schedule is cheap', () => {
    const s = schedule('steps: 1000000\nstageLength: 1\nmomentum: { u: 0.9, v: 0.1 }');
    const w = exactWalker(s, linearGrid(512));
    w.advanceTo(1_000_000);
    expect(w.step).toBe(1_000_000);
    expect(w.stage).toBe(999_999);
    const r = w.response();
    expect(r.magnitude[0]).toBeCloseTo(1, 12);
  });

  it('u = 1 at ω = 0 (a pole at z = 1) is summed in closed form: H(T, 0) = v·T and τ(0) = (T − 1)/2, also for T = 10¹²', () => {
    // The filter is a running sum of T equal taps: gain T, group delay (T − 1)/2 (the centre of the taps).
    for (const T of [1000, 1e12]) {
      const s = parseSchedules(`steps: ${T}\nmomentum: { u: 1, v: 1 }\n`, { allowUnstable: true }).schedules[0];
      const [r] = exactResponseAt(s, Float64Array.of(0), [T]);
      expect(r.magnitude[0]).toBe(T);
      const tau = (T - 1) / 2;
      expect(Math.abs(r.groupDelay[0] - tau), `got ${r.groupDelay[0]}`).toBeLessThanOrEqual(4 * Number.EPSILON * tau);
    }
  });

  it('u = 1 at ω = 0 after another stage matches the brute-force recursion (1e-12 relative)', () => {
    const s = parseSchedules('steps: 2000\nstages: 2\nmomentum: { u: [0.5, 1], v: [1, 0.25] }\n', { allowUnstable: true }).schedules[0];
    const steps = [1000, 1001, 1500, 2000];
    const got = exactResponseAt(s, Float64Array.of(0), steps);
    const want = bruteForceResponse(s, Float64Array.of(0), steps);
    steps.forEach((t, j) => {
      const g = { re: got[j].magnitude[0] * Math.cos(got[j].phase[0]), im: got[j].magnitude[0] * Math.sin(got[j].phase[0]) };
      expect(relativeError(g, want[j][0]), `t=${t}`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('refuses to go backwards', () => {
    const s = schedule('steps: 10\nmomentum: { u: 0.5 }');
    const w = exactWalker(s, linearGrid(3));
    w.advanceTo(5);
    expect(() => w.advanceTo(4)).toThrow(RangeError);
  });
});
