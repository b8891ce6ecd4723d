import { bisectRight } from '../../math/python-float.js';
import { LrScheduler, type ParamGroup } from './scheduler.js';

/**
 * torch.optim.lr_scheduler.SequentialLR (torch 1.13; upstream main is the same for runs from
 * scratch): children constructed in order on one shared group (each constructor's initial step
 * writes it), then the group's lr reset to initial_lr, every child's last_epoch moved back by one
 * and child 0 stepped to epoch 0. At epoch E the active child is idx = bisect_right(milestones, E);
 * on a milestone it restarts (`step(0)`, its closed form where it has one), otherwise it steps on,
 * chained from the group's current value.
 */
export class SequentialLR {
  private epoch = 0;

  constructor(
    group: ParamGroup,
    private readonly children: readonly LrScheduler[],
    private readonly milestones: readonly number[],
  ) {
    group.lr = group.initialLr as number;
    for (const child of children) child.lastEpoch -= 1;
    children[0].step();
  }

  step(): void {
    this.epoch += 1;
    const idx = bisectRight(this.milestones, this.epoch);
    const child = this.children[idx];
    if (idx > 0 && this.milestones[idx - 1] === this.epoch) child.restart();
    else child.step();
  }
}
