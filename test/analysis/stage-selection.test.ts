import { describe, expect, it } from 'vitest';
import { parseStageSelection, selectStages, selectedStages, stageSelector, stagesOf } from '../../src/analysis/stage-selection.js';
import { parseSchedules } from '../../src/schedule/parse.js';

/**
 * Ten stages of 100 steps over steps 1…1000 (stage k holds steps 100k+1 … 100k+100), written out by
 * hand: the reference every expected index below is read from.
 */
const TEN = {
  count: 10,
  startStep: Float64Array.from({ length: 10 }, (_, k) => 100 * k + 1),
  endStep: Float64Array.from({ length: 10 }, (_, k) => 100 * k + 100),
};

type Row = [text: string, multi: number[] | string, single: number[] | string];

/**
 * Every form of the grammar, as a list (`--stages`) and where one stage is wanted (`--plot-stage`,
 * tune targets): the expected indices, or the error code.
 */
const TABLE: Row[] = [
  ['all', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'not_single'],
  ['none', [], 'not_single'],
  ['first', [0], [0]],
  ['last', [9], [9]],
  ['final', [9], [9]],
  ['3', [3], [3]],
  ['0', [0], [0]],
  ['-1', [9], [9]],
  ['-10', [0], [0]],
  ['2..4', [2, 3, 4], 'not_single'],
  ['first..2', [0, 1, 2], 'not_single'],
  ['-3..-1', [7, 8, 9], 'not_single'],
  ['7..last', [7, 8, 9], 'not_single'],
  ['every:4', [0, 4, 8, 9], 'not_single'],
  ['every:1', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'not_single'],
  ['every:20', [0, 9], 'not_single'],
  ['step:1', [0], [0]],
  ['step:100', [0], [0]],
  ['step:101', [1], [1]],
  ['step:1000', [9], [9]],
  // Union, ascending, each once.
  ['last,first', [0, 9], 'not_single'],
  ['3, 1 ,3', [1, 3], 'not_single'],
  ['step:250,2,every:5', [0, 2, 5, 9], 'not_single'],
  [' last ', [9], [9]],
  // Errors that depend on the schedule: found when the selection meets it.
  ['10', 'stage_outside', 'stage_outside'],
  ['-11', 'stage_outside', 'stage_outside'],
  ['8..10', 'stage_outside', 'not_single'],
  ['5..2', 'stage_reversed', 'not_single'],
  ['-1..3', 'stage_reversed', 'not_single'],
  ['step:1001', 'step_outside', 'step_outside'],
  ['step:0', 'step_outside', 'step_outside'],
  // Syntax errors: found before any schedule is looked at.
  ['', 'syntax', 'syntax'],
  ['middle', 'syntax', 'syntax'],
  ['every:0', 'syntax', 'syntax'],
  ['every:x', 'syntax', 'syntax'],
  ['step:', 'syntax', 'syntax'],
  ['step:-3', 'syntax', 'syntax'],
  ['1..x', 'syntax', 'syntax'],
  ['1,,2', 'syntax', 'syntax'],
  ['stage:3', 'syntax', 'syntax'],
  ['1.5', 'syntax', 'syntax'],
];

const SYNTAX_FIRST = new Set(['syntax', 'not_single']);

describe('the stage-selection grammar', () => {
  for (const [text, multi, single] of TABLE) {
    for (const [mode, expected] of [['list', multi], ['single', single]] as const) {
      it(`${JSON.stringify(text)} as a ${mode} selects ${Array.isArray(expected) ? `[${expected.join(', ')}]` : `nothing: ${expected}`}`, () => {
        const parsed = parseStageSelection(text, { single: mode === 'single' });
        if (typeof expected === 'string' && SYNTAX_FIRST.has(expected)) {
          expect(parsed).toMatchObject({ code: expected, error: expect.any(String) });
          return;
        }
        if ('error' in parsed) throw new Error(parsed.error);
        const chosen = stagesOf(parsed, TEN);
        if (Array.isArray(expected)) expect(chosen).toEqual(expected);
        else expect(chosen).toMatchObject({ code: expected, error: expect.any(String) });
      });
    }
  }

  it('names the stages and steps a schedule has when a selection misses them', () => {
    expect(selectStages('12', TEN)).toEqual({ code: 'stage_outside', error: 'stage 12 does not exist: the schedule has stages 0..9' });
    expect(selectStages('8..12', TEN)).toEqual({ code: 'stage_outside', error: 'stage range 8..12 is outside 0..9' });
    expect(selectStages('5..2', TEN)).toEqual({ code: 'stage_reversed', error: 'stage range 5..2 is reversed (stage 5 after stage 2); write the lower end first: 2..5' });
    expect(selectStages('step:1001', TEN)).toEqual({ code: 'step_outside', error: "step:1001 is outside the schedule's steps 1..1000" });
    expect(selectStages('bogus', TEN)).toEqual({ code: 'syntax', error: '"bogus" is not a stage (use all, none, first, last, an index, a..b, every:N or step:S)' });
  });

  it('a stage count alone answers every form but step:S, which needs the stage boundaries', () => {
    expect(selectStages('first,-1,2..3', 10)).toEqual([0, 2, 3, 9]);
    expect(selectStages('step:5', 10)).toMatchObject({ code: 'step_outside' });
  });

  it('step:S of a real schedule is the stage whose step span holds S (brute force over the spans)', () => {
    const { schedules, issues } = parseSchedules('steps: 1000\nstages: 3\nmomentum: { preset: ema-sgdm }\n');
    expect(issues).toEqual([]);
    const s = schedules[0];
    const boundaries = Array.from({ length: s.stages.count }, (_, k) => [s.stages.startStep[k], s.stages.endStep[k]]);
    for (let step = 1; step <= 1000; step += 37) {
      const k = boundaries.findIndex(([a, b]) => a <= step && step <= b);
      expect(selectedStages(`step:${step}`, s)).toEqual([k]);
    }
  });

  it('selectedStages reports a bad selection as an issue naming the schedule', () => {
    const { schedules } = parseSchedules('name: ten\nsteps: 1000\nstages: 10\nmomentum: { preset: ema-sgdm }\n');
    expect(selectedStages('step:1001', schedules[0], ['plot', 'stages'])).toEqual({
      issue: { code: 'invalid_option', path: ['plot', 'stages'], message: "step:1001 is outside the schedule's steps 1..1000 (schedule \"ten\")" },
    });
  });

  it('a selector applied point after point gives each stage count its own answer', () => {
    const pick = stageSelector('first,-1');
    expect(pick(10)).toEqual([0, 9]);
    expect(pick(3)).toEqual([0, 2]);
    expect(pick(TEN)).toEqual([0, 9]);
    const bySteps = stageSelector('step:150');
    expect(bySteps(TEN)).toEqual([1]);
    const half = { count: 2, startStep: Float64Array.of(1, 501), endStep: Float64Array.of(500, 1000) };
    expect(bySteps(half)).toEqual([0]);
    expect(stageSelector('nope')(TEN)).toMatchObject({ code: 'syntax' });
  });
});
