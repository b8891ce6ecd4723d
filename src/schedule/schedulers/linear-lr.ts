import { z } from 'zod';
import { pyDiv } from '../../math/python-float.js';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.LinearLR's kwargs and defaults. */
export const LinearLRSpec = z.strictObject({
  scheduler: z.literal('LinearLR'),
  start_factor: z.number().gt(0).max(1).default(1 / 3).describe('multiplier at the first step, in (0, 1]'),
  end_factor: z.number().min(0).max(1).default(1.0).describe('multiplier from total_iters on, in [0, 1]'),
  total_iters: z.int().min(0).default(5),
  base,
  every,
  ...torchOnlyKeys,
});
export type LinearLRSpec = z.output<typeof LinearLRSpec>;

/**
 * base·start_factor → base·end_factor over total_iters epochs, chained as torch runs it:
 * lr·(1 + (end − start)/(total_iters·start + (e − 1)·(end − start))). The chain ends a
 * 2·10⁵-epoch warm-up 5e-14 away from the closed form, so the order matters.
 */
export class LinearLR extends KwargsScheduler<Kwargs<LinearLRSpec>> {
  protected getLr(): number {
    const { start_factor: start, end_factor: end, total_iters: total } = this.spec;
    const e = this.lastEpoch;
    if (e === 0) return this.group.lr * start;
    if (e > total) return this.group.lr;
    return this.group.lr * (1.0 + pyDiv(end - start, total * start + (e - 1) * (end - start)));
  }

  protected override closedFormLr(): number {
    const { start_factor: start, end_factor: end, total_iters: total } = this.spec;
    return this.baseLr * (start + pyDiv((end - start) * Math.min(total, this.lastEpoch), total));
  }
}
