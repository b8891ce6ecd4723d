import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { linearGrid } from '../../src/filter/grid.js';
import { emptyZeroLimitInput, groupDelayAtZero } from '../../src/filter/zero-limit.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { fixture, within } from '../support/fixtures.js';
import { impulsePolynomial, polynomialGroupDelay } from './exact-brute-force.js';

interface ExactCase {
  name: string;
  yaml: string;
  /** Every stage is FIR (a = [1]): H(t, ·) is the stage's b, truncated to t terms. */
  fir: boolean;
  omega: number[];
  steps: number[];
  /** Per step: where H(t, ·) has an exact zero ("0", "pi/2", "pi"). */
  zeros: string[][];
  groupDelay: number[][];
}

const cases = fixture<ExactCase[]>('singular/exact-group-delay.json');
const ZERO_AT: Record<string, number> = { '0': 0, 'pi/2': Math.PI / 2, pi: Math.PI };

function schedule(yaml: string): Schedule {
  const r = parseSchedules(yaml);
  expect(r.issues, JSON.stringify(r.issues)).toEqual([]);
  return r.schedules[0];
}

describe('group delay of the exact response H(t, ω) at zeros on the grid, against mpmath (test/fixtures/singular/exact-group-delay.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: τ is the continuous value at the zero, and right everywhere else', (_name, c) => {
    const omega = Float64Array.from(c.omega);
    const got = exactResponseAt(schedule(c.yaml), omega, c.steps);
    c.steps.forEach((t, j) => {
      const tol = 1e-12 * Math.max(1, ...c.groupDelay[j].map(Math.abs));
      const zeros = c.zeros[j].map((z) => ZERO_AT[z]);
      for (let f = 0; f < omega.length; f++) {
        // Within 1e-6 rad of a zero of a bank or IIR response, H itself is known only to its rounding
        // (|H| ≈ |H′|·x there): those points are not claimed (the FIR responses are exact everywhere).
        const near = zeros.some((w) => Math.abs(omega[f] - w) > 1e-15 && Math.abs(omega[f] - w) < 1e-6);
        if (near && !c.fir) continue;
        const r = within(got[j].groupDelay[f], c.groupDelay[j][f], tol);
        expect(r.ok, `t=${t} ω=${omega[f]} zeros=${c.zeros[j]} ${r.msg}`).toBe(true);
      }
    });
  });

  it('the fixture puts a zero exactly on a grid frequency in every case', () => {
    for (const c of cases) expect(c.zeros.flat().length, c.name).toBeGreaterThan(0);
  });
});

describe('away from its zeros, the exact group delay is the direct sum over the impulse response of H(t, ·)', () => {
  const more: [string, string, number[]][] = [
    ['fsgdm, 4 stages', 'steps: 200\nstages: 4\nmomentum: { preset: fsgdm }', [1, 2, 50, 51, 120, 200]],
    ['qhm', 'steps: 300\nmomentum: { preset: qhm, nu: 0.7, beta: 0.9 }', [1, 7, 300]],
    ['rational, three stages', 'steps: 90\nstages: 3\nmomentum: { preset: rational, b: [[0.1], [0.05, 0, -0.05], [0.5, 0.5]], a: [[1, -0.9], [1, -1.6, 0.81], [1]] }', [1, 2, 30, 31, 32, 61, 90]],
  ];
  const all: [string, string, number[]][] = [...cases.map((c): [string, string, number[]] => [c.name, c.yaml, c.steps]), ...more];
  it.each(all)('%s', (_name, yaml, steps) => {
    const s = schedule(yaml);
    const omega = linearGrid(65);
    const got = exactResponseAt(s, omega, steps);
    steps.forEach((t, j) => {
      const c = impulsePolynomial(s, t);
      const scale = c.reduce((sum, x) => sum + Math.abs(x), 0);
      for (let f = 0; f < omega.length; f++) {
        // away from zeros: |H| above 1e-6 of the size of its terms (where the direct sum is accurate)
        const h = Math.hypot(...c.reduce(([re, im], x, k) => [re + x * Math.cos(k * omega[f]), im - x * Math.sin(k * omega[f])], [0, 0]));
        if (h < 1e-6 * scale) continue;
        const want = polynomialGroupDelay(c, omega[f]);
        const r = within(got[j].groupDelay[f], want, 1e-10 * Math.max(1, Math.abs(want)));
        expect(r.ok, `t=${t} ω=${omega[f]} ${r.msg}`).toBe(true);
      }
    });
  });
});

