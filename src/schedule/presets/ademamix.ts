import { z } from 'zod';
import { fixedLengthPartition } from '../stages.js';
import { biasCorrection, fillBank } from './bank-fill.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/**
 * AdEMAMix's numerator: a fast bias-corrected EMA and a slow EMA mixed with weight α,
 *
 *   m1_t = β1·m1_{t−1} + (1 − β1)·g_t,   m2_t = β3(t)·m2_{t−1} + (1 − β3(t))·g_t   (both from 0)
 *   d_t = m1_t/(1 − β1^t) + α(t)·m2_t
 *
 * With T_alpha_beta3 = T the official warm-up schedulers apply for t < T (t = the optimizer's step count,
 * from 1): α(t) = α·t/T, and β3(t) = f⁻¹((1 − t/T)·f(β1) + (t/T)·f(β3)) with f(β) = ln 0.5/ln(β + 1e-8) − 1,
 * f⁻¹(x) = 0.5^{1/(x + 1)} (linear in half-life). One stage per step (bias correction, warm-up).
 * The update divides by √v̂_t + ε elementwise: a nonlinearity this linear analysis leaves out.
 */
export const ademamix = definePreset({
  kind: 'bank',
  name: 'ademamix',
  summary: 'AdEMAMix: m1/(1 − β1^t) + α·m2, fast EMA β1 and slow EMA β3, with the α and β3 warm-ups',
  formula: 'm1 = β1·m1 + (1 − β1)·g, m2 = β3(t)·m2 + (1 − β3(t))·g; d_t = m1_t/(1 − β1^t) + α(t)·m2_t',
  source: 'Pagliardini, Ablin & Grangier, "The AdEMAMix Optimizer: Better, Faster, Older", 2024, Algorithm 1; official code apple/ml-ademamix',
  params: z.strictObject({
    beta1: scheduled({ min: 0, max: 1, maxExclusive: true, default: 0.9 }).describe('fast EMA decay β1'),
    beta3: z.number().min(0).lt(1).default(0.9999).describe('slow EMA decay β3 (final value)'),
    alpha: z.number().default(5).describe('slow EMA weight α (final value)'),
    T_alpha_beta3: z.int().min(1).nullable().default(null).describe('warm-up steps of α and β3 (null: none)'),
  }),
  defaults: { steps: 1000, stages: 1 },
  firstStepCopy: false,
  torchSpellings: { betas: "the official AdEMAMix's betas = (β1, β2, β3) are beta1: betas[0] and beta3: betas[2] here (betas[1], β2, scales each coordinate's step: it is no filter of the gradient)" },
  partition: (steps) => fixedLengthPartition(steps, 1),
  stageCount: (_params, steps) => steps,
  stageBytes: () => 8 + 2 * 24,
  bank: ({ beta1: beta1s, beta3, alpha, T_alpha_beta3: warmup }, partition) =>
    fillBank(partition, 2, (t, k) => {
      const beta1 = stageValue(beta1s, k);
      const b3 = warmup !== null && t < warmup ? halfLifeWarmup(t, beta3, beta1, warmup) : beta3;
      const a = warmup !== null && t < warmup ? (t / warmup) * alpha : alpha;
      return {
        c0: 0,
        branches: [
          { c: biasCorrection(beta1, t), u: beta1, v: 1 - beta1 },
          { c: a, u: b3, v: 1 - b3 },
        ],
      };
    }),
});

/** The official linear_hl_warmup_scheduler(step, beta_end, beta_start, warmup), for step < warmup. */
function halfLifeWarmup(step: number, betaEnd: number, betaStart: number, warmup: number): number {
  const f = (beta: number) => Math.log(0.5) / Math.log(beta + 1e-8) - 1;
  const a = step / warmup;
  return Math.pow(0.5, 1 / ((1 - a) * f(betaStart) + a * f(betaEnd) + 1));
}
