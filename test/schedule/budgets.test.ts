import { describe, expect, it } from 'vitest';
import { analysisBudgets } from '../../src/analysis/analysis-budget.js';
import { analyze } from '../../src/analysis/analyze.js';
import { exactWalkSeconds } from '../../src/analysis/exact-cost.js';
import { BudgetError, budgetText, bytes, COST_NS, duration, overBudget } from '../../src/schedule/budgets.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { ScheduleConfig } from '../../src/schedule/schema.js';
import { stageTableCost } from '../../src/schedule/stage-table-cost.js';
import { welchPsd } from '../../src/spectral/welch.js';

const config = (yaml: string): ScheduleConfig => {
  const r = parseSchedules(yaml);
  expect(r.issues).toEqual([]);
  return r.configs[0];
};
const schedule = (yaml: string, allowUnstable = false) => {
  const r = parseSchedules(yaml, { allowUnstable });
  expect(r.issues).toEqual([]);
  return r.schedules[0];
};

describe('stageTableCost counts stages and bytes from the config alone, as resolveSchedule will build them', () => {
  it.each([
    // [config, stages, bytes per stage]: 32 for (u, v, start, end); a bank adds c0 + (c, u, v) per branch; rational adds b and a.
    ['steps: 100\nstageLength: 7\nmomentum: { u: 0.9 }\n', 15, 32],
    ['steps: 100\nstages: 30\nmomentum: { u: 0.9 }\n', 30, 32],
    ['steps: 100\nmomentum: { preset: ema-sgdm }\n', 1, 32],
    // fsgdm's official rule with δ = ⌊117000/30000⌋ = 3: segments 0 … 39000 (issue 11, section 6).
    ['steps: 117000\nstages: 30000\nmomentum: { preset: fsgdm }\n', 39001, 32],
    ['steps: 1000\nmomentum: { preset: adam-m }\n', 1000, 32 + 8 + 24],
    ['steps: 1000\nstages: 10\nmomentum: { preset: adam-m, biasCorrection: false }\n', 10, 32 + 8 + 24],
    ['steps: 1000\nmomentum: { preset: ademamix }\n', 1000, 32 + 8 + 48],
    ['steps: 100\nstages: 4\nmomentum: { preset: aggmo, betas: [0, 0.5, 0.9, 0.99, 0.999] }\n', 4, 32 + 8 + 5 * 24],
    // A table (like a scheduler) gives every step its value whatever the partition: a stage per step at most.
    ['steps: 6\nstages: 2\nmomentum: { u: { table: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] } }\n', 6, 32],
    ['steps: 100\nstages: 2\nmomentum: { preset: rational, b: [[0.1], [0.05, 0.01, -0.05]], a: [[1, -0.9], [2, -3.2, 1.62]] }\n', 2, 32 + 8 * (3 + 3)],
  ])('%s', (yaml, stages, perStage) => {
    const c = config(yaml);
    expect(stageTableCost(c)).toEqual({ stages, bytes: stages * perStage });
    expect(parseSchedules(yaml).schedules[0].stages.count).toBe(stages);
  });
});

