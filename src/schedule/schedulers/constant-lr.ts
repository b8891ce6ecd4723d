import { z } from 'zod';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.ConstantLR's kwargs and defaults. */
export const ConstantLRSpec = z.strictObject({
  scheduler: z.literal('ConstantLR'),
  factor: z.number().gt(0).max(1).default(1 / 3).describe('multiplier until total_iters, in (0, 1]'),
  total_iters: z.int().min(0).default(5),
  base,
  every,
  ...torchOnlyKeys,
});
export type ConstantLRSpec = z.output<typeof ConstantLRSpec>;

/** base·factor until total_iters, then ·(1/factor), chained (base·f·(1/f) need not be base). */
export class ConstantLR extends KwargsScheduler<Kwargs<ConstantLRSpec>> {
  protected getLr(): number {
    const { factor, total_iters } = this.spec;
    if (this.lastEpoch === 0) return this.group.lr * factor;
    if (this.lastEpoch !== total_iters) return this.group.lr;
    return this.group.lr * (1.0 / factor);
  }

  protected override closedFormLr(): number {
    const { factor, total_iters } = this.spec;
    return this.baseLr * (factor + (this.lastEpoch >= total_iters ? 1 : 0) * (1 - factor));
  }
}
