import { describe, expect, it } from 'vitest';
import { bisectRight, PythonError, pyDiv, pyFloorDiv, pyMod, pyPow } from '../../src/math/python-float.js';

// Expected values are Python 3.11's own results (`-7 % 3 == 2`, `-7 // 3 == -3`, …).
describe('python-float', () => {
  it('takes the floor modulo with the sign of the divisor, as Python’s %', () => {
    expect([pyMod(-7, 3), pyMod(7, -3), pyMod(7, 3), pyMod(-7, -3), pyMod(-6, 3)]).toEqual([2, -2, 1, -1, 0]);
    // torch's CosineAnnealingLR test (e − 1 − T_max) % (2·T_max) at e = 1, T_max = 100: (−100) % 200 = 100.
    expect(pyMod(1 - 1 - 100, 200)).toBe(100);
    expect(pyMod(-5.5, 2)).toBe(0.5);
  });

  it('floors integer division toward −∞, as Python’s //', () => {
    expect([pyFloorDiv(-7, 3), pyFloorDiv(7, 3), pyFloorDiv(-6, 3), pyFloorDiv(2 ** 53 - 1, 3)]).toEqual([-3, 2, -2, 3002399751580330]);
  });

  it('raises ZeroDivisionError where Python does', () => {
    expect(() => pyDiv(1, 0)).toThrow(new PythonError('ZeroDivisionError', 'float division by zero'));
    expect(() => pyMod(1, 0)).toThrow(PythonError);
    expect(() => pyPow(0, -1)).toThrow('0.0 cannot be raised to a negative power');
  });

  it('keeps Python’s special cases of float ** (x**0 = 1 and 1**y = 1 even for NaN; (−1)**±inf = 1)', () => {
    expect(pyPow(Number.NaN, 0)).toBe(1);
    expect(pyPow(1, Number.NaN)).toBe(1);
    expect(pyPow(-1, Infinity)).toBe(1);
    expect(pyPow(0, 0.9)).toBe(0);
    expect(pyPow(2, 10)).toBe(1024);
    expect(() => pyPow(-8, 1 / 3)).toThrow(PythonError);
  });

  it('bisects right as Python’s bisect.bisect_right', () => {
    expect([0, 29, 30, 31, 80, 99].map((x) => bisectRight([30, 80, 80], x))).toEqual([0, 0, 1, 1, 3, 3]);
  });
});
