import { describe, expect, it } from 'vitest';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { formatIssue } from '../../src/schedule/issues.js';
import { BufferedRuns, MomentumBuffer } from '../../src/schedule/momentum-buffer.js';
import { ColumnRuns } from '../../src/schedule/resolve-arena.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';

const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));
const only = (text: string): Schedule => {
  const { schedules, issues } = parseSchedules(text);
  expect(issues).toEqual([]);
  return schedules[0];
};

type C = [number, number];
const add = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const scale = (k: number, a: C): C => [k * a[0], k * a[1]];

/**
 * torch.optim.SGD's loop as sgd.py writes it (`if momentum != 0: if buf is None: buf = clone(g) else:
 * buf = μ·buf + (1 − τ)·g; d = g + μ·buf if nesterov else buf`), on g_t = e^{jωt}: d_T·e^{−jωT}, the
 * exact response at step T. The brute-force reference, written from torch's source, not from momentum-fr.
 */
function torchSgd(mu: (t: number) => number, tau: number, nesterov: boolean, omega: number, T: number): C {
  let buf: C | null = null;
  let d: C = [0, 0];
  for (let t = 1; t <= T; t++) {
    const g: C = [Math.cos(omega * t), Math.sin(omega * t)];
    const m = mu(t);
    d = g;
    if (m !== 0) {
      buf = buf === null ? g : add(scale(m, buf), scale(1 - tau, g));
      d = nesterov ? add(g, scale(m, buf)) : buf;
    }
  }
  return [d[0] * Math.cos(omega * T) + d[1] * Math.sin(omega * T), d[1] * Math.cos(omega * T) - d[0] * Math.sin(omega * T)];
}

describe('torch creates the momentum buffer at the first step with momentum ≠ 0 (a copy of g), not at step 1', () => {
  const OMEGA = [0, 0.1, 0.5, 1.3, Math.PI];
  const STEPS = [1, 9, 10, 11, 12, 40];
  const mu = (t: number) => (t < 10 ? 0 : 0.9);

  it.each([
    ['pytorch-sgd', false],
    ['nesterov', true],
  ] as const)('%s with momentum 0 for steps 1–9 then 0.9: the exact response matches torch\'s loop within 1e-13 relative at every ω', (preset, nesterov) => {
    const dampening = nesterov ? 0 : 0.3;
    const s = only(`steps: 40\nmomentum:\n  preset: ${preset}\n  dampening: ${dampening}\n  momentum: { piecewise: [{ from: 1, value: 0 }, { from: 10, value: 0.9 }] }\n`);
    const responses = exactResponseAt(s, Float64Array.from(OMEGA), STEPS);
    STEPS.forEach((T, i) => OMEGA.forEach((w, f) => {
      const ref = torchSgd(mu, dampening, nesterov, w, T);
      const h = responses[i];
      const ours: C = [h.magnitude[f] * Math.cos(h.phase[f]), h.magnitude[f] * Math.sin(h.phase[f])];
      expect(Math.hypot(ours[0] - ref[0], ours[1] - ref[1]) / Math.hypot(...ref), `step ${T}, ω = ${w}`).toBeLessThanOrEqual(1e-13);
    }));
  });

  it('the copy is a stage of its own: u = 0, v = 1 at step 10, then u = μ, v = 1 − dampening', () => {
    const s = only('steps: 40\nmomentum:\n  preset: pytorch-sgd\n  dampening: 0.3\n  momentum: { piecewise: [{ from: 1, value: 0 }, { from: 10, value: 0.9 }] }\n');
    const { count, startStep, endStep, u, v } = s.stages;
    expect(Array.from({ length: count }, (_, k) => [startStep[k], endStep[k], u[k], v[k]])).toEqual([
      [1, 9, 0, 1],
      [10, 10, 0, 1],
      [11, 40, 0.9, 1 - 0.3],
    ]);
    expect(s.firstStepCopy).toBe(true);
  });

  it('with explicit stages the copy splits the stage it falls in; the response still matches torch\'s loop', () => {
    const s = only('steps: 40\nstages: 4\nmomentum:\n  preset: pytorch-sgd\n  dampening: 0.3\n  momentum: [0, 0.9, 0.9, 0.9]\n');
    expect([...s.stages.startStep]).toEqual([1, 11, 12, 21, 31]);
    expect([...s.stages.u]).toEqual([0, 0, 0.9, 0.9, 0.9]);
    const stepMu = (t: number) => (t <= 10 ? 0 : 0.9);
    const [h] = exactResponseAt(s, Float64Array.of(0.7), [40]);
    const ref = torchSgd(stepMu, 0.3, false, 0.7, 40);
    const ours: C = [h.magnitude[0] * Math.cos(h.phase[0]), h.magnitude[0] * Math.sin(h.phase[0])];
    expect(Math.hypot(ours[0] - ref[0], ours[1] - ref[1]) / Math.hypot(...ref)).toBeLessThanOrEqual(1e-13);
  });

  it('a momentum that is never 0 gives the same stages as before: the copy stays step 1\'s firstStepCopy', () => {
    const s = only('steps: 20\nmomentum:\n  preset: pytorch-sgd\n  momentum: { piecewise: [{ from: 1, value: 0.5 }, { from: 10, value: 0.9 }] }\n');
    expect([...s.stages.startStep]).toEqual([1, 10]);
    expect([...s.stages.u]).toEqual([0.5, 0.9]);
  });

  it('a momentum back at 0 after the buffer exists is an issue at the parameter, naming both steps (torch keeps the old buffer)', () => {
    expect(messages('steps: 30\nmomentum:\n  preset: pytorch-sgd\n  momentum: { piecewise: [{ from: 1, value: 0.9 }, { from: 10, value: 0 }, { from: 20, value: 0.9 }] }\n')).toEqual([
      'x.yaml:4:13: momentum.momentum: is 0 at step 10, after torch created its momentum buffer at step 1: torch then keeps that buffer unchanged and resumes from it, which no momentum filter expresses; keep it above 0 from step 1 on',
    ]);
    expect(messages('steps: 30\nmomentum:\n  preset: nesterov\n  momentum: "t == 1 or t == 5 ? 0 : 0.9"\n')[0]).toMatch(/^x\.yaml:4:13: momentum\.momentum: is 0 at step 5, after torch created its momentum buffer at step 2:/);
  });

  it('a negative scheduled momentum is still refused, located by steps', () => {
    expect(messages('steps: 10\nmomentum:\n  preset: pytorch-sgd\n  momentum: "t < 3 ? -0.1 : 0.9"\n')).toEqual([
      'x.yaml:4:13: momentum.momentum: must be ≥ 0 (torch.optim.SGD raises "Invalid momentum value") at steps 1–2 (got -0.1 at step 1)',
    ]);
  });
});

