import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { branchFrozen } from '../../src/filter/bank-response.js';
import { bankPowerPolynomials, criticalFrequencies, rationalPowerPolynomials, signChangeRoots } from '../../src/filter/power-polynomial.js';
import { polynomialAt } from '../../src/filter/rational-response.js';
import type { BankTable } from '../../src/types.js';
import type { DoubleDouble } from '../../src/math/double-double.js';

const at = (p: Float64Array, s: number) => p.reduceRight((y, c) => y * s + c, 0);
const ratio = (p: { numerator: ArrayLike<number | DoubleDouble>; denominator: ArrayLike<number | DoubleDouble> }, w: number) => {
  const s = Math.sin(w / 2) ** 2;
  const hi = (q: ArrayLike<number | DoubleDouble>) => Float64Array.from(q as ArrayLike<number | DoubleDouble>, (c) => (typeof c === 'number' ? c : c.hi));
  return at(hi(p.numerator), s) / at(hi(p.denominator), s);
};

describe('|H|² as N(s)/D(s), s = sin²(ω/2)', () => {
  it('for random banks of 1–4 branches with feed-through, equals |c0 + Σ c·v/(1 − u·e^{−jω})|² evaluated branch by branch (1e-11 relative)', () => {
    const branch = fc.record({ c: fc.double({ min: -2, max: 2, noNaN: true }), u: fc.double({ min: -0.99, max: 0.99, noNaN: true }), v: fc.double({ min: -1, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.array(branch, { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: Math.PI, noNaN: true }), (c0, branches, w) => {
        const bank: BankTable = { branches: branches.length, c0: Float64Array.of(c0), c: Float64Array.from(branches, (b) => b.c), u: Float64Array.from(branches, (b) => b.u), v: Float64Array.from(branches, (b) => b.v) };
        let re = c0;
        let im = 0;
        let size = Math.abs(c0);
        for (const b of branches) {
          const [hr, hi] = branchFrozen(b.u, b.v, w);
          re += b.c * hr;
          im += b.c * hi;
          size += Math.abs(b.c * Math.hypot(hr, hi));
        }
        const p = bankPowerPolynomials(bank, 0, 1)!;
        // rounding is relative to the terms' size, not to |H|² (which can cancel to 0)
        expect(Math.abs(ratio(p, w) - (re * re + im * im))).toBeLessThanOrEqual(1e-11 * size * size);
      }),
    );
  });

  it('for random rational stages up to order 6, equals |B/A|² by Horner at e^{−jω} (1e-10 relative to Σ|b|²/|A|²)', () => {
    const poly = (n: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: n });
    fc.assert(
      fc.property(poly(7), poly(6), (b, tail) => {
        const a = [1, ...tail.map((x) => x / (2 * tail.length))]; // Σ|a_k| < 1.5: |A| ≥ 0.5
        const p = rationalPowerPolynomials(b, a)!;
        const w = 0.7;
        const [br, bi] = polynomialAt(Float64Array.from(b), 0, b.length, w);
        const [ar, ai] = polynomialAt(Float64Array.from(a), 0, a.length, w);
        const sumB = b.reduce((s, x) => s + Math.abs(x), 0);
        expect(Math.abs(ratio(p, w) - (br * br + bi * bi) / (ar * ar + ai * ai))).toBeLessThanOrEqual((1e-10 * sumB * sumB) / (ar * ar + ai * ai));
      }),
    );
  });
});

describe('exact root isolation', () => {
  it('signChangeRoots finds every simple root in (0, 1) of (s − r1)…(s − r5) to adjacent doubles, however close, and no touching root', () => {
    const expand = (roots: number[]) => roots.reduce<number[]>((p, r) => [...p.map((c, k) => (k === 0 ? -r * c : p[k - 1] - r * c)), p[p.length - 1]], [1]);
    const roots = [1e-9, 2e-9, 0.3, 0.30001, 0.9];
    const found = signChangeRoots(expand(roots));
    expect(found).toHaveLength(5);
    // the close pair 0.3, 0.30001 is ill-conditioned in double (|p′| ≈ 5e-7 there: ~1e-10), the others are not
    found.forEach((x, i) => expect(Math.abs(x - roots[i]), `root ${roots[i]}`).toBeLessThanOrEqual((roots[i] < 0.29 || roots[i] > 0.31 ? 1e-14 : 1e-9) * roots[i]));
    expect(signChangeRoots(expand([0.5, 0.5]))).toEqual([]); // a double root: no sign change
    expect(signChangeRoots(expand([0.25, 1.5, -0.5]))).toHaveLength(1);
  });

  it('criticalFrequencies of a resonator 1/(1 − 2r·cos θ·z⁻¹ + r²z⁻²) is its peak, cos ω = (1 + r²)·cos θ/(2r) (Oppenheim & Schafer §5.3)', () => {
    const r = 0.99;
    const theta = 1;
    const p = rationalPowerPolynomials([1], [1, -2 * r * Math.cos(theta), r * r])!;
    const crit = criticalFrequencies(p);
    expect(crit).toHaveLength(1);
    expect(crit[0]).toBeCloseTo(Math.acos(((1 + r * r) * Math.cos(theta)) / (2 * r)), 7);
  });
});
