import { describe, expect, it } from 'vitest';
import { fieldValues, paddedDomain } from '../../../src/plot/specs/value-domain.js';

describe('paddedDomain', () => {
  it('a constant c gets ±10 % of |c| around it (EMA group delay 9 → [8.1, 9.9]); 0 gets ±1', () => {
    expect(paddedDomain([9, 9, 9])).toEqual({ domain: [8.1, 9.9], nice: true, zero: false });
    expect(paddedDomain([0, 0])).toEqual({ domain: [-1, 1], nice: true, zero: false });
    const { domain } = paddedDomain([-0.9]);
    expect(domain![0]).toBeCloseTo(-0.99, 12);
    expect(domain![1]).toBeCloseTo(-0.81, 12);
  });

  it('float noise around a constant counts as constant: 0 … 3·10⁻¹¹ dB gets [−1, 1], not a 3·10⁻¹¹ wide axis', () => {
    expect(paddedDomain([0, 3.16e-11, 1e-12])).toEqual({ domain: [-1, 1], nice: true, zero: false });
    const near9 = paddedDomain([9, 9 + 1e-12]).domain!;
    expect(near9[1] - near9[0]).toBeCloseTo(1.8, 9);
  });

  it('a varying quantity is widened by 5 % of its span at each end, so its extremes are off the frame', () => {
    expect(paddedDomain([-26, 0, -10])).toEqual({ domain: [-27.3, 1.3], nice: true, zero: false });
  });

  it('`include` adds values the panel draws besides the data (the 0 dB line)', () => {
    const { domain } = paddedDomain([10, 30], { include: [0] });
    expect(domain).toEqual([-1.5, 31.5]);
  });

  it('log: factors instead of margins; a constant gets ×/÷ 2; values ≤ 0 are left out; no `zero` key', () => {
    expect(paddedDomain([0.105, 0.105], { type: 'log' })).toEqual({ domain: [0.0525, 0.21], nice: true });
    const { domain } = paddedDomain([0, 1e-3, 1e-1], { type: 'log' });
    // (hi/lo)^0.05 = 100^0.05 = 10^0.1; ends to 6 significant digits
    expect(domain).toEqual([Number((1e-3 / 10 ** 0.1).toPrecision(6)), Number((1e-1 * 10 ** 0.1).toPrecision(6))]);
  });

  it('null, NaN and ±Infinity are ignored; nothing left leaves the scale to vega', () => {
    expect(paddedDomain([null, NaN, Infinity, 2, -Infinity, 2])).toEqual({ domain: [1.8, 2.2], nice: true, zero: false });
    expect(paddedDomain([null, NaN])).toEqual({});
    expect(paddedDomain([-1, 0], { type: 'log' })).toEqual({});
  });

  it('fieldValues reads a numeric field of rows, null where absent or not a number', () => {
    expect(fieldValues([{ a: 1 }, { a: null }, { b: 2 }, { a: 'x' }], 'a')).toEqual([1, null, null, null]);
  });
});
