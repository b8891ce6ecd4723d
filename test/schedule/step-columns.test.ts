import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { compileExpression, mathEngine } from '../../src/schedule/expression.js';
import type { CompiledValue } from '../../src/schedule/schedule-value.js';
import { STAGE_VARIABLES } from '../../src/schedule/stage-context.js';
import { stepColumns, stepRuns } from '../../src/schedule/step-columns.js';
import { balancedPartition, type Partition } from '../../src/schedule/stages.js';

/** Runs by brute force: step t opens a run when a hard stage starts there or any column's value changes (Object.is). */
function bruteRuns(columns: Float64Array[], hard: Partition, steps: number): [number, number][] {
  const starts = new Set(hard.startStep);
  const runs: [number, number][] = [];
  for (let t = 1; t <= steps; t++) {
    const opens = t === 1 || starts.has(t) || columns.some((c) => !Object.is(c[t - 1], c[t - 2]));
    if (opens) runs.push([t, t]);
    else runs[runs.length - 1][1] = t;
  }
  return runs;
}

describe('stepRuns: runs of equal per-step values within a hard partition', () => {
  it('equals the brute-force runs for random columns and partitions (NaN ≡ NaN, −0 ≠ 0)', () => {
    const value = fc.constantFrom(0, -0, 0.5, Number.NaN, 1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), fc.infiniteStream(value), (steps, width, stages, values) => {
        const columns = Array.from({ length: width }, () => Float64Array.from({ length: steps }, () => values.next().value));
        const hard = balancedPartition(steps, Math.min(stages, steps));
        const runs = stepRuns(columns, hard, steps);
        const got = Array.from({ length: runs.count }, (_, r) => [runs.startStep[r], runs.endStep[r]]);
        expect(got).toEqual(bruteRuns(columns, hard, steps));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the brute-force runs past its first 1024 run starts (a run at nearly every step of 5000)', () => {
    const steps = 5000;
    const columns = [Float64Array.from({ length: steps }, (_, i) => (i % 7 === 6 ? 0 : i % 2))];
    const hard = balancedPartition(steps, 3);
    const runs = stepRuns(columns, hard, steps);
    const expected = bruteRuns(columns, hard, steps);
    expect(expected.length).toBeGreaterThan(2 * 1024);
    expect(Array.from({ length: runs.count }, (_, r) => [runs.startStep[r], runs.endStep[r]])).toEqual(expected);
  });
});

describe('per-step presets: stages are the runs of equal coefficients', () => {
  it('pytorch-sgd with a dampening that changes below v’s resolution makes one stage while v = 1 − dampening stays 1', () => {
    // 1 − 1e-17·t rounds to 1 for t ≤ 5 (1e-17·t < 2⁻⁵⁴·… half an ulp of 1), to 1 − 2⁻⁵³ from t = 6 on (reference: the
    // same double arithmetic, step by step): the stages are where u, v or lr change, not where the parameter does.
    const steps = 12;
    const v = Array.from({ length: steps }, (_, i) => 1 - 1e-17 * (i + 1));
    const { schedules, issues } = parseSchedules(`steps: ${steps}\nmomentum: { preset: pytorch-sgd, momentum: 0.9, dampening: "1e-17 * t" }\n`);
    expect(issues).toEqual([]);
    const s = schedules[0];
    const starts = [1, ...v.flatMap((x, i) => (i > 0 && x !== v[i - 1] ? [i + 1] : []))];
    expect([...s.stages.startStep]).toEqual(starts);
    expect(starts.length).toBeLessThan(steps);
    for (let k = 0; k < s.stages.count; k++) expect(s.stages.v[k]).toBe(v[s.stages.startStep[k] - 1]);
  });

  it('OneCycleLR’s cycled momentum is pytorch-sgd’s u at every step, and lr its own per-step column', () => {
    const { schedules, issues } = parseSchedules('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
    expect(issues).toEqual([]);
    const s = schedules[0];
    // torch's OneCycleLR (cos, pct_start 0.3, momentum 0.95 → 0.85 → 0.95): phase ends 299 and 999 (scheduler step e = t − 1).
    const cosOut = (pct: number) => Math.cos(Math.PI * pct) + 1;
    const initial = 0.1 / 25;
    const min = initial / 1e4;
    const at = (e: number) => (e <= 299 ? { u: 0.85 + (0.95 - 0.85) / 2 * cosOut(e / 299), lr: 0.1 + (initial - 0.1) / 2 * cosOut(e / 299) } : { u: 0.95 + (0.85 - 0.95) / 2 * cosOut((e - 299) / 700), lr: min + (0.1 - min) / 2 * cosOut((e - 299) / 700) });
    expect(s.stages.count).toBe(1000);
    for (let t = 1; t <= 1000; t++) {
      expect(s.stages.u[t - 1], `u at step ${t}`).toBe(at(t - 1).u);
      expect(s.lr![t - 1], `lr at step ${t}`).toBe(at(t - 1).lr);
    }
  });
});

/** An expression of the step as a per-step stream, evaluated by compileExpression (with `engine`: mathjs alone). */
function expressionStream(source: string, engine?: ReturnType<typeof mathEngine>): CompiledValue {
  const f = compileExpression(source, new Set(STAGE_VARIABLES), engine && { parse: engine.parse });
  return { everyStep: true, readsScope: true, blocks: f.blocks, at: (_c, scope) => f.evaluate(scope), through: (c) => c.step };
}

/** mathjs alone at every step, with the variables as the cursor sets them per step: the values, or the first error and its step. */
function mathjsSteps(source: string, steps: number): { values: Float64Array } | { error: string; step: number } {
  const f = compileExpression(source, new Set(STAGE_VARIABLES), { parse: mathEngine().parse });
  const values = new Float64Array(steps);
  for (let t = 1; t <= steps; t++) {
    try {
      values[t - 1] = f.evaluate(new Map([['k', t - 1], ['N', steps], ['t', t], ['T', steps], ['p', t / steps], ['delta', 1]]));
    } catch (err) {
      return { error: (err as Error).message, step: t };
    }
  }
  return { values };
}

describe('stepColumns: arithmetic expressions over blocks of steps', () => {
  const single = (steps: number) => balancedPartition(steps, 1);

  it('gives mathjs’ value at every step for block sizes that divide the steps and ones that do not', () => {
    const sources = ['0.01 * ((1 - floor((t - 1) / 1849) / 300) * (1 - 0.01) + 0.01) * min(t - 1, 5547) / 5547', 'round(p * 7, 3) - k % 5 + cos(t / N) ^ 2', '-(t) + max(k, 3, T / 2) / delta'];
    const steps = 10_000;
    for (const source of sources) {
      const reference = mathjsSteps(source, steps);
      if (!('values' in reference)) throw new Error(`${source} fails in mathjs`);
      for (const blockSize of [1, 7, 1000, 2048, 4096, 20_000]) {
        const [column] = stepColumns([expressionStream(source)], single(steps), steps, blockSize);
        for (let i = 0; i < steps; i++) if (!Object.is(column[i], reference.values[i])) expect.fail(`${source}, blocks of ${blockSize}: step ${i + 1} gives ${column[i]}, mathjs ${reference.values[i]}`);
      }
    }
  });

  it('meets an error in the middle of a block at the step where mathjs meets it, with mathjs’ message', () => {
    // round(0.5, n) refuses n > 15: floor(t / 1000) reaches 16 at step 16000, inside a block of 2048, 3000 or 4096 steps.
    const source = '0.01 * round(0.5, floor(t / 1000))';
    const steps = 20_000;
    const reference = mathjsSteps(source, steps);
    if (!('error' in reference)) throw new Error('mathjs gives no error');
    expect(reference.step).toBe(16_000);
    for (const blockSize of [2048, 3000, 4096]) {
      expect(16_000 % blockSize, `step 16000 is inside a block of ${blockSize}`).not.toBe(0);
      const met: number[] = [];
      const stream = expressionStream(source);
      const located: CompiledValue = { ...stream, at: (c, scope) => (met.push(c.step), stream.at(c, scope)) };
      expect(() => stepColumns([located], single(steps), steps, blockSize)).toThrow(reference.error);
      expect(met.at(-1), `blocks of ${blockSize}: the failing step`).toBe(16_000);
    }
  });

  it('gives the same columns as a walk with mathjs alone beside another expression and a constant', () => {
    const steps = 5000;
    const sources = ['t / T', 't > 2500 ? 1 : 0.5', '0.9'];
    const fast = stepColumns(sources.map((s) => expressionStream(s)), single(steps), steps, 777);
    const slow = stepColumns(sources.map((s) => expressionStream(s, mathEngine())), single(steps), steps, 777);
    expect(fast).toEqual(slow);
  });
});
