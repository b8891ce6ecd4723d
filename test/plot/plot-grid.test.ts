import { describe, expect, it } from 'vitest';
import { autoOmegaMin, plotGrid } from '../../src/plot/plot-grid.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const schedule = (momentum: string) => parseSchedules(`steps: 1000\nstages: 2\nmomentum: ${momentum}\n`).schedules[0];

describe('autoOmegaMin: a decade below 1 − ρ, ρ the largest pole modulus of any stage', () => {
  it('first order: ρ = |u|', () => {
    expect(autoOmegaMin([schedule('{ u: [0.5, 0.999], v: 1 }')])).toBeCloseTo(1e-4, 15);
  });

  it('a filter bank: the slowest branch, not branch 0 (aggmo β = [0, 0.9, 0.999])', () => {
    expect(autoOmegaMin([schedule('{ preset: aggmo, betas: [0, 0.9, 0.999] }')])).toBeCloseTo(1e-4, 15);
  });

  it('a rational stage: the largest root of A (a double pole at 0.999: A = (1 − 0.999z⁻¹)²)', () => {
    expect(autoOmegaMin([schedule('{ preset: rational, b: [1], a: [1, -1.998, 0.998001] }')])).toBeCloseTo(1e-4, 8);
  });

  it('clamped to [1e-6, 1e-2]; the log grid starts there and ends at π', () => {
    expect(autoOmegaMin([schedule('{ u: 0, v: 1 }')])).toBe(1e-2);
    expect(autoOmegaMin([schedule('{ u: 0.9999999999, v: 1 }')])).toBe(1e-6);
    const grid = plotGrid([schedule('{ u: 0.999, v: 1 }')], { frequencyScale: 'log', omegaMin: null }, 50);
    expect([grid[0], grid[49]]).toEqual([expect.closeTo(1e-4, 15), expect.closeTo(Math.PI, 12)]);
  });
});
