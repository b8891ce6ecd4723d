import { z } from 'zod';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/** torch.optim.SGD's constructor: `if momentum < 0.0: raise ValueError("Invalid momentum value: …")`. */
export const TORCH_MOMENTUM_RULE = 'torch.optim.SGD raises "Invalid momentum value"';

/**
 * torch.optim.SGD(momentum, dampening): buf = momentum·buf + (1 − dampening)·g, first step buf = g. With
 * momentum 0 torch keeps no buffer (`if momentum != 0`) and steps along g itself, dampening or not:
 * u = 0, v = 1.
 */
export const pytorchSgd = definePreset({
  kind: 'first-order',
  name: 'pytorch-sgd',
  summary: 'torch.optim.SGD: u = momentum, v = 1 − dampening; the first step copies the gradient',
  formula: 'u = momentum, v = 1 − dampening (momentum 0: d = g); m_1 = g_1',
  source: 'PyTorch torch.optim.SGD documentation and source (nesterov=False)',
  params: z.strictObject({
    momentum: scheduled({ default: 0.9, min: 0, rule: TORCH_MOMENTUM_RULE }).describe('momentum factor (≥ 0; torch keeps no buffer while it is 0)'),
    dampening: scheduled({ default: 0 }).describe('dampening for momentum'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: true,
  momentumParam: 'momentum',
  torchSpellings: { nesterov: 'torch.optim.SGD(nesterov=True) is preset: nesterov (its momentum and dampening keys are the same)' },
  torchDefaults: { nesterov: false },
  coefficients: (params) => () => {
    const momentum = stageValue(params.momentum, 0);
    return momentum === 0 ? { u: 0, v: 1 } : { u: momentum, v: 1 - stageValue(params.dampening, 0) };
  },
});
