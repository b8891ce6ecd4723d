import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { resolveSchedule } from '../../src/schedule/resolve.js';
import { resolveArena, ValueMemo, valuesOf, type ResolveArena } from '../../src/schedule/resolve-arena.js';
import type { Schedule } from '../../src/types.js';
import { TORCH_SCHEDULER_CASES } from '../support/torch-schedulers.js';

const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));
const only = (text: string): Schedule => {
  const { schedules, issues } = parseSchedules(text);
  expect(issues).toEqual([]);
  return schedules[0];
};

/** Per-step values the test computes itself: value(t) for t = 1 … steps. */
function perStep(steps: number, value: (t: number) => number): number[] {
  return Array.from({ length: steps }, (_, i) => value(i + 1));
}

/** A stage table expanded back to one value per step. */
function expanded(schedule: Schedule, column: Float64Array): number[] {
  const out: number[] = [];
  const { startStep, endStep, count } = schedule.stages;
  for (let k = 0; k < count; k++) for (let t = startStep[k]; t <= endStep[k]; t++) out.push(column[k]);
  return out;
}

/** m_T's response to a constant gradient (ω = 0) by the recursion itself: m_t = u_t·m_{t−1} + v_t. */
function dcByRecursion(u: number[], v: number[]): number {
  let m = 0;
  for (let i = 0; i < u.length; i++) m = u[i] * m + v[i];
  return m;
}

