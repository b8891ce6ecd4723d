import { describe, expect, it } from 'vitest';
import { filterTables } from '../../../src/filter/stage-filter.js';
import { parseSchedules } from '../../../src/schedule/parse.js';

function correction(beta1: number, steps: number): Float64Array {
  const { schedules, issues } = parseSchedules(`steps: ${steps}\nmomentum: { preset: adam-m, beta1: ${beta1} }\n`);
  expect(issues).toEqual([]);
  return filterTables(schedules[0]).bank!.c;
}

describe('adam-m: the bias correction torch applies', () => {
  it('c_t = 1/(1 − β1^t) as torch computes it (1 − beta1 ** step, then a division), not the more accurate expm1 form', () => {
    // Python's 1/(1 - b**t) (the pow of a square is correctly rounded in every libm); −1/expm1(2·ln 0.999)
    // gives 500.25012506253086, 1.4e-14 relative away.
    expect(correction(0.999, 3)[1]).toBe(500.250125062538);
    expect(correction(0.95, 3)[1]).toBe(10.256410256410254);
    expect(correction(0.9, 3)[1]).toBe(5.263157894736843);
  });

  it('the first step\'s weight is 1/(1 − β1): the buffer m_1 = (1 − β1)·g_1 is scaled back to g_1', () => {
    expect(correction(0.9, 2)[0]).toBe(1 / (1 - 0.9));
  });
});