describe('the stage tables of all schedules of an input share one budget', () => {
  it('parseSchedules returns one located-free issue and builds nothing when the total is over 1 GiB', () => {
    const list = Array.from({ length: 40 }, (_, i) => `  - { name: s${i}, steps: 10000000, stages: 1000000, momentum: { u: 0.9 } }`).join('\n');
    const r = parseSchedules(`schedules:\n${list}\n`);
    expect(r.schedules).toEqual([]);
    expect(r.issues).toEqual([
      {
        code: 'over_budget',
        path: [],
        message:
          '40 schedules of 4.0e7 stages in all would need 1.19 GiB of memory for stage tables, more than the budget of 1 GiB; ' +
          // stages: is set, so fewer steps would leave 4·10⁷ stages.
          'use fewer stages (stages or stageLength) or fewer schedules per run',
      },
    ]);
    expect(((40 * 1e6 * 32) / 2 ** 30).toPrecision(3)).toBe('1.19');
  });

  it('a rational schedule of 10⁶ stages with 256 + 256 coefficients is refused alone (4.1 GB of polynomials)', () => {
    const b = `[${Array.from({ length: 256 }, () => 0.001).join(', ')}]`;
    const a = `[1, ${Array.from({ length: 255 }, () => 0).join(', ')}]`;
    const r = parseSchedules(`steps: 1000000\nstages: 1000000\nmomentum: { preset: rational, b: ${b}, a: ${a} }\n`);
    expect(r.schedules).toEqual([]);
    expect(r.issues[0].message).toMatch(/^a schedule of 1\.0e6 stages would need 3\.84 GiB of memory for stage tables/);
    expect(((1e6 * (32 + 8 * 512)) / 2 ** 30).toPrecision(3)).toBe('3.84');
  });

  it('other problems of the file are still reported beside it', () => {
    const big = '  - { steps: 10000000, stages: 10000000, momentum: { u: 0.9 } }\n';
    const r = parseSchedules(`schedules:\n${big.repeat(4)}  - { steps: x, momentum: { u: 0.9 } }\n`);
    expect(r.issues.map((i) => i.code)).toEqual(['invalid_type', 'over_budget']);
  });
});

describe('library functions throw a typed BudgetError before allocating', () => {
  it('analyze(): 10⁶ stages × 512 frequencies of responses (15.3 GiB, stages: all) is a BudgetError carrying the issue as data', () => {
    const text = 'steps: 1000000\nstageLength: 1\nmomentum: { preset: ema-sgdm }\n';
    const error = (() => {
      try {
        analyze(text, { stages: 'all' });
      } catch (e) {
        return e;
      }
      return undefined;
    })() as BudgetError;
    expect(error).toBeInstanceOf(BudgetError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.issue).toMatchObject({ code: 'over_budget', budget: 'workingSetBytes', estimate: 1e6 * 512 * 32, limit: 2 ** 30, forcible: false });
    expect(analyze(text, { stages: 'first,last', frequencies: Float64Array.of(0, 1) }).schedules[0].stages).toHaveLength(2);
  });

  it('welchPsd: nfft = 10⁸ is a BudgetError, not a V8 crash', () => {
    expect(() => welchPsd(new Float64Array(64), { nfft: 1e8, nperseg: 64 })).toThrow(BudgetError);
  });
});

