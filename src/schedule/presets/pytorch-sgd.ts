import { z } from 'zod';
import { definePreset } from './preset.js';

/** torch.optim.SGD(momentum, dampening): buf = momentum·buf + (1 − dampening)·g, first step buf = g. */
export const pytorchSgd = definePreset({
  kind: 'first-order',
  name: 'pytorch-sgd',
  summary: 'torch.optim.SGD: u = momentum, v = 1 − dampening; the first step copies the gradient',
  formula: 'u = momentum, v = 1 − dampening; m_1 = g_1',
  source: 'PyTorch torch.optim.SGD documentation and source (nesterov=False)',
  params: z.strictObject({
    momentum: z.number().default(0.9).describe('momentum factor'),
    dampening: z.number().default(0).describe('dampening for momentum'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: true,
  coefficients: ({ momentum, dampening }) => () => ({ u: momentum, v: 1 - dampening }),
});
