import { z } from 'zod';
import { pyPow } from '../../math/python-float.js';
import { type Kwargs, LrScheduler, type ParamGroup } from './scheduler.js';
import { CALLABLE_REASON, every, rejected, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.CyclicLR's kwargs and defaults. */
export const CyclicLRSpec = z.strictObject({
  scheduler: z.literal('CyclicLR'),
  base_lr: z.number().describe('lower learning rate of the cycle (replaces the optimizer lr, as in torch)'),
  max_lr: z.number().describe('upper learning rate of the cycle'),
  step_size_up: z.number().gt(0).default(2000).describe('scheduler steps of the increasing half'),
  step_size_down: z.number().min(0).optional().describe('scheduler steps of the decreasing half (default: step_size_up)'),
  mode: z.enum(['triangular', 'triangular2', 'exp_range']).default('triangular'),
  gamma: z.number().default(1.0).describe("exp_range's factor per scheduler step"),
  scale_fn: rejected(CALLABLE_REASON),
  scale_mode: z.enum(['cycle', 'iterations']).optional().describe('ignored without scale_fn, as in torch'),
  cycle_momentum: z.boolean().default(true).describe("cycle the optimizer's momentum inversely to the learning rate"),
  base_momentum: z.number().default(0.8),
  max_momentum: z.number().default(0.9),
  every,
  ...torchOnlyKeys,
});
export type CyclicLRSpec = z.output<typeof CyclicLRSpec>;

/**
 * Cyclical learning rates (Smith 2017), direct in the epoch e as torch computes them:
 * cycle = ⌊1 + e/total⌋, x = 1.0 + e/total − cycle, scale factor sf = x/ratio on the way up,
 * (x − 1)/(ratio − 1) down; lr = base_lr + ((max_lr − base_lr)·sf)·scale with scale 1 (triangular),
 * 1/2^(cycle−1) (triangular2) or γ^e (exp_range); momentum = max_m − ((max_m − base_m)·sf)·scale.
 */
export class CyclicLR extends LrScheduler {
  private readonly totalSize: number;
  private readonly stepRatio: number;

  constructor(
    group: ParamGroup,
    private readonly spec: Kwargs<CyclicLRSpec>,
  ) {
    super(group);
    group.lr = spec.base_lr;
    const up = spec.step_size_up;
    const down = spec.step_size_down ?? up;
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    if (spec.cycle_momentum) group.momentum = spec.base_momentum;
    this.init();
    this.baseLr = spec.base_lr;
  }

  private scale(cycle: number): number {
    switch (this.spec.mode) {
      case 'triangular':
        return 1.0;
      case 'triangular2':
        return 1 / pyPow(2.0, cycle - 1);
      case 'exp_range':
        return pyPow(this.spec.gamma, this.lastEpoch);
    }
  }

  protected getLr(): number {
    const e = this.lastEpoch;
    const cycle = Math.floor(1 + e / this.totalSize);
    const x = 1.0 + e / this.totalSize - cycle;
    const scaleFactor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const scale = this.scale(cycle);
    // base_lr is base_lrs[0]: torch overwrites base_lrs with base_lr after the initial step.
    const lr = this.spec.base_lr + (this.spec.max_lr - this.spec.base_lr) * scaleFactor * scale;
    if (this.spec.cycle_momentum) {
      const { base_momentum: bm, max_momentum: mm } = this.spec;
      this.group.momentum = mm - (mm - bm) * scaleFactor * scale;
    }
    return lr;
  }
}