describe('groupDelayAtZero: the limit of −d/dω arg H at a simple zero, −Im(H″/(2H′))', () => {
  /** H = (1 − e^{jθ}·z)·G(z) at z = e^{−jω}, with H′ and H″ by the product rule, as [H, H′, H″] complex pairs. */
  function product(theta: number, g: number[], omega: number): number[][] {
    const at = (n: number) => {
      // Σ_k g_k·(−jk)ⁿ·z^k
      let re = 0;
      let im = 0;
      g.forEach((x, m) => {
        const f = x * (m ** n);
        const [cr, ci] = [Math.cos(m * omega), -Math.sin(m * omega)];
        const [pr, pi] = n % 4 === 0 ? [cr, ci] : n % 4 === 1 ? [ci, -cr] : n % 4 === 2 ? [-cr, -ci] : [-ci, cr];
        re += f * pr;
        im += f * pi;
      });
      return [re, im];
    };
    // F = 1 − e^{j(θ−ω)}: F′ = j·e^{j(θ−ω)}, F″ = e^{j(θ−ω)}
    const e = [Math.cos(theta - omega), Math.sin(theta - omega)];
    const F = [1 - e[0], -e[1]];
    const F1 = [-e[1], e[0]];
    const F2 = e;
    const mul = (a: number[], b: number[]) => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
    const add = (...xs: number[][]) => xs.reduce((s, x) => [s[0] + x[0], s[1] + x[1]], [0, 0]);
    const [G, G1, G2] = [at(0), at(1), at(2)];
    return [mul(F, G), add(mul(F1, G), mul(F, G1)), add(mul(F2, G), mul(F1, G1), mul(F1, G1), mul(F, G2))];
  }

  it.each([
    [Math.PI, [1, 0.3]],
    [0, [0.5, -0.2, 0.1]],
    [1.234, [2, 1, 0.5, 0.25]],
    [Math.PI / 2, [1e-300, 3e-301]],
  ])('θ = %d, G = %j: τ(θ) = ½ + τ_G(θ), the ½ step per unit-circle zero of the frozen responses', (theta, g) => {
    const [H, H1, H2] = product(theta, g, theta);
    const omega = Float64Array.of(theta);
    const z = emptyZeroLimitInput(omega);
    z.d2re[0] = H2[0];
    z.d2im[0] = H2[1];
    const size = g.reduce((s, x) => s + Math.abs(x), 0);
    z.s0[0] = 2 * size;
    z.s1[0] = 2 * g.reduce((s, x, k) => s + (k + 1) * Math.abs(x), 0);
    z.s2[0] = 2 * g.reduce((s, x, k) => s + (k + 1) ** 2 * Math.abs(x), 0);
    const got = groupDelayAtZero(z, 0, Math.hypot(H[0], H[1]), H1[0], H1[1]);
    const want = 0.5 + polynomialGroupDelay(Float64Array.from(g, (x) => x / g[0]), theta); // τ_G does not depend on the gain
    expect(got).toBeDefined();
    expect(Math.abs(got! - want), `got=${got} want=${want}`).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
  });

  it('is not used where |H| is above its rounding (undefined: the ratio −Im(H′/H) holds there)', () => {
    const omega = Float64Array.of(1);
    const z = emptyZeroLimitInput(omega);
    z.s0[0] = 1;
    z.s1[0] = 1;
    z.s2[0] = 1;
    expect(groupDelayAtZero(z, 0, 1e-12, 1, 0)).toBeUndefined();
    expect(groupDelayAtZero(z, 0, 1e-16, 1, 0)).toBeDefined();
  });

  it('a double zero of a bank’s exact response (H = (1 + z)²/4 at step 3) has no limit from H, H′, H″: τ is null there, not a number made of rounding', () => {
    const s = schedule('steps: 3\nstages: 3\nmomentum: { u: [0, 0.5, 0.5], v: [1, 1, 0.25] }');
    const [r] = exactResponseAt(s, Float64Array.of(0, 1, Math.PI), [3]);
    expect(r.groupDelay[0]).toBeCloseTo(1, 14);
    expect(r.groupDelay[1]).toBeCloseTo(1, 14);
    expect(r.groupDelay[2]).toBeNaN();
  });
});

describe('analyze reports the continuous exact group delay (issue 11 §4, exact mode)', () => {
  it('rational b = [0.5, 0.5], a = [1] with --mode both and --at-steps: τ(π) = 0.5 in every exact response, as in the frozen one', () => {
    const result = analyze('steps: 4\nstages: 2\nmomentum: { preset: rational, b: [0.5, 0.5], a: [1] }', { mode: 'both', atSteps: [2, 3, 4], frequencies: linearGrid(5) });
    const [sched] = result.schedules;
    const exact = [...sched.stages.map((s) => s.responseExact!), ...sched.atSteps!.map((a) => a.responseExact)];
    for (const r of [...exact, ...sched.stages.map((s) => s.response!)]) expect(Array.from(r.groupDelay)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('pytorch-sgd with momentum 0.5, dampening 0.5: H(2, ω) = (1 + e^{−jω})/2 has τ = 0.5 at every frequency, π included', () => {
    const result = analyze('steps: 3\nmomentum: { preset: pytorch-sgd, momentum: 0.5, dampening: 0.5 }', { atSteps: [2], frequencies: linearGrid(9) });
    const tau = result.schedules[0].atSteps![0].responseExact.groupDelay;
    for (const x of tau) expect(x).toBeCloseTo(0.5, 14);
  });
});
