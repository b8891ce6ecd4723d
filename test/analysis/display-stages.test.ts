import { describe, expect, it } from 'vitest';
import { analyze, stageRecords } from '../../src/analysis/analyze.js';
import { AUTO_STAGE_LIMIT, displayStageEnds, stageReport } from '../../src/analysis/display-stages.js';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { frozenResponse } from '../../src/filter/frozen-response.js';
import { linearGrid } from '../../src/filter/grid.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { perStepSchedule } from '../filter/per-step-schedule.js';

function schedule(yaml: string): Schedule {
  const r = parseSchedules(yaml);
  expect(r.issues).toEqual([]);
  return r.schedules[0];
}

describe('display stage ends', () => {
  it('are steps 1, 2, 4, …, ≤ T/N first, then uniform in steps, T last, at most N of them', () => {
    const T = 5000;
    const s = perStepSchedule(Array.from({ length: T }, () => 0.9), Array.from({ length: T }, () => 1));
    const ends = displayStageEnds(s.stages, 256);
    const steps = ends.map((k) => s.stages.endStep[k]);
    expect(steps.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 16 + Math.round((T - 16) / 251)]);
    expect(steps.length).toBe(256);
    expect(steps[255]).toBe(T);
    for (let j = 5; j < steps.length; j++) expect(Math.abs(steps[j] - steps[j - 1] - (T - 16) / 251)).toBeLessThanOrEqual(1);
  });

  it('end at the last step of whole real stages, ascending, each once, with no more ends than stages', () => {
    const s = schedule('steps: 100003\nstageLength: 7\nmomentum: { u: 0.9 }');
    const ends = displayStageEnds(s.stages, 300);
    for (let j = 1; j < ends.length; j++) expect(ends[j]).toBeGreaterThan(ends[j - 1]);
    expect(ends[ends.length - 1]).toBe(s.stages.count - 1);
    expect(ends.length).toBeLessThanOrEqual(300);
    for (const k of ends.slice(0, -1)) expect(s.stages.endStep[k] % 7).toBe(0);
    const few = schedule('steps: 1000\nstages: 3\nmomentum: { u: [0.1, 0.5, 0.9] }');
    expect(displayStageEnds(few.stages, 256)).toEqual([0, 1, 2]);
  });

  it('auto reports every real stage up to 1000 of them and display stages above', () => {
    const small = schedule(`steps: ${AUTO_STAGE_LIMIT}\nmomentum: { preset: adam-m }`);
    const big = schedule(`steps: ${AUTO_STAGE_LIMIT + 1}\nmomentum: { preset: adam-m }`);
    expect(stageReport(small, 'auto')).toEqual({ display: false, stages: Array.from({ length: AUTO_STAGE_LIMIT }, (_, i) => i) });
    const report = stageReport(big, 'auto', 64);
    expect('display' in report && report.display && report.ends.length).toBe(64);
    expect(stageReport(big, 'all')).toMatchObject({ display: false });
  });
});

describe('display stage records', () => {
  const T = 3000;
  const u = Array.from({ length: T }, (_, i) => 0.85 + 0.1 * Math.sin((3 * i) / T));
  const v = u.map((x) => 1 - x);
  const s = { ...perStepSchedule(u, v, true), lr: Float64Array.from({ length: T }, (_, i) => 0.1 * (1 - i / T)) };
  const omega = linearGrid(33);
  const records = [...stageRecords(s, { frequencies: omega, displayStages: 40 })];

  it('carry u, v and lr at their last step and the min/max of u, v and lr over their real stages (brute force)', () => {
    expect(records.length).toBeLessThanOrEqual(40);
    let next = 1;
    for (const r of records) {
      expect(r.startStep).toBe(next);
      next = r.endStep + 1;
      const a = r.startStep - 1;
      const b = r.endStep;
      expect(r.u).toBe(u[b - 1]);
      expect(r.v).toBe(v[b - 1]);
      expect(r.lr).toBe(s.lr[b - 1]);
      expect(r.display!.range.u).toEqual([Math.min(...u.slice(a, b)), Math.max(...u.slice(a, b))]);
      expect(r.display!.range.v).toEqual([Math.min(...v.slice(a, b)), Math.max(...v.slice(a, b))]);
      expect(r.display!.range.lr).toEqual([Math.min(...s.lr.slice(a, b)), Math.max(...s.lr.slice(a, b))]);
    }
    expect(next).toBe(T + 1);
  });

  it('give the exact response at their last step (the walker\'s, to rounding) and no frozen response by default', () => {
    const want = exactResponseAt(s, omega, records.map((r) => r.endStep));
    records.forEach((r, j) => {
      expect(r.response).toBeUndefined();
      for (let f = 0; f < omega.length; f++) expect(Math.abs(r.responseExact!.magnitude[f] - want[j].magnitude[f])).toBeLessThanOrEqual(1e-13 * want[j].magnitude[f]);
    });
  });

  it('report the first-step copy as the deviation of the flat H(1, ω) = 1 from the frozen v/(1 − u·e^{−jω})', () => {
    const first = records[0];
    expect(first.endStep).toBe(1);
    const frozen = frozenResponse(u[0], v[0], omega);
    const want = Math.max(...frozen.magnitudeDb.map((db) => Math.abs(db)));
    expect(first.transient).toEqual({ settlingSteps: null, maxDeviationDb: expect.closeTo(want, 12) });
  });

  it('with lr carry the update view in the JSON order of real stages: lr after v, updateResponseExact after responseExact', () => {
    expect(Object.keys(records[0])).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'lr', 'display', 'metrics', 'transient', 'responseExact', 'updateResponseExact']);
    records.forEach((r) => {
      expect(r.metrics.effectiveLearningRate).toBe(r.lr! * r.metrics.dcGain);
      for (let f = 0; f < omega.length; f++) expect(r.updateResponseExact!.magnitude[f]).toBe(r.lr! * r.responseExact!.magnitude[f]);
    });
  });

  it('with mode frozen carry the frozen response of their last real stage', () => {
    const frozen = [...stageRecords(s, { frequencies: omega, displayStages: 40, mode: 'frozen' })];
    frozen.forEach((r) => {
      expect(r.responseExact).toBeUndefined();
      expect(r.response!.magnitude).toEqual(frozenResponse(u[r.endStep - 1], v[r.endStep - 1], omega).magnitude);
    });
  });

  it('analyze() reports display stages in its header and every real stage with stages: all', () => {
    const result = analyze(s, { frequencies: omega, displayStages: 40, response: false });
    expect(result.schedules[0].display).toEqual({ stages: records.length });
    expect(result.schedules[0].stageCount).toBe(T);
    const all = analyze(s, { frequencies: omega, stages: 'all', response: false });
    expect(all.schedules[0].stages.length).toBe(T);
    expect(all.schedules[0].display).toBeUndefined();
  });
});
