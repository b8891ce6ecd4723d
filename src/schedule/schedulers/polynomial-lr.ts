import { z } from 'zod';
import { pyDiv, pyPow } from '../../math/python-float.js';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.PolynomialLR's kwargs and defaults. */
export const PolynomialLRSpec = z.strictObject({
  scheduler: z.literal('PolynomialLR'),
  total_iters: z.int().min(0).default(5),
  power: z.number().default(1.0),
  base,
  every,
  ...torchOnlyKeys,
});
export type PolynomialLRSpec = z.output<typeof PolynomialLRSpec>;

/** base·(1 − e/total_iters)^power, chained as torch runs it: lr·((1 − e/T)/(1 − (e − 1)/T))^power. */
export class PolynomialLR extends KwargsScheduler<Kwargs<PolynomialLRSpec>> {
  protected getLr(): number {
    const { total_iters: total, power } = this.spec;
    const e = this.lastEpoch;
    if (e === 0 || e > total) return this.group.lr;
    const decay = pyPow(pyDiv(1.0 - e / total, 1.0 - (e - 1) / total), power);
    return this.group.lr * decay;
  }

  protected override closedFormLr(): number {
    const { total_iters: total, power } = this.spec;
    return this.baseLr * pyPow(1.0 - pyDiv(Math.min(total, this.lastEpoch), total), power);
  }
}
