import { z } from 'zod';
import { fillBank } from './bank-fill.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';
import { TORCH_MOMENTUM_RULE } from './pytorch-sgd.js';

/** torch.optim.SGD's constructor: `if nesterov and (momentum <= 0 or dampening != 0): raise ValueError(…)`. */
const TORCH_NESTEROV_RULE = 'torch.optim.SGD raises "Nesterov momentum requires a momentum and zero dampening"';

/**
 * torch.optim.SGD(momentum=μ, dampening=τ, nesterov=True): buf_t = μ·buf_{t−1} + (1 − τ)·g_t (buf_1 = g_1),
 * and the step direction is d_t = g_t + μ·buf_t — a bank with feed-through c0 = 1 and one branch
 * (c = μ, u = μ, v = 1 − τ): H(z) = 1 + μ(1 − τ)/(1 − μz⁻¹).
 */
export const nesterov = definePreset({
  kind: 'bank',
  name: 'nesterov',
  summary: 'torch.optim.SGD with nesterov=True: d = g + μ·buf, buf = μ·buf + (1 − τ)·g (first step copies g)',
  formula: 'buf_t = μ·buf_{t−1} + (1 − τ)·g_t, buf_1 = g_1; d_t = g_t + μ·buf_t; H(z) = 1 + μ(1 − τ)/(1 − μz⁻¹)',
  source: 'PyTorch torch.optim.SGD (nesterov=True) documentation and source; Sutskever et al., ICML 2013',
  params: z.strictObject({
    // torch checks the momentum the optimizer is built with (> 0); a scheduler may write 0 later.
    momentum: scheduled({ default: 0.9, min: 0, rule: TORCH_MOMENTUM_RULE, constant: { min: 0, minExclusive: true, rule: TORCH_NESTEROV_RULE } }).describe(
      'momentum factor μ (> 0; a schedule may be 0 at some steps: torch keeps no buffer then)',
    ),
    dampening: scheduled({ default: 0, min: 0, max: 0, rule: TORCH_NESTEROV_RULE }).describe('dampening for momentum τ: 0, as torch requires with nesterov=True'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: true,
  momentumParam: 'momentum',
  bank: ({ momentum, dampening }, partition) =>
    fillBank(partition, 1, (_t, k) => {
      const mu = stageValue(momentum, k);
      return { c0: 1, branches: [{ c: mu, u: mu, v: 1 - stageValue(dampening, k) }] };
    }),
});
