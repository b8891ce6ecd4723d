import { describe, expect, it } from 'vitest';
import { parseSchedulerValue } from '../../../src/schedule/schedulers/index.js';

describe('parseSchedulerValue', () => {
  it('suggests the scheduler meant by an unknown name', () => {
    expect(parseSchedulerValue({ scheduler: 'OneCycle', max_lr: 0.1 }, ['lr'])).toEqual({
      issues: [{ code: 'unknown_scheduler', path: ['lr', 'scheduler'], message: 'unknown scheduler (did you mean "OneCycleLR"?)', received: 'OneCycle' }],
    });
  });

  it('says why a list-valued max_lr cannot be given (one parameter group)', () => {
    expect(parseSchedulerValue({ scheduler: 'OneCycleLR', max_lr: [0.1, 0.01] }, ['lr'])).toMatchObject({
      issues: [{ code: 'scheduler_arg', path: ['lr', 'max_lr'], message: 'one parameter group: give one number (torch takes a list as one value per group)' }],
    });
  });

  it('says why last_epoch cannot be given, and suggests the kwarg meant by an unknown key', () => {
    const out = parseSchedulerValue({ scheduler: 'StepLR', step_size: 10, base: 0.1, last_epoch: 4, gama: 0.5 }, ['lr']);
    expect(out).toMatchObject({
      issues: expect.arrayContaining([
        { code: 'custom', path: ['lr', 'last_epoch'], message: 'resuming is not modelled: the run starts at step 1', received: 4 },
        { code: 'unknown_key', path: ['lr', 'gama'], message: 'unknown key (did you mean "gamma"?)' },
      ]),
    });
  });

  it('locates problems inside SequentialLR children, and refuses a nested SequentialLR with the reason', () => {
    const out = parseSchedulerValue(
      { scheduler: 'SequentialLR', schedulers: [{ scheduler: 'LinearLR', start_factr: 0.1 }, { scheduler: 'SequentialLR' }], milestones: [3], base: 0.1 },
      ['lr'],
    );
    expect(out).toEqual({
      issues: [{ code: 'unknown_scheduler', path: ['lr', 'schedulers', 1, 'scheduler'], message: 'SequentialLR cannot be a SequentialLR child', received: 'SequentialLR' }],
    });
    const typo = parseSchedulerValue({ scheduler: 'SequentialLR', schedulers: [{ scheduler: 'LinearLR', start_factr: 0.1 }], milestones: [], base: 0.1 }, ['lr']);
    expect(typo).toMatchObject({ issues: [{ code: 'unknown_key', path: ['lr', 'schedulers', 0, 'start_factr'], message: 'unknown key (did you mean "start_factor"?)' }] });
  });

  it('quotes the kwarg a user gave out of range or of the wrong type, never "is required" or "got nothing"', () => {
    const issue = (kwargs: Record<string, unknown>) => {
      const out = parseSchedulerValue({ scheduler: 'OneCycleLR', max_lr: 0.1, ...kwargs }, ['lr']);
      return 'issues' in out ? out.issues[0] : undefined;
    };
    expect(issue({ pct_start: -0.1 })).toEqual({ code: 'too_small', path: ['lr', 'pct_start'], message: 'must be ≥ 0', received: -0.1 });
    expect(issue({ total_steps: 0 })).toEqual({ code: 'too_small', path: ['lr', 'total_steps'], message: 'must be ≥ 1', received: 0 });
    expect(issue({ max_lr: 'abc' })).toEqual({ code: 'invalid_type', path: ['lr', 'max_lr'], message: 'expected a number', received: 'abc' });
    expect(issue({ max_lr: Number.NaN })).toMatchObject({ code: 'invalid_type', path: ['lr', 'max_lr'], message: 'expected a number', received: Number.NaN });
    expect(issue({ three_phase: 'maybe' })).toEqual({ code: 'invalid_type', path: ['lr', 'three_phase'], message: 'expected true or false', received: 'maybe' });
    const { max_lr: _, ...missing } = { scheduler: 'OneCycleLR', max_lr: 0.1 };
    expect(parseSchedulerValue(missing, ['lr'])).toMatchObject({ issues: [{ code: 'missing_key', path: ['lr', 'max_lr'], message: 'is required (a number)' }] });
  });

  it('returns the spec with torch’s defaults when the value is right', () => {
    expect(parseSchedulerValue({ scheduler: 'ExponentialLR', gamma: 0.9, base: 0.1 }, [])).toEqual({ spec: { scheduler: 'ExponentialLR', gamma: 0.9, base: 0.1, every: 1 } });
  });
});