describe('values that read the step are evaluated per step without stages (issue 13: the silently-constant schedule)', () => {
  const ISSUE = 'steps: 1000\nmomentum:\n  u: "min(0.5 + 0.4*(t-1)/500, 0.9)"\n';
  const u = (t: number) => Math.min(0.5 + (0.4 * (t - 1)) / 500, 0.9);

  it('the issue\'s u = min(0.5 + 0.4(t−1)/500, 0.9) rises every step and holds 0.9 from step 501: 500 stages then one for the tail', () => {
    const schedule = only(ISSUE);
    expect(expanded(schedule, schedule.stages.u)).toEqual(perStep(1000, u));
    expect(schedule.stages.count).toBe(501);
    expect([schedule.stages.startStep[500], schedule.stages.endStep[500], schedule.stages.u[500]]).toEqual([501, 1000, 0.9]);
  });

  it('|H(0)| at the end is 10 (= 1/(1 − 0.9)), not 2: frozen by the closed form, exact by the recursion', () => {
    const result = analyze(ISSUE, { frequencies: new Float64Array([0]), stages: 'last', mode: 'both', atSteps: [1000] });
    const [s] = result.schedules;
    expect(s.stages[0].response!.magnitude[0]).toBeCloseTo(1 / (1 - 0.9), 12);
    const exact = dcByRecursion(perStep(1000, u), perStep(1000, () => 1));
    expect(Math.abs(s.atSteps![0].responseExact.magnitude[0] - exact)).toBeLessThan(1e-12 * exact);
    expect(exact).toBeCloseTo(10, 12);
  });

  it('validate says nothing about it, and warns for t under an explicit stages: 1', () => {
    expect(parseSchedules(ISSUE).warnings).toEqual([]);
    const single = parseSchedules('steps: 1000\nstages: 1\nmomentum:\n  u: "min(0.5 + 0.4*(t-1)/500, 0.9)"\n');
    expect(single.warnings.map((w) => [w.code, w.path.join('.'), w.message])).toEqual([
      ['constant_expression', 'momentum.u', 'uses t but stages: 1 makes a single stage, so it is evaluated once (at step 1) and is constant; remove stages to evaluate it at every step'],
    ]);
    expect(single.schedules[0].stages.u[0]).toBe(0.5);
  });

  it('explicit partitions keep per-stage evaluation: stages: 4 evaluates at each stage start, no merging', () => {
    const s = only('steps: 100\nstages: 4\nmomentum:\n  u: "t < 1000 ? 0.5 : 0.9"\n');
    expect([...s.stages.u]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect([...s.stages.startStep]).toEqual([1, 26, 51, 76]);
  });

  it('per step, k = t − 1, N = T, delta = 1 (a note says so), and v may read u of the same step', () => {
    const { schedules, warnings } = parseSchedules('steps: 6\nmomentum:\n  u: "p / 2"\n  v: "1 - u + 0*k"\n');
    expect(expanded(schedules[0], schedules[0].stages.u)).toEqual(perStep(6, (t) => t / 6 / 2));
    expect(expanded(schedules[0], schedules[0].stages.v)).toEqual(perStep(6, (t) => 1 - t / 6 / 2));
    expect(warnings.map((w) => [w.severity, w.code, w.path.join('.')])).toEqual([['note', 'per_step_variables', 'momentum.v']]);
    const ks = only('steps: 4\nmomentum:\n  u: "t / 100"\n  v: "k * 1000 + N * 10 + delta"\n');
    expect(expanded(ks, ks.stages.v)).toEqual([41, 1041, 2041, 3041]);
  });

  it('an expression of k alone, without stages, stays one stage (k = 0): only t and p make values per step', () => {
    expect(only('steps: 50\nmomentum:\n  u: "0.5 + k"\n').stages.count).toBe(1);
  });

  it('piecewise without stages applies each segment from its own step (it applied the last one everywhere)', () => {
    const s = only('steps: 12\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0 }, { from: 5, value: 0.9 }, { from: 9, value: "t / 100" } ] }\n');
    expect(expanded(s, s.stages.u)).toEqual(perStep(12, (t) => (t < 5 ? 0 : t < 9 ? 0.9 : t / 100)));
    expect([...s.stages.startStep]).toEqual([1, 5, 9, 10, 11, 12]);
  });

  it('constant segments cost one stage each however long the run: 10¹² steps in three iterations', () => {
    const s = only('steps: 1000000000000\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0.5 }, { from: 1000, value: 0.9 }, { from: 500000000000, value: 0.5 } ] }\n');
    expect([...s.stages.startStep]).toEqual([1, 1000, 500000000000]);
    expect([...s.stages.endStep]).toEqual([999, 499999999999, 1e12]);
  });

  it('equal consecutive values merge into one stage: a step function of t gives one stage per step of the function', () => {
    const s = only('steps: 1000\nmomentum:\n  u: "floor((t - 1) / 250) / 10"\n');
    expect([...s.stages.startStep]).toEqual([1, 251, 501, 751]);
    expect([...s.stages.u]).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('paper-*-increasing without stages is per step: u_t = t/(t + μ) at every step', () => {
    const s = only('steps: 20\nmomentum: { preset: paper-orthodox-low-pass-increasing, mu: 10 }\n');
    expect(expanded(s, s.stages.u)).toEqual(perStep(20, (t) => t / (t + 10)));
  });

  it('a value evaluated at every step over more than 10⁷ steps is refused before allocation, naming it', () => {
    expect(messages('steps: 1000000000\nmomentum:\n  u: 0.5\n  v: "1 - p/2"\n')).toEqual([
      'x.yaml:4:6: momentum.v: is evaluated at every step (it reads the step and no stages or stageLength is given): at most 10000000 steps (got 1000000000); give stages or stageLength',
    ]);
  });

  it('a per-stage list needs stages or stageLength', () => {
    expect(messages('steps: 10\nmomentum:\n  u: [0.5, 0.6]\n')).toEqual(['x.yaml:3:6: momentum.u: a per-stage list needs stages or stageLength']);
  });

  it('an expression that fails per step names the step', () => {
    expect(messages('steps: 10\nmomentum:\n  u: "round(0.5, t + 20)"\n')[0]).toMatch(/^x\.yaml:3:6: momentum\.u: expression .* at step 1$/);
  });
});

describe('lr: the learning rate as a value', () => {
  it('an expression of t without stages is per step; stages split where it changes (u stays one recursion)', () => {
    const s = only('steps: 10\nlr: "t <= 4 ? 0.1 * t / 4 : 0.1"\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
    expect(expanded(s, s.lr!)).toEqual(perStep(10, (t) => (t <= 4 ? (0.1 * t) / 4 : 0.1)));
    // Steps 4 … 10 all have lr 0.1: one stage.
    expect([...s.stages.startStep]).toEqual([1, 2, 3, 4]);
    expect([...s.stages.u]).toEqual([0.9, 0.9, 0.9, 0.9]);
  });

  it('with stages, lr is evaluated at each stage start like any value', () => {
    const s = only('steps: 10\nstages: 2\nlr: "0.1 / t"\nmomentum: { u: 0.9 }\n');
    expect([...s.lr!]).toEqual([0.1, 0.1 / 6]);
  });

  it('piecewise lr splits a filter bank\'s stages and copies their rows (nesterov)', () => {
    const s = only('steps: 30\nlr: { piecewise: [ { from: 1, value: 0.01 }, { from: 11, value: 0.1 } ] }\nmomentum: { preset: nesterov, momentum: 0.9 }\n');
    expect([...s.stages.startStep]).toEqual([1, 11]);
    expect([...s.lr!]).toEqual([0.01, 0.1]);
    if (s.filter.kind !== 'bank') throw new Error('expected a bank');
    expect([...s.filter.bank.c0, ...s.filter.bank.c, ...s.filter.bank.u]).toEqual([1, 1, 0.9, 0.9, 0.9, 0.9]);
  });

  it('lr per step over FSGDM keeps the preset\'s segments as hard boundaries', () => {
    const s = only('steps: 20\nstages: 4\nlr: { piecewise: [ { from: 1, value: 1 }, { from: 8, value: 2 } ] }\nmomentum: { preset: fsgdm, c: 0.1 }\n');
    // stage mode (explicit stages): δ = 5, segments start at 1, 5, 10, 15, 20; lr per segment by its last step.
    expect([...s.stages.startStep]).toEqual([1, 5, 10, 15, 20]);
    expect([...s.lr!]).toEqual([1, 2, 2, 2, 2]);
    // Without stages (N = 300 by default, δ = 2: segments 1, 2–3, 4–5, 6–7, …): lr per step splits 6–7 at step 7.
    const perStepLr = only('steps: 600\nlr: "t < 7 ? 1 : 2"\nmomentum: { preset: fsgdm, c: 0.1 }\n');
    expect([...perStepLr.stages.startStep.subarray(0, 7)]).toEqual([1, 2, 4, 6, 7, 8, 10]);
    expect([...perStepLr.lr!.subarray(0, 7)]).toEqual([1, 1, 1, 1, 2, 2, 2]);
    expect([...perStepLr.stages.u.subarray(3, 5)]).toEqual([6 / (6 + 60), 6 / (6 + 60)]);
    expect(perStepLr.stages.count).toBe(302);
  });

  it('a negative lr is located by its steps', () => {
    expect(messages('steps: 1000\nlr: "t > 300 and t <= 305 ? -0.1 : 0.1"\nmomentum: { u: 0.9 }\n')).toEqual([
      'x.yaml:2:5: lr: must be ≥ 0 at steps 301–305 (got -0.1 at step 301)',
    ]);
    expect(messages('steps: 10\nlr: -1\nmomentum: { u: 0.9 }\n')).toEqual(['x.yaml:2:5: lr: must be ≥ 0 (got -1)']);
  });

  it('a constant lr over a schedule of 10¹² steps is one stage', () => {
    expect(only('steps: 1000000000000\nlr: 0.1\nmomentum: { u: 0.9 }\n').stages.count).toBe(1);
  });
});

describe('scheduled preset parameters: every step uses the parameter\'s current value, as torch reads its param_group', () => {
  const bankOf = (s: Schedule) => {
    if (s.filter.kind !== 'bank') throw new Error('expected a bank');
    return s.filter.bank;
  };

  it('ema-sgdm with β an expression of t: u = β_t, v = 1 − β_t at every step', () => {
    const s = only('steps: 50\nmomentum: { preset: ema-sgdm, beta: "0.5 + 0.4 * min(t, 20) / 20" }\n');
    const beta = (t: number) => 0.5 + (0.4 * Math.min(t, 20)) / 20;
    expect(expanded(s, s.stages.u)).toEqual(perStep(50, beta));
    expect(expanded(s, s.stages.v)).toEqual(perStep(50, (t) => 1 - beta(t)));
    expect(s.stages.count).toBe(20);
  });

  it('adam-m with a cycled β1: c_t = 1/(1 − β1_t^t) with the current β1 (torch\'s 1 − beta1 ** step), u = β1_t, v = 1 − β1_t', () => {
    const s = only('steps: 40\nmomentum: { preset: adam-m, beta1: "0.95 - 0.1 * abs(((t - 1) % 20) - 10) / 10" }\n');
    const beta = (t: number) => 0.95 - (0.1 * Math.abs(((t - 1) % 20) - 10)) / 10;
    const bank = bankOf(s);
    expect([...bank.u]).toEqual(perStep(40, beta));
    expect([...bank.v]).toEqual(perStep(40, (t) => 1 - beta(t)));
    expect([...bank.c]).toEqual(perStep(40, (t) => 1 / (1 - Math.pow(beta(t), t))));
  });

  it('nadam with a scheduled β1: μ_t and μ_{t+1} from the current β1, P_t their running product (torch\'s _single_tensor_nadam)', () => {
    const s = only('steps: 30\nmomentum: { preset: nadam, beta1: { piecewise: [ { from: 1, value: 0.8 }, { from: 11, value: 0.9 } ] } }\n');
    const bank = bankOf(s);
    let product = 1;
    for (let t = 1; t <= 30; t++) {
      const b = t < 11 ? 0.8 : 0.9;
      const mu = b * (1 - 0.5 * Math.pow(0.96, t * 0.004));
      const next = b * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
      product *= mu;
      expect([bank.c0[t - 1], bank.c[t - 1], bank.u[t - 1]]).toEqual([(1 - mu) / (1 - product), next / (1 - product * next), b]);
    }
  });

  it('nesterov with a momentum warm-up (YOLO-style 0.8 → 0.937 over 100 steps): c = u = μ_t, a stage per step of the ramp then one', () => {
    const s = only('steps: 300\nmomentum: { preset: nesterov, momentum: "t <= 100 ? 0.8 + (0.937 - 0.8) * (t - 1) / 100 : 0.937" }\n');
    const mu = (t: number) => (t <= 100 ? 0.8 + ((0.937 - 0.8) * (t - 1)) / 100 : 0.937);
    const bank = bankOf(s);
    expect(expanded(s, bank.u)).toEqual(perStep(300, mu));
    expect(expanded(s, bank.c)).toEqual(perStep(300, mu));
    expect(s.stages.count).toBe(101);
  });

  it('pytorch-sgd with momentum and dampening scheduled per stage', () => {
    const s = only('steps: 30\nstages: 3\nmomentum: { preset: pytorch-sgd, momentum: [0.5, 0.9, 0.99], dampening: "k / 10" }\n');
    expect([...s.stages.u]).toEqual([0.5, 0.9, 0.99]);
    expect([...s.stages.v]).toEqual([1, 0.9, 0.8]);
  });

  it('each step\'s value is checked against the parameter\'s bounds, located by steps; a plain number as before', () => {
    expect(messages('steps: 1000\nmomentum:\n  preset: adam-m\n  beta1: "t > 300 and t <= 305 ? 1.02 : 0.9"\n')).toEqual([
      'x.yaml:4:10: momentum.beta1: must be < 1 at steps 301–305 (got 1.02 at step 301)',
    ]);
    expect(messages('steps: 10\nmomentum: { preset: adam-m, beta1: 1 }\n')[0]).toMatch(/^x\.yaml:2:36: momentum\.beta1: /);
    expect(messages('steps: 100\nmomentum:\n  preset: pytorch-sgd\n  momentum: "t < 10 ? -0.5 : 0.9"\n')).toEqual([
      'x.yaml:4:13: momentum.momentum: must be ≥ 0 (torch.optim.SGD raises "Invalid momentum value") at steps 1–9 (got -0.5 at step 1)',
    ]);
    // The same bound on a plain number, at the value (ema-sgdm's β as adam-m's β1).
    expect(messages('steps: 100\nmomentum: { preset: pytorch-sgd, momentum: -0.5 }\n')).toEqual(['x.yaml:2:44: momentum.momentum: must be ≥ 0 (torch.optim.SGD raises "Invalid momentum value") (got -0.5)']);
    expect(messages('steps: 100\nmomentum: { preset: ema-sgdm, beta: 2 }\n')).toEqual(['x.yaml:2:37: momentum.beta: must be < 1 (got 2)']);
  });
});

describe('schedulers as values: lr and cycle_momentum as torch steps them (test/fixtures/torch/schedulers.json)', () => {
  const cases = TORCH_SCHEDULER_CASES.filter((c) => c.at === undefined && c.raises === undefined && c.value !== undefined);
  const close = (got: number[], want: number[]) => {
    expect(got).toHaveLength(want.length);
    for (let i = 0; i < want.length; i++) if (!(Math.abs(got[i] - want[i]) <= 1e-15 * Math.max(1, Math.abs(want[i])))) throw new Error(`step ${i + 1}: ${got[i]} vs torch ${want[i]}`);
  };

  it.each(cases.map((c) => [c.name, c] as const))('%s: a config\'s per-step lr (and momentum, written to the preset) equal torch\'s', (_name, c) => {
    const preset = c.optimizer === 'adam' ? 'adam-m' : 'pytorch-sgd';
    const s = only(JSON.stringify({ steps: c.steps, lr: c.spec, momentum: { preset } }));
    close(expanded(s, s.lr!), c.value!);
    if (c.momentum) {
      const u = s.filter.kind === 'bank' ? s.filter.bank.u : s.stages.u;
      close(expanded(s, u), c.momentum);
    }
  });

  it('the issue\'s OneCycleLR run: momentum |H(1000, 0)| = 19.86 by the recursion over torch\'s momentum, and the lr at step 1000 is max_lr/250 000', () => {
    const c = TORCH_SCHEDULER_CASES.find((x) => x.name.startsWith('OneCycleLR defaults'))!;
    const text = 'steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd }\n';
    const result = analyze(text, { frequencies: new Float64Array([0]), atSteps: [1000] });
    // torch's SGD: buf_1 = g_1, then buf_t = μ_t·buf_{t−1} + g_t (dampening 0).
    const mu = c.momentum!;
    const exact = dcByRecursion([0, ...mu.slice(1)], mu.map(() => 1));
    expect(Math.abs(result.schedules[0].atSteps![0].responseExact.magnitude[0] - exact)).toBeLessThan(1e-12 * exact);
    expect(exact).toBeCloseTo(19.86, 2);
    const s = only(text);
    expect(s.lr![s.stages.count - 1]).toBeCloseTo(0.1 / 250_000, 18);
  });

  it('with stages, a scheduler stays per step and splits the stages it crosses', () => {
    const s = only('steps: 20\nstages: 2\nlr: { scheduler: StepLR, step_size: 5, gamma: 0.5, base: 0.1 }\nmomentum: { u: 0.9 }\n');
    expect([...s.stages.startStep]).toEqual([1, 6, 11, 16]);
    expect([...s.lr!]).toEqual([0.1, 0.05, 0.025, 0.0125]);
  });

  it('torch\'s errors and the grammar\'s are located at the value', () => {
    expect(messages('steps: 101\nlr: { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 100 }\nmomentum: { preset: pytorch-sgd }\n')[0]).toMatch(/^x\.yaml:2:\d+: lr\.total_steps: OneCycleLR's cycle has 100 steps/);
    expect(messages('steps: 10\nlr: { scheduler: OneCycle, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd }\n')[0]).toMatch(/^x\.yaml:2:\d+: lr\.scheduler: unknown scheduler.*OneCycleLR/);
    expect(messages('steps: 100\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: fsgdm }\n')).toEqual([
      'x.yaml:2:5: lr: OneCycleLR cycles momentum by default but fsgdm has no momentum parameter (torch raises ValueError): set cycle_momentum: false',
    ]);
    expect(messages('steps: 100\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: "0.9 - t/1000" }\n')).toEqual([
      'x.yaml:3:44: momentum.momentum: OneCycleLR cycles momentum (cycle_momentum) and momentum is also a schedule: give one',
    ]);
    expect(messages('steps: 100\nmomentum: { u: { scheduler: OneCycleLR, max_lr: 0.9 } }\n')[0]).toMatch(/^x\.yaml:2:\d+: momentum\.u\.cycle_momentum: OneCycleLR cycles the optimizer's momentum only as the learning rate's scheduler/);
    expect(only('steps: 100\nstages: 10\nlr: { scheduler: OneCycleLR, max_lr: 0.1, cycle_momentum: false }\nmomentum: { preset: fsgdm, c: 0.1 }\n').lr).toBeDefined();
  });
});

describe('validate accepts everything correct and warns about nothing in it', () => {
  it('every config in configs/ and every complete YAML example in docs/ resolves with no issue and no warning', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
    const texts: [string, string][] = files('configs').map((f) => [f, readFileSync(f, 'utf8')]);
    for (const doc of readdirSync('docs').filter((f) => f.endsWith('.md'))) {
      for (const [, block] of readFileSync(join('docs', doc), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)) if (/^steps:/m.test(block) && /^momentum:/m.test(block)) texts.push([doc, block]);
    }
    expect(texts.length).toBeGreaterThan(20);
    const { tableReader } = await import('../../src/io/read-table.js');
    for (const [where, text] of texts) {
      // A docs block's tables are docs/examples' (own-run.md shows docs/examples/own-schedule.yaml).
      const { issues, warnings } = parseSchedules(text, { readTable: tableReader(where.endsWith('.md') ? join('docs', 'examples', where) : where, process.cwd()) });
      expect(issues, where).toEqual([]);
      expect(warnings.filter((w) => w.severity === 'warning'), where).toEqual([]);
    }
  });
});

describe('a sweep\'s arena keeps what a point does not change (issue 14: the lr re-evaluated at every point)', () => {
  /** An arena whose compiled expressions count their evaluations, per source text. */
  function countingArena() {
    const base = resolveArena(new ValueMemo());
    const evaluations = new Map<string, number>();
    const arena: ResolveArena = {
      ...base,
      expression(source, variables) {
        const f = base.expression(source, variables);
        return { variables: f.variables, evaluate: (scope) => (evaluations.set(source, (evaluations.get(source) ?? 0) + 1), f.evaluate(scope)) };
      },
    };
    return { arena, evaluations };
  }

  const LR = '0.1 * min(t, 50) / 50';
  const config = (fp1: number, lr = LR) => {
    const { configs, issues } = parseSchedules(`steps: 500\nlr: "${lr}"\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 40], fp: [0.8, ${fp1}] }\n`);
    expect(issues).toEqual([]);
    return configs[0];
  };

  it('a per-step lr expression is evaluated at its 500 steps once over five points of a swept momentum, and again when its text changes', () => {
    const { arena, evaluations } = countingArena();
    for (const fp1 of [0.9, 0.91, 0.92, 0.93, 0.94]) {
      const fresh = resolveSchedule(config(fp1));
      const kept = resolveSchedule(config(fp1), { arena });
      expect(kept.issues).toEqual([]);
      expect([...kept.schedule!.lr!], `lr at fp[1] = ${fp1}`).toEqual([...fresh.schedule!.lr!]);
      expect([...kept.schedule!.stages.u], `u at fp[1] = ${fp1}`).toEqual([...fresh.schedule!.stages.u]);
      // u at the end of the warm-up is the swept value: the momentum was resolved again.
      expect(kept.schedule!.stages.u[kept.schedule!.stages.count - 1]).toBe(fp1);
    }
    expect(evaluations.get(LR)).toBe(500);
    resolveSchedule(config(0.9, '0.2 * min(t, 50) / 50'), { arena });
    expect(evaluations.get('0.2 * min(t, 50) / 50')).toBe(500);
  });

  it('a parse that keeps its values (a sweep\'s, tune\'s) hands them to the resolves of the same config: its lr is not evaluated again', () => {
    const { configs, issues } = parseSchedules(`steps: 500\nlr: "${LR}"\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 40], fp: [0.8, 0.9] }\n`, { keepValues: true });
    expect(issues).toEqual([]);
    const base = resolveArena(valuesOf(configs[0]));
    let evaluations = 0;
    const arena: ResolveArena = { ...base, expression: (source, variables) => {
      const f = base.expression(source, variables);
      return { variables: f.variables, evaluate: (scope) => (evaluations++, f.evaluate(scope)) };
    } };
    const kept = resolveSchedule(configs[0], { arena });
    expect(evaluations).toBe(0);
    expect([...kept.schedule!.lr!]).toEqual([...resolveSchedule(configs[0]).schedule!.lr!]);
  });

  it('an expression that fails at some step is not kept: every resolve reports it as a fresh resolve does', () => {
    const { arena } = countingArena();
    const failing = { ...config(0.9), lr: 't < 7 ? 0.1 : round(0.1, t + 20)' };
    const want = resolveSchedule(failing).issues;
    expect(want.map((i) => i.message)).toEqual([expect.stringMatching(/function round must be an integer/)]);
    for (let i = 0; i < 2; i++) expect(resolveSchedule(failing, { arena }).issues).toEqual(want);
  });
});
