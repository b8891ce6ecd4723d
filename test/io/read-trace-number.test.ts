import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/io/trace-number.js';

const parse = (s: string): number | undefined => parseNumber(s, 0, s.length);

describe('parseNumber (CSV cells)', () => {
  it('reads every double written by String() back to the same bits (−0 aside)', () => {
    fc.assert(fc.property(fc.double().filter((v) => !Object.is(v, -0)), (v) => {
      expect(Object.is(parse(String(v)), v), String(v)).toBe(true);
    }), { numRuns: 5000 });
  });

  it('agrees with Number() on random decimal and exponent notations', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
    const text = fc
      .tuple(fc.constantFrom('', '-', '+'), digits(20), fc.boolean(), digits(20), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 330 }))))
      .map(([sign, int, dot, frac, exp]) => `${sign}${int}${dot ? '.' : ''}${dot ? frac : ''}${exp ? exp[0] + exp[1] + exp[2] : ''}`)
      .filter((s) => /[0-9]/.test(s.split(/[eE]/)[0]));
    fc.assert(fc.property(text, (s) => {
      expect(Object.is(parse(s), Number(s)), s).toBe(true);
    }), { numRuns: 5000 });
  });

  it('agrees with Number() at the edge of the exact-mantissa fast path (16–17 digits around 2^53, |exponent| ≤ 22)', () => {
    const text = fc
      .tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n - 1n }), fc.integer({ min: 0, max: 17 }), fc.integer({ min: -22, max: 22 }))
      .map(([m, point, e]) => {
        const d = m.toString();
        const at = Math.min(point, d.length);
        return `${d.slice(0, d.length - at)}${at > 0 ? '.' : ''}${d.slice(d.length - at)}e${e}`;
      });
    fc.assert(fc.property(text, (s) => {
      expect(Object.is(parse(s), Number(s)), s).toBe(true);
    }), { numRuns: 20000 });
    for (const s of ['9007199254740992', '9007199254740993', '900719925474099.3', '9007199254740991e22', '0.9007199254740993e-22']) expect(parse(s), s).toBe(Number(s));
  });

  it('reads nan and inf as Python and NumPy write them, and ignores surrounding blanks', () => {
    expect(parse('nan')).toBeNaN();
    expect(parse(' -inf ')).toBe(-Infinity);
    expect(parse('+Infinity')).toBe(Infinity);
    expect(parse('\t1.5\r')).toBe(1.5);
    expect(Object.is(parse('-0.0'), -0)).toBe(true); // String(-0) is "0", so the property above skips it
  });

  it('rejects text that Number() would accept but a CSV number is not, and plain garbage', () => {
    for (const s of ['', ' ', '0x10', '0b1', '1_000', '1e', '--1', '.', 'e5', '1 2', '1,5', '.inf', 'infinite', 'abc']) {
      expect(parse(s), JSON.stringify(s)).toBeUndefined();
    }
  });

  it('reads only the given slice of a line', () => {
    const line = 'a,12.5,b';
    expect(parseNumber(line, 2, 6)).toBe(12.5);
  });
});
