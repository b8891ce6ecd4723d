import { z } from 'zod';
import { type Kwargs, LrScheduler, type ParamGroup } from './scheduler.js';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';

/** torch.optim.lr_scheduler.CosineAnnealingWarmRestarts's kwargs and defaults. */
export const CosineAnnealingWarmRestartsSpec = z.strictObject({
  scheduler: z.literal('CosineAnnealingWarmRestarts'),
  T_0: z.int().min(1).describe('scheduler steps until the first restart'),
  T_mult: z.int().min(1).default(1).describe('factor by which the period grows after each restart'),
  eta_min: z.number().default(0),
  base,
  every,
  ...torchOnlyKeys,
});
export type CosineAnnealingWarmRestartsSpec = z.output<typeof CosineAnnealingWarmRestartsSpec>;

/**
 * SGDR (Loshchilov & Hutter 2017): η + (base − η)·(1 + cos(π·T_cur/T_i))/2, direct in T_cur; each
 * epoch T_cur += 1 and, at T_cur ≥ T_i, T_cur −= T_i and T_i ·= T_mult (torch 1.13's subtraction;
 * upstream's `%` gives the same integers when stepped one epoch at a time).
 */
export class CosineAnnealingWarmRestarts extends LrScheduler {
  private tCur = -1;
  private tI: number;

  constructor(
    group: ParamGroup,
    private readonly spec: Kwargs<CosineAnnealingWarmRestartsSpec>,
  ) {
    super(group);
    this.tI = spec.T_0;
    this.init();
  }

  override step(): void {
    if (this.lastEpoch < 0) return this.restart();
    this.lastEpoch += 1;
    this.tCur = this.tCur + 1;
    if (this.tCur >= this.tI) {
      this.tCur = this.tCur - this.tI;
      this.tI = this.tI * this.spec.T_mult;
    }
    this.group.lr = this.getLr();
  }

  /** torch's step(0): epoch 0 < T_0, so T_i = T_0 and T_cur = 0. */
  override restart(): void {
    this.tI = this.spec.T_0;
    this.tCur = 0;
    this.lastEpoch = 0;
    this.group.lr = this.getLr();
  }

  protected getLr(): number {
    const eta = this.spec.eta_min;
    return eta + (this.baseLr - eta) * (1 + Math.cos(Math.PI * this.tCur / this.tI)) / 2;
  }
}
