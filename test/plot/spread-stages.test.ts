import { describe, expect, it } from 'vitest';
import { curveStages } from '../../src/plot/spread-stages.js';
import type { Schedule } from '../../src/types.js';
import { stageTable } from './support.js';

/** A first-order schedule from stage lengths and coefficients. */
function schedule(lengths: number[], u: number[], v: number[]): Schedule {
  const stages = stageTable(lengths, u, v);
  return { name: 's', steps: stages.endStep[stages.count - 1], stages, firstStepCopy: false, source: 'custom', filter: { kind: 'first-order', u: stages.u, v: stages.v } };
}

/** A warm-up of `warm` one-step stages (u from 0.8 up to 0.93) then `flat` equal stages of 1000 steps: yolo's shape. */
function warmUp(warm: number, flat: number): Schedule {
  const u = [...Array.from({ length: warm }, (_, i) => 0.8 + (0.13 * i) / (warm - 1)), ...Array<number>(flat).fill(0.937)];
  return schedule([...Array<number>(warm).fill(1), ...Array<number>(flat).fill(1000)], u, Array<number>(warm + flat).fill(1));
}

/** Distinct (u, v) pairs among the given stages, counted by brute force. */
const distinctPairs = (s: Schedule, ks: readonly number[]) => new Set(ks.map((k) => `${s.stages.u[k]}|${s.stages.v[k]}`)).size;

describe('curveStages', () => {
  it('a warm-up in the first 1 % before a plateau of equal stages: 8 curves that all differ, several in the warm-up, one on the plateau', () => {
    const s = warmUp(100, 250); // 100 steps of warm-up in 250 100 steps
    const { stages, distinct } = curveStages(s, 8);
    expect(stages).toHaveLength(8);
    expect(distinctPairs(s, stages)).toBe(8);
    expect(distinct).toBe(101);
    expect(stages[0]).toBe(0);
    expect(stages.filter((k) => k < 100).length).toBeGreaterThanOrEqual(4);
    expect(stages.filter((k) => k >= 100)).toHaveLength(1); // the plateau: one curve
  });

  it('never draws equal filters twice, and says how many differ when fewer than asked exist', () => {
    const s = schedule([10, 500, 10, 500], [0.5, 0.9, 0.5, 0.9], [1, 1, 1, 1]);
    const { stages, distinct } = curveStages(s, 8);
    expect(distinct).toBe(2);
    expect(stages).toHaveLength(2);
    expect(distinctPairs(s, stages)).toBe(2);
  });

  it('spreads over steps as well as values: one long stage does not absorb the curves of the short ones that differ', () => {
    const s = schedule([1000, 1, 1, 1, 1], [0, 0.1, 0.2, 0.3, 0.4], [1, 1, 1, 1, 1]);
    expect(curveStages(s, 3).stages).toHaveLength(3);
    expect(curveStages(s, 3).stages).toContain(0);
    expect(curveStages(s, 3).stages).toContain(4);
    expect(curveStages(s, 100).stages).toEqual([0, 1, 2, 3, 4]);
  });

  it('equal stages spread evenly over steps keep the even spread (one per value)', () => {
    const s = schedule(Array<number>(11).fill(10), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95], Array<number>(11).fill(1));
    expect(curveStages(s, 3).stages).toEqual([0, 5, 10]);
  });
});
