import { z } from 'zod';
import { base, every, torchOnlyKeys } from './scheduler-keys.js';
import { warmupFactor } from './lambda-lr.js';
import type { Kwargs } from './scheduler.js';

/**
 * Hugging Face transformers' schedules with warm-up, written with their function names and kwargs
 * (`optimizer` and `last_epoch` aside), as the λ of torch's LambdaLR. Source: huggingface/transformers
 * src/transformers/optimization.py at commit 005edacb6b5dabbf0843e92c6623de9e07ca6241; the cosine λ
 * there has gained `min_lr_rate` = 0 (factor·(1 − 0) + 0, max(0, ·)), which gives the same doubles.
 */

const warmupSteps = z.int().min(0).describe('scheduler steps of the linear warm-up from 0');
const trainingSteps = z.int().min(0).describe('scheduler steps of the whole run (warm-up included)');

export const LinearScheduleWithWarmupSpec = z.strictObject({
  scheduler: z.literal('get_linear_schedule_with_warmup'),
  num_warmup_steps: warmupSteps,
  num_training_steps: trainingSteps,
  base,
  every,
  ...torchOnlyKeys,
});
export type LinearScheduleWithWarmupSpec = z.output<typeof LinearScheduleWithWarmupSpec>;

export const CosineScheduleWithWarmupSpec = LinearScheduleWithWarmupSpec.extend({
  scheduler: z.literal('get_cosine_schedule_with_warmup'),
  num_cycles: z.number().default(0.5).describe('cosine waves after the warm-up (0.5: one half-cosine down to 0)'),
});
export type CosineScheduleWithWarmupSpec = z.output<typeof CosineScheduleWithWarmupSpec>;

export const InverseSqrtScheduleSpec = z.strictObject({
  scheduler: z.literal('get_inverse_sqrt_schedule'),
  num_warmup_steps: warmupSteps,
  timescale: z.int().min(1).optional().describe('default: num_warmup_steps, or 10 000 when that is 0'),
  base,
  every,
  ...torchOnlyKeys,
});
export type InverseSqrtScheduleSpec = z.output<typeof InverseSqrtScheduleSpec>;

export type HuggingFaceScheduleSpec = LinearScheduleWithWarmupSpec | CosineScheduleWithWarmupSpec | InverseSqrtScheduleSpec;

/** λ(e) of the schedule: the factor LambdaLR multiplies the base value by. */
export function huggingFaceLambda(spec: Kwargs<HuggingFaceScheduleSpec>): (epoch: number) => number {
  const W = spec.num_warmup_steps;
  switch (spec.scheduler) {
    case 'get_linear_schedule_with_warmup': {
      const N = spec.num_training_steps;
      return (e) => (e < W ? warmupFactor(e, W) : Math.max(0.0, (N - e) / Math.max(1, N - W)));
    }
    case 'get_cosine_schedule_with_warmup': {
      const N = spec.num_training_steps;
      const cycles = spec.num_cycles;
      return (e) => {
        if (e < W) return warmupFactor(e, W);
        const progress = (e - W) / Math.max(1, N - W);
        return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress)));
      };
    }
    case 'get_inverse_sqrt_schedule': {
      const timescale = spec.timescale ?? (W || 10_000);
      const shift = timescale - W;
      return (e) => {
        if (e < W) return warmupFactor(e, W);
        // e ≥ W here, so e + shift ≥ timescale ≥ 1: the square root is real and positive.
        return 1.0 / Math.sqrt((e + shift) / timescale);
      };
    }
  }
}
