import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../src/tune/brent-root.js';

const solve = (f: (x: number) => number, a: number, b: number) => brentRoot(f, a, b, f(a), f(b));

describe('brentRoot', () => {
  it('finds ∛2 as the root of x³ − 2 to within its own reported tolerance', () => {
    const r = solve((x) => x ** 3 - 2, 0, 2);
    expect(Math.abs(r.x - Math.cbrt(2))).toBeLessThanOrEqual(Math.max(r.tolerance, 2 * Number.EPSILON * Math.cbrt(2)));
    expect(r.tolerance).toBeLessThanOrEqual(8 * Number.EPSILON);
  });

  it("finds the Dottie number (cos x = x, 0.7390851332151607) in few steps", () => {
    const r = solve((x) => Math.cos(x) - x, 0, 1);
    expect(Math.abs(r.x - 0.7390851332151607)).toBeLessThanOrEqual(2 * Number.EPSILON);
    expect(r.evaluations).toBeLessThan(12);
  });

  it('converges on a function with a flat region and a steep root (bisection safeguard)', () => {
    const r = solve((x) => (x < 0.3 ? -1 : Math.expm1(50 * (x - 0.3)) - 1e-3), 0, 1);
    const exact = 0.3 + Math.log1p(1e-3) / 50;
    expect(Math.abs(r.x - exact)).toBeLessThanOrEqual(r.tolerance + 4 * Number.EPSILON);
  });

  it('returns an end that is already a root, and refuses a bracket without a sign change', () => {
    expect(brentRoot((x) => x, 0, 1, 0, 1).x).toBe(0);
    expect(() => brentRoot((x) => x + 1, 0, 1, 1, 2)).toThrow(/must differ in sign/);
  });

  it('honours an absolute tolerance', () => {
    const r = brentRoot((x) => x - 1 / 3, 0, 1, -1 / 3, 2 / 3, { xtol: 1e-3 });
    expect(Math.abs(r.x - 1 / 3)).toBeLessThanOrEqual(1e-3);
  });
});
