import { LrScheduler, type ParamGroup } from './scheduler.js';

/**
 * torch.optim.lr_scheduler.LambdaLR: base·λ(e), direct in the epoch (no closed form: a restart
 * calls get_lr at epoch 0). Hugging Face's schedules are LambdaLRs with the λ below.
 */
export class LambdaLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly lambda: (epoch: number) => number,
  ) {
    super(group);
    this.init();
  }

  protected getLr(): number {
    return this.baseLr * this.lambda(this.lastEpoch);
  }
}

/**
 * The linear warm-up every Hugging Face schedule starts with: float(e)/float(max(1, W)) for e < W,
 * so the first step's learning rate is 0 when W > 0. Source: transformers/optimization.py.
 */
export function warmupFactor(epoch: number, numWarmupSteps: number): number {
  return epoch / Math.max(1, numWarmupSteps);
}
