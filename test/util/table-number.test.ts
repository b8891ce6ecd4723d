import { describe, expect, it } from 'vitest';
import { fitNumber, tableNumber } from '../../src/util/table-number.js';

describe('table numbers (terminal tables and the explore page)', () => {
  it('tableNumber keeps 4 significant digits, exponent form below 1e-4 and from 10⁶ on', () => {
    expect(tableNumber(10.000000000000002)).toBe('10');
    expect(tableNumber(24.013189010928375)).toBe('24.01');
    expect(tableNumber(0.06560144455160802)).toBe('0.0656');
    expect(tableNumber(0.00001234)).toBe('1.234e-5');
    expect(tableNumber(1234567)).toBe('1.235e+6');
    expect(tableNumber(null)).toBe('–');
  });

  it('fitNumber drops digits until the number fits its width', () => {
    expect(fitNumber(0.00001234, 6)).toBe('1.2e-5');
    expect(fitNumber(0.8688255099070633, 9, 6)).toBe('0.868826');
    expect(fitNumber(Infinity, 7)).toBe('∞');
  });
});
