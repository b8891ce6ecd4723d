import { describe, expect, it } from 'vitest';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('OneCycleLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  // Linear annealing is pure arithmetic; cos annealing differs from glibc by V8's Math.cos only (worst measured 1.1e-16).
  itMatchesTorch(torchCases('OneCycleLR'), (c) => c.spec.anneal_strategy === 'linear');
});

describe('OneCycleLR', () => {
  const run = (spec: Record<string, unknown>, steps: number) => runScheduler(SchedulerValue.parse({ scheduler: 'OneCycleLR', ...spec }), steps, ['lr']);

  it('ends a 1000-step default cycle at max_lr/(div_factor·final_div_factor), the issue’s max_lr/250 000, with momentum back at max_momentum', () => {
    const out = run({ max_lr: 0.1 }, 1000);
    if ('issues' in out) throw new Error('unexpected issues');
    // Step 1000 is epoch 999 = total_steps − 1, the last phase's end: pct = 1 and cos(π) + 1 = 0.
    expect(out.value[999]).toBe(0.1 / 25 / 1e4);
    expect(out.momentum?.[999]).toBe(0.95);
    // Step 1 (epoch 0): initial_lr via the cos anneal, as torch writes it (max + (initial − max)).
    expect(out.value[0]).toBe(0.1 + (0.1 / 25 - 0.1));
    expect(out.momentum?.[0]).toBe(0.95);
  });

  it('peaks at max_lr with base_momentum at the end of the first phase, epoch pct_start·T − 1', () => {
    const out = run({ max_lr: 0.1, total_steps: 100 }, 100);
    if ('issues' in out) throw new Error('unexpected issues');
    // 0.3·100 rounds to 30, so the first phase ends at epoch 29 (step 30) with pct = 1: cos(π) + 1 = 0 leaves the end values exactly.
    expect(0.3 * 100 - 1).toBe(29);
    expect(out.value[29]).toBe(0.1);
    expect(out.momentum?.[29]).toBe(0.85);
  });

  it('has no momentum output without cycle_momentum', () => {
    const out = run({ max_lr: 0.1, cycle_momentum: false }, 10);
    expect('issues' in out ? out : out.momentum).toBeUndefined();
  });

  it('locates the kwarg when epochs is given without steps_per_epoch', () => {
    const out = run({ max_lr: 0.1, epochs: 10 }, 100);
    expect(out).toEqual({ issues: [{ code: 'scheduler_arg', path: ['lr', 'steps_per_epoch'], message: 'OneCycleLR needs total_steps, or both epochs and steps_per_epoch' }] });
  });

  it('says which phase has zero length where torch divides by zero (pct_start·total_steps = 1)', () => {
    expect(run({ max_lr: 0.1, total_steps: 10, pct_start: 0.1 }, 10)).toEqual({
      issues: [
        {
          code: 'scheduler_arg',
          path: ['lr'],
          message:
            "torch's OneCycleLR raises ZeroDivisionError when constructed: float division by zero: phase 1 of 2 ends where it starts (scheduler step 0); change pct_start or total_steps",
        },
      ],
    });
  });

  it('refuses pct_start outside [0, 1] as torch does, at the kwarg', () => {
    const parsed = SchedulerValue.safeParse({ scheduler: 'OneCycleLR', max_lr: 0.1, pct_start: 1.5 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.code, i.path])).toEqual([['too_big', ['pct_start']]]);
  });
});