describe('estimates', () => {
  it('exactWalkSeconds: adam-m\'s 10⁶ per-step stages share one recursion, so they are one closed-form jump', () => {
    const s = schedule('steps: 1000000\nmomentum: { preset: adam-m }\n');
    expect(exactWalkSeconds(s, 1e6, 512)).toBeCloseTo((COST_NS.exactStageFrequency * 512) / 1e9, 15);
  });

  it('exactWalkSeconds: distinct stages are one jump each; runs of ≤ 4 steps are stepped at 30 ns per step', () => {
    const s = schedule('steps: 1000\nstages: 10\nmomentum: { u: "0.1 * k", v: 1 }\n');
    expect(exactWalkSeconds(s, 1000, 100)).toBeCloseTo((10 * COST_NS.exactStageFrequency * 100) / 1e9, 15);
    expect(exactWalkSeconds(s, 250, 100)).toBeCloseTo((3 * COST_NS.exactStageFrequency * 100) / 1e9, 15);
    const perStep = schedule('steps: 8\nstageLength: 1\nmomentum: { u: "0.1 * k", v: 1 }\n');
    expect(exactWalkSeconds(perStep, 8, 10)).toBeCloseTo((8 * 30 * 10) / 1e9, 15);
  });

  it('exactWalkSeconds: a rational schedule is stepped, steps × frequencies × (nb + na) updates', () => {
    const s = schedule('steps: 1000\nstages: 2\nmomentum: { preset: rational, b: [[0.1], [0.05, 0.01, -0.05]], a: [[1, -0.9], [2, -3.2, 1.62]] }\n');
    expect(exactWalkSeconds(s, 700, 64)).toBeCloseTo((700 * 64 * 6 * COST_NS.rationalUpdate) / 1e9, 15);
  });

  it('analysisBudgets: each exact response of a display stage or an --at-steps step costs per frequency, however cheap reaching it is', () => {
    // 10⁵ one-step stages (u changes every step): reaching each next step is one cheap walk, yet
    // computing and checking the response itself is ~0.9 µs per frequency (measured: 10⁴ display stages
    // × 512 in 4.6 s). 10⁵ × 1024 × 0.9 µs = 92 s of responses alone, over the minute.
    const s = schedule('steps: 100000\nmomentum: { u: "0.5 + 0.4 * t / 100000" }\n');
    expect(s.stages.count).toBe(100000);
    const ends = Array.from({ length: 100000 }, (_, k) => k);
    const plan = { schedules: [s], frequencies: 1024, mode: 'auto' as const, outputs: [{ format: 'table' as const, response: false }] };
    const display = analysisBudgets({ ...plan, reports: [{ display: true, ends }], atSteps: [] }).time!;
    expect(display.estimate).toBeGreaterThanOrEqual((1e5 * 1024 * 900) / 1e9);
    expect(display.reduce).toContain('displayStages');
    const steps = analysisBudgets({ ...plan, reports: [{ display: false, stages: [] }], atSteps: ends.map((k) => k + 1) }).time!;
    expect(steps.estimate).toBeGreaterThanOrEqual((1e5 * 1024 * 900) / 1e9);
    expect(steps.reduce).toContain('atSteps');
  });

  it('analysisBudgets: output bytes add up over every output, with both response kinds in --mode both', () => {
    const s = schedule('steps: 1000\nstages: 10\nmomentum: { u: 0.9 }\n');
    const base = { schedules: [s], reports: [{ display: false as const, stages: [0, 1, 2] }], frequencies: 1e7, atSteps: [] };
    const json = analysisBudgets({ ...base, mode: 'frozen', outputs: [{ format: 'json', response: true }] }).output!;
    expect(json.estimate).toBe(3 * 500 + 3 * 1e7 * 80);
    const both = analysisBudgets({ ...base, mode: 'both', outputs: [{ format: 'csv', response: true }, { format: 'csv', response: false }] }).output!;
    expect(both.estimate).toBe(3 * 270 + 2 * 3 * 1e7 * 160 + 3 * 270);
  });
});

describe('budgetText', () => {
  it('says what, the estimate, the budget and what to change, with the caller\'s names for the knobs', () => {
    const issue = overBudget('outputBytes', 3 * 2 ** 30, 'the output (7 rows)', ['frequencies', 'atSteps'])!;
    expect(budgetText(issue, (k) => `fewer ${k}`, '--force')).toBe(
      'the output (7 rows) would write about 3 GiB, more than the budget of 256 MiB; use fewer frequencies, fewer atSteps or --force',
    );
    expect(budgetText(overBudget('workingSetBytes', 2 ** 31, 'x', ['nfft'])!, (k) => k, '--force')).toBe('x would need 2 GiB of memory, more than the budget of 1 GiB; use nfft');
    expect(overBudget('seconds', 60, 'x', [])).toBeUndefined();
  });

  it('formats sizes and durations with their units', () => {
    expect([bytes(512), bytes(2 ** 20), bytes(1.5 * 2 ** 40)]).toEqual(['512 bytes', '1 MiB', '1.5 TiB']);
    expect([duration(59), duration(600), duration(3 * 3600), duration(3.1e7)]).toEqual(['59 s', '10 min', '3 h', '360 days']);
  });
});