describe('MomentumBuffer', () => {
  it('reports the first run with momentum ≠ 0 as the copy step, once', () => {
    const b = new MomentumBuffer();
    expect([b.visit(1, 0), b.visit(4, 0.5), b.visit(7, 0.9)]).toEqual([0, 4, 0]);
    expect(b.issue(['m'])).toBeUndefined();
    b.visit(9, 0);
    expect(b.issue(['m'])?.message).toMatch(/^is 0 at step 9, after torch created its momentum buffer at step 4/);
  });
});

describe('BufferedRuns places the copy among the runs, for the stage walk and the per-step path alike', () => {
  const rowsOf = (runs: ColumnRuns) => Array.from({ length: runs.count }, (_, r) => [runs.startStep[r], runs.endStep[r], ...runs.columns.map((c) => c[r])]);

  it('momentum 0 over steps 1–4, then 0.9 over 5–9: the copy is step 5 alone (u = 0, v = 1), 6–9 a stage of their own, runs after it merge again', () => {
    const placed = new BufferedRuns(new ColumnRuns(2, 1), new MomentumBuffer(), 0);
    placed.add(1, 4, true, Float64Array.of(0, 1), 0);
    placed.add(5, 9, false, Float64Array.of(0.9, 1), 0.9);
    placed.add(10, 12, false, Float64Array.of(0.9, 1), 0.9);
    expect(rowsOf(placed.runs)).toEqual([[1, 4, 0, 1], [5, 5, 0, 1], [6, 12, 0.9, 1]]);
    expect(placed.copySteps).toEqual([5]);
  });

  it('a copy run of one step opens the next run (nothing merges into the copy), and a row without coefficients is left as it is (a bank\'s)', () => {
    const placed = new BufferedRuns(new ColumnRuns(1, 1), new MomentumBuffer(), undefined);
    placed.add(1, 2, true, Float64Array.of(0), 0);
    placed.add(3, 3, false, Float64Array.of(0.5), 0.5);
    placed.add(4, 6, false, Float64Array.of(0.5), 0.5);
    expect(rowsOf(placed.runs)).toEqual([[1, 2, 0], [3, 3, 0.5], [4, 6, 0.5]]);
    expect(placed.copySteps).toEqual([3]);
  });

  it('a buffer created at step 1 is the firstStepCopy flag\'s, and without a buffer the runs merge as ColumnRuns does', () => {
    const atOne = new BufferedRuns(new ColumnRuns(2, 1), new MomentumBuffer(), 0);
    atOne.add(1, 3, true, Float64Array.of(0.9, 1), 0.9);
    atOne.add(4, 6, false, Float64Array.of(0.9, 1), 0.9);
    expect(rowsOf(atOne.runs)).toEqual([[1, 6, 0.9, 1]]);
    expect(atOne.copySteps).toEqual([]);
    const none = new BufferedRuns(new ColumnRuns(2, 1), undefined, 0);
    none.add(1, 3, true, Float64Array.of(0, 1), 0);
    none.add(4, 6, false, Float64Array.of(0.9, 1), 0.9);
    expect(rowsOf(none.runs)).toEqual([[1, 3, 0, 1], [4, 6, 0.9, 1]]);
  });
});
