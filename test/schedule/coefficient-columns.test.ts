import { describe, expect, it } from 'vitest';
import { appliedColumns, coefficientRuns, coefficientSegments } from '../../src/schedule/coefficient-columns.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { runCli } from '../support/run-cli.js';

function schedule(yaml: string): Schedule {
  const { schedules, issues } = parseSchedules(yaml);
  expect(issues).toEqual([]);
  return schedules[0];
}

/** Every step's row: step → { column: value }. */
function perStep(s: Schedule): Record<string, number>[] {
  const columns = appliedColumns(s);
  const rows: Record<string, number>[] = [];
  for (const seg of coefficientSegments(s, columns)) {
    for (let t = seg.startStep; t <= seg.endStep; t++) rows[t] = Object.fromEntries(columns.names.map((n, c) => [n, columns.at(seg, c)]));
  }
  return rows;
}

describe('coefficients as the optimizer applies them', () => {
  it('the first step\'s copy applies v = 1 (torch SGD: buf = clone(g)), then v = 1 − dampening', () => {
    const rows = perStep(schedule('steps: 4\nmomentum: { preset: pytorch-sgd, momentum: 0.9, dampening: 0.5 }\n'));
    expect(rows.slice(1)).toEqual([{ u: 0.9, v: 1 }, { u: 0.9, v: 0.5 }, { u: 0.9, v: 0.5 }, { u: 0.9, v: 0.5 }]);
  });

  it('nesterov keeps the feed-through c0 = 1 and c1 = μ at every step, its branch v1 = 1 (torch refuses dampening with nesterov=True)', () => {
    const rows = perStep(schedule('steps: 3\nmomentum: { preset: nesterov, momentum: 0.9 }\n'));
    for (const t of [1, 2, 3]) expect(rows[t]).toEqual({ u1: 0.9, v1: 1, c1: 0.9, c0: 1 });
  });

  it('adam-m\'s c1 is 1/(1 − β1^t) at every step, torch\'s expression; no copy (m_0 = 0)', () => {
    const rows = perStep(schedule('steps: 50\nmomentum: { preset: adam-m, beta1: 0.9 }\n'));
    for (let t = 1; t <= 50; t++) expect(rows[t]).toEqual({ u1: 0.9, v1: 1 - 0.9, c1: 1 / (1 - Math.pow(0.9, t)) });
  });

  it('lr is a column when the schedule has one, and part of what --runs compares', () => {
    const s = schedule('steps: 10\nstages: 2\nlr: 0.1\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n');
    expect(appliedColumns(s).names).toEqual(['u', 'v', 'lr']);
    s.lr![1] = 0.05;
    expect([...coefficientRuns(s)].map(({ firstStage, lastStage, startStep, endStep }) => [firstStage, lastStage, startStep, endStep])).toEqual([
      [0, 0, 1, 5],
      [1, 1, 6, 10],
    ]);
  });

  it('--runs: the copy step is its own run only where it changes a value; equal stages merge (NaN equals NaN)', () => {
    const runs = (yaml: string) => [...coefficientRuns(schedule(yaml))].map(({ firstStage, lastStage, startStep, endStep }) => [firstStage, lastStage, startStep, endStep]);
    expect(runs('steps: 10\nstages: 2\nmomentum: { preset: pytorch-sgd, dampening: 0.5 }\n')).toEqual([
      [0, 0, 1, 1],
      [0, 1, 2, 10],
    ]);
    expect(runs('steps: 10\nstages: 2\nmomentum: { preset: pytorch-sgd }\n')).toEqual([[0, 1, 1, 10]]);
    expect(runs('steps: 6\nstages: 3\nmomentum: { preset: rational, b: [[1, 1], [0.5], [0.5]], a: [[1], [1], [1]] }\n')).toEqual([
      [0, 0, 1, 2],
      [1, 2, 3, 6],
    ]);
  });

  it('the command prints the applied rows: step 1 of a dampened SGD has v = 1, and --runs splits it off', async () => {
    const input = 'name: s\nsteps: 3\nlr: 0.1\nmomentum: { preset: pytorch-sgd, dampening: 0.5 }\n';
    const r = await runCli(['coefficients', '-'], { input });
    expect(r.stdout).toBe('schedule,step,stage,u,v,lr\ns,1,0,0.9,1,0.1\ns,2,0,0.9,0.5,0.1\ns,3,0,0.9,0.5,0.1\n');
    const runs = await runCli(['coefficients', '-', '--runs', '--format', 'json'], { input });
    expect(JSON.parse(runs.stdout).schedules[0].runs).toEqual([
      { firstStage: 0, lastStage: 0, startStep: 1, endStep: 1, u: 0.9, v: 1, lr: 0.1 },
      { firstStage: 0, lastStage: 0, startStep: 2, endStep: 3, u: 0.9, v: 0.5, lr: 0.1 },
    ]);
  });
});
