import { describe, expect, it } from 'vitest';
import { roundSig } from '../../src/util/round-sig.js';

describe('roundSig', () => {
  it('keeps 6 significant digits by default, as a number that prints in its shortest form', () => {
    expect(roundSig(Math.PI)).toBe(3.14159);
    expect(roundSig(123456789)).toBe(123457000);
    expect(roundSig(-0.000123456789)).toBe(-0.000123457);
    expect(roundSig(1 / 3, 3)).toBe(0.333);
    expect(JSON.stringify(roundSig(0.1 + 0.2))).toBe('0.3');
  });

  it('maps −0 to 0 and non-finite values to null (a gap in a plot)', () => {
    expect(Object.is(roundSig(-0), 0)).toBe(true);
    expect([NaN, Infinity, -Infinity].map((x) => roundSig(x))).toEqual([null, null, null]);
  });
});
