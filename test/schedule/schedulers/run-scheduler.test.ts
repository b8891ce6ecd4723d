import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/schedule/limits.js';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { TORCH_SCHEDULER_CASES } from '../../support/torch-schedulers.js';

describe('runScheduler', () => {
  it('steps the scheduler once every `every` optimizer steps', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'StepLR', step_size: 1, gamma: 0.5, base: 1, every: 3 }), 8, ['lr']);
    if ('issues' in out) throw new Error('unexpected issues');
    expect(Array.from(out.value)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  for (const c of TORCH_SCHEDULER_CASES.filter((k) => k.raises !== undefined)) {
    it(`reports what torch raises, located: ${c.name}`, () => {
      const out = runScheduler(SchedulerValue.parse(c.spec), c.steps, ['lr']);
      expect('issues' in out, 'an issue, not values').toBe(true);
      if (!('issues' in out)) return;
      const [type, text] = (c.raises as string).split(': ');
      expect(out.issues).toHaveLength(1);
      expect(out.issues[0].path.slice(0, 1)).toEqual(['lr']);
      expect(out.issues[0].message).toContain(text);
      if (c.spec.scheduler !== 'OneCycleLR' || type !== 'ValueError') expect(out.issues[0].message).toContain(type);
    });
  }

  it('says how long OneCycleLR’s cycle must be, at total_steps', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'OneCycleLR', max_lr: 0.1, total_steps: 1000 }), 1200, ['lr']);
    expect(out).toEqual({
      issues: [
        {
          code: 'scheduler_range',
          path: ['lr', 'total_steps'],
          message:
            'OneCycleLR\'s cycle has 1000 steps but the run calls scheduler.step() 1200 times: torch raises "Tried to step 1002 times. The specified number of total steps is 1000" (give total_steps ≥ 1200, or fewer steps)',
          received: 1000,
        },
      ],
    });
  });

  it('accepts a run of exactly total_steps steps (the loop’s last scheduler.step() reaches epoch total_steps, which torch allows)', () => {
    expect('issues' in runScheduler(SchedulerValue.parse({ scheduler: 'OneCycleLR', max_lr: 0.1, total_steps: 100 }), 100, ['lr'])).toBe(false);
  });

  it('checks the run against the budget before allocating', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'ExponentialLR', gamma: 0.9, base: 1 }), LIMITS.maxStages + 1, ['lr']);
    expect(out).toEqual({ issues: [{ code: 'too_big', path: ['lr'], message: `ExponentialLR gives one value per step: at most ${LIMITS.maxStages} steps`, received: LIMITS.maxStages + 1 }] });
  });
});
