import { describe, expect, it } from 'vitest';
import { buildScheduler, oneCycleTotalSteps } from '../../../src/schedule/schedulers/build-scheduler.js';
import { SchedulerValue } from '../../../src/schedule/schedulers/index.js';

describe('buildScheduler', () => {
  it('constructs as torch does: the group holds epoch 0 before the first optimizer step', () => {
    const built = buildScheduler(SchedulerValue.parse({ scheduler: 'LinearLR', start_factor: 0.5, base: 0.2 }), 10, ['lr']);
    if ('issues' in built) throw new Error('unexpected issues');
    expect(built.group.lr).toBe(0.1);
    built.step();
    expect(built.group.lr).toBe(0.1 * (1.0 + (1.0 - 0.5) / (5 * 0.5 + 0 * (1.0 - 0.5))));
  });

  it('gives OneCycleLR the run as its cycle unless total_steps or epochs·steps_per_epoch say otherwise', () => {
    expect(oneCycleTotalSteps({}, 143)).toBe(143);
    expect(oneCycleTotalSteps({ epochs: 10, steps_per_epoch: 50 }, 143)).toBe(500);
    expect(oneCycleTotalSteps({ total_steps: 7, epochs: 10, steps_per_epoch: 50 }, 143)).toBe(7);
  });

  it('locates the argument problems of SequentialLR children below their index', () => {
    const spec = SchedulerValue.parse({ scheduler: 'SequentialLR', schedulers: [{ scheduler: 'LinearLR' }, { scheduler: 'OneCycleLR', max_lr: 1, epochs: 3 }], milestones: [5], base: 0.1 });
    expect(buildScheduler(spec, 10, ['lr'])).toMatchObject({ issues: [{ code: 'scheduler_arg', path: ['lr', 'schedulers', 1, 'steps_per_epoch'] }] });
  });

  it('refuses SequentialLR milestones out of order (bisect_right needs them sorted)', () => {
    const spec = SchedulerValue.parse({
      scheduler: 'SequentialLR', schedulers: [{ scheduler: 'LinearLR' }, { scheduler: 'StepLR', step_size: 2 }, { scheduler: 'ConstantLR' }], milestones: [9, 4], base: 0.1,
    });
    expect(buildScheduler(spec, 10, ['lr'])).toMatchObject({ issues: [{ code: 'scheduler_arg', path: ['lr', 'milestones', 1], received: 4 }] });
  });
});
