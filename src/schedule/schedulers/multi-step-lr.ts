import { z } from 'zod';
import { bisectRight, pyPow } from '../../math/python-float.js';
import { type Kwargs, LrScheduler, type ParamGroup } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.MultiStepLR's kwargs and defaults. */
export const MultiStepLRSpec = z.strictObject({
  scheduler: z.literal('MultiStepLR'),
  milestones: z.array(z.int().min(0)).describe('scheduler steps at which lr is multiplied by gamma (a repeated milestone multiplies once per repeat, as torch counts them)'),
  gamma: z.number().default(0.1),
  base,
  every,
  ...torchOnlyKeys,
});
export type MultiStepLRSpec = z.output<typeof MultiStepLRSpec>;

/** lr·γ^count(e) at each milestone e, chained; milestones form a multiset (torch's Counter), in any order. */
export class MultiStepLR extends LrScheduler {
  private readonly counts = new Map<number, number>();
  private readonly sorted: number[];

  constructor(
    group: ParamGroup,
    private readonly spec: Kwargs<MultiStepLRSpec>,
  ) {
    super(group);
    for (const m of spec.milestones) this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
    this.sorted = [...spec.milestones].sort((a, b) => a - b);
    this.init();
  }

  protected getLr(): number {
    const count = this.counts.get(this.lastEpoch);
    if (count === undefined) return this.group.lr;
    return this.group.lr * pyPow(this.spec.gamma, count);
  }

  protected override closedFormLr(): number {
    return this.baseLr * pyPow(this.spec.gamma, bisectRight(this.sorted, this.lastEpoch));
  }
}
