import { z } from 'zod';
import { pyPow } from '../../math/python-float.js';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.ExponentialLR's kwargs (gamma has no default in torch). */
export const ExponentialLRSpec = z.strictObject({
  scheduler: z.literal('ExponentialLR'),
  gamma: z.number().describe('multiplier per scheduler step'),
  base,
  every,
  ...torchOnlyKeys,
});
export type ExponentialLRSpec = z.output<typeof ExponentialLRSpec>;

/** lr·γ each epoch, chained (repeated products, not γ^e: 1.1e-15 apart after 10⁵ steps of γ = 0.99999). */
export class ExponentialLR extends KwargsScheduler<Kwargs<ExponentialLRSpec>> {
  protected getLr(): number {
    return this.lastEpoch === 0 ? this.group.lr : this.group.lr * this.spec.gamma;
  }

  protected override closedFormLr(): number {
    return this.baseLr * pyPow(this.spec.gamma, this.lastEpoch);
  }
}
