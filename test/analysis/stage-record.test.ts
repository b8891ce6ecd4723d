import { describe, expect, it } from 'vitest';
import { stageRecord } from '../../src/analysis/stage-record.js';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { stageAt } from '../../src/filter/stage-filter.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';

function schedule(yaml: string): Schedule {
  const r = parseSchedules(yaml);
  expect(r.issues).toEqual([]);
  return r.schedules[0];
}

describe('stageRecord', () => {
  const omega = linearGrid(9);
  const transient = { settlingSteps: 3, maxDeviationDb: 0.5 };
  const responseExact = frozenResponse(0.5, 1, omega);

  it('with lr α: effectiveLearningRate = α·v/(1 − u) and the update view α·|H| of the frozen and the exact response', () => {
    const s = schedule('steps: 40\nstages: 2\nlr: [0.1, 0.01]\nmomentum: { u: [0.9, 0.5], v: 1 }');
    const r = stageRecord(s, 1, stageAt(s, 1), omega, true, { transient, responseExact });
    expect(Object.keys(r)).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'lr', 'metrics', 'response', 'updateResponse', 'transient', 'responseExact', 'updateResponseExact']);
    expect(r.lr).toBe(0.01);
    expect(r.metrics.effectiveLearningRate).toBeCloseTo(0.01 / (1 - 0.5), 15);
    const h = frozenResponse(0.5, 1, omega);
    for (let f = 0; f < omega.length; f++) {
      expect(Math.abs(r.response!.magnitude[f] - h.magnitude[f])).toBeLessThanOrEqual(4 * Number.EPSILON * h.magnitude[f]);
      expect(Math.abs(r.updateResponse!.magnitude[f] - 0.01 * h.magnitude[f])).toBeLessThanOrEqual(8 * Number.EPSILON * 0.01 * h.magnitude[f]);
      expect(r.updateResponseExact!.magnitude[f]).toBe(0.01 * responseExact.magnitude[f]);
    }
  });

  it('without lr adds no key, and without the frozen response or the exact side gives the metrics only', () => {
    const s = schedule('steps: 40\nstages: 2\nmomentum: { u: [0.9, 0.5], v: 1 }');
    expect(Object.keys(stageRecord(s, 0, stageAt(s, 0), omega, true, { transient, responseExact }))).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'metrics', 'response', 'transient', 'responseExact']);
    const bare = stageRecord(s, 0, stageAt(s, 0), omega, false);
    expect(Object.keys(bare)).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'metrics']);
    expect('effectiveLearningRate' in bare.metrics).toBe(false);
  });

  it('keeps the place of a base that holds lr already (a display stage: lr before its other fields)', () => {
    const s = schedule('steps: 40\nstages: 2\nlr: [0.1, 0.01]\nmomentum: { u: [0.9, 0.5], v: 1 }');
    const base = { ...stageAt(s, 1), lr: 0.01, display: { firstStage: 0, lastStage: 1, range: {} } };
    expect(Object.keys(stageRecord(s, 1, base, omega, false, { transient }))).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'lr', 'display', 'metrics', 'transient']);
  });
});
