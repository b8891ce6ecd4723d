import { describe, expect, it } from 'vitest';
import { tableNumber } from '../../src/util/table-number.js';

describe('tableNumber (terminal tables of analyze, simulate and spectrum)', () => {
  it('significant digits, exponent form outside [smallest, 10⁶), dashes and ∞', () => {
    expect(tableNumber(29.911727632834662)).toBe('29.91');
    expect(tableNumber(0.968054, 6)).toBe('0.968054');
    expect(tableNumber(-5.880741142368361)).toBe('-5.881');
    expect(tableNumber(0)).toBe('0');
    expect(tableNumber(-0)).toBe('0');
    expect(tableNumber(8.119637268379057e-13)).toBe('8.120e-13');
    expect(tableNumber(1234567)).toBe('1.235e+6');
    expect(tableNumber(0.0005)).toBe('0.0005');
    expect(tableNumber(0.0005, 4, 1e-3)).toBe('5.000e-4');
    expect(tableNumber(null)).toBe('–');
    expect(tableNumber(Number.NaN)).toBe('–');
    expect(tableNumber(Infinity)).toBe('–');
    expect(tableNumber(Infinity, 4, 1e-4, '∞')).toBe('∞');
    expect(tableNumber(-Infinity, 4, 1e-4, '∞')).toBe('–');
  });
});
