import { describe, expect, it } from 'vitest';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe("Hugging Face's schedules through torch's LambdaLR (test/fixtures/torch/schedulers.json)", () => {
  // Linear and inverse-sqrt (sqrt is correctly rounded) are bit-identical; cosine uses Math.cos (worst measured 1.4e-17).
  itMatchesTorch(
    torchCases('get_linear_schedule_with_warmup', 'get_cosine_schedule_with_warmup', 'get_inverse_sqrt_schedule'),
    (c) => c.spec.scheduler !== 'get_cosine_schedule_with_warmup',
  );
});

describe('get_*_schedule_with_warmup', () => {
  it('applies lr 0 at step 1 when there is a warm-up, and base at the end of it', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'get_linear_schedule_with_warmup', num_warmup_steps: 4, num_training_steps: 10, base: 0.5 }), 10, ['lr']);
    if ('issues' in out) throw new Error('unexpected issues');
    // λ(e) = e/4 for e < 4, then (10 − e)/6: step t applies epoch t − 1.
    expect(Array.from(out.value)).toEqual([0, 0.125, 0.25, 0.375, 0.5, 0.5 * (5 / 6), 0.5 * (4 / 6), 0.5 * (3 / 6), 0.5 * (2 / 6), 0.5 * (1 / 6)]);
  });

  it('defaults the inverse-sqrt timescale to num_warmup_steps, or 10 000 without a warm-up', () => {
    const withWarmup = runScheduler(SchedulerValue.parse({ scheduler: 'get_inverse_sqrt_schedule', num_warmup_steps: 4, base: 1 }), 20, ['lr']);
    const without = runScheduler(SchedulerValue.parse({ scheduler: 'get_inverse_sqrt_schedule', num_warmup_steps: 0, base: 1 }), 20, ['lr']);
    if ('issues' in withWarmup || 'issues' in without) throw new Error('unexpected issues');
    expect(withWarmup.value[16]).toBe(1 / Math.sqrt(16 / 4));
    expect(without.value[16]).toBe(1 / Math.sqrt((16 + 10_000) / 10_000));
  });
});
