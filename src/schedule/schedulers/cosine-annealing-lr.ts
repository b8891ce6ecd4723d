import { z } from 'zod';
import { pyDiv, pyMod } from '../../math/python-float.js';
import { type Kwargs, KwargsScheduler } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.CosineAnnealingLR's kwargs and defaults. */
export const CosineAnnealingLRSpec = z.strictObject({
  scheduler: z.literal('CosineAnnealingLR'),
  T_max: z.number().gt(0).describe('scheduler steps of a half cosine period'),
  eta_min: z.number().default(0),
  base,
  every,
  ...torchOnlyKeys,
});
export type CosineAnnealingLRSpec = z.output<typeof CosineAnnealingLRSpec>;

/**
 * Cosine annealing (Loshchilov & Hutter 2017, SGDR, without restarts), in torch's chained form:
 * lr_e = (1 + cos(π·e/T_max))/(1 + cos(π·(e − 1)/T_max))·(lr_{e−1} − η) + η, and at
 * e − 1 − T_max ≡ 0 (mod 2·T_max), where the ratio is 0/0, lr + (base − η)·(1 − cos(π/T_max))/2.
 * The chain drifts from the closed form η + (base − η)·(1 + cos(π·e/T_max))/2 by up to 4.3e-15
 * over 10⁶ steps, so torch's order is kept.
 */
export class CosineAnnealingLR extends KwargsScheduler<Kwargs<CosineAnnealingLRSpec>> {
  protected getLr(): number {
    const { T_max: T, eta_min: eta } = this.spec;
    const e = this.lastEpoch;
    const lr = this.group.lr;
    if (e === 0) return lr;
    if (pyMod(e - 1 - T, 2 * T) === 0) return lr + (this.baseLr - eta) * (1 - Math.cos(pyDiv(Math.PI, T))) / 2;
    return pyDiv(1 + Math.cos(pyDiv(Math.PI * e, T)), 1 + Math.cos(pyDiv(Math.PI * (e - 1), T))) * (lr - eta) + eta;
  }

  protected override closedFormLr(): number {
    const { T_max: T, eta_min: eta } = this.spec;
    return eta + (this.baseLr - eta) * (1 + Math.cos(pyDiv(Math.PI * this.lastEpoch, T))) / 2;
  }
}
