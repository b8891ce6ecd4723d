import { describe, expect, it } from 'vitest';
import { SCHEDULER_NAMES, SchedulerValue } from '../../../src/schedule/schedulers/scheduler-value.js';

describe('SchedulerValue', () => {
  it('names every scheduler of the issue with torch’s class names and Hugging Face’s function names', () => {
    expect([...SCHEDULER_NAMES].sort()).toEqual(
      [
        'OneCycleLR', 'CyclicLR', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts', 'StepLR', 'MultiStepLR', 'ExponentialLR',
        'LinearLR', 'ConstantLR', 'PolynomialLR', 'SequentialLR', 'get_linear_schedule_with_warmup',
        'get_cosine_schedule_with_warmup', 'get_inverse_sqrt_schedule', 'interp',
      ].sort(),
    );
  });

  it('fills in torch’s defaults', () => {
    expect(SchedulerValue.parse({ scheduler: 'OneCycleLR', max_lr: 0.1 })).toEqual({
      scheduler: 'OneCycleLR', max_lr: 0.1, pct_start: 0.3, anneal_strategy: 'cos', cycle_momentum: true, base_momentum: 0.85,
      max_momentum: 0.95, div_factor: 25, final_div_factor: 1e4, three_phase: false, every: 1,
    });
    expect(SchedulerValue.parse({ scheduler: 'LinearLR', base: 1 })).toMatchObject({ start_factor: 1 / 3, end_factor: 1.0, total_iters: 5 });
  });

  it('requires base where the scheduler scales the optimizer value, and not for OneCycleLR, CyclicLR or interp', () => {
    expect(SchedulerValue.safeParse({ scheduler: 'StepLR', step_size: 3 }).error?.issues.map((i) => i.path)).toEqual([['base']]);
    expect(SchedulerValue.safeParse({ scheduler: 'CyclicLR', base_lr: 0.1, max_lr: 1 }).success).toBe(true);
  });

  it('rejects an unknown name at the scheduler key', () => {
    const issues = SchedulerValue.safeParse({ scheduler: 'OneCycle', max_lr: 0.1 }).error?.issues;
    expect(issues).toMatchObject([{ code: 'invalid_union', path: ['scheduler'] }]);
  });

  it('does not sequence interp or a nested SequentialLR', () => {
    const nested = { scheduler: 'SequentialLR', schedulers: [{ scheduler: 'SequentialLR', schedulers: [], milestones: [] }], milestones: [], base: 1 };
    expect(SchedulerValue.safeParse(nested).success).toBe(false);
    expect(SchedulerValue.safeParse({ ...nested, schedulers: [{ scheduler: 'interp', xp: [0], fp: [1] }] }).success).toBe(false);
  });
});
