import { z } from 'zod';
import { pyFloorDiv, pyMod, pyPow } from '../../math/python-float.js';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.StepLR's kwargs and defaults. */
export const StepLRSpec = z.strictObject({
  scheduler: z.literal('StepLR'),
  step_size: z.int().min(1).describe('scheduler steps between decays'),
  gamma: z.number().default(0.1),
  base,
  every,
  ...torchOnlyKeys,
});
export type StepLRSpec = z.output<typeof StepLRSpec>;

/** lr·γ every step_size epochs, chained as torch runs it (repeated ·γ, not γ^k). */
export class StepLR extends KwargsScheduler<Kwargs<StepLRSpec>> {
  protected getLr(): number {
    const e = this.lastEpoch;
    if (e === 0 || pyMod(e, this.spec.step_size) !== 0) return this.group.lr;
    return this.group.lr * this.spec.gamma;
  }

  protected override closedFormLr(): number {
    return this.baseLr * pyPow(this.spec.gamma, pyFloorDiv(this.lastEpoch, this.spec.step_size));
  }
}
