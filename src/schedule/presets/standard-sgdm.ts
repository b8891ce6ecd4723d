import { z } from 'zod';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';
import { TORCH_MOMENTUM_RULE } from './pytorch-sgd.js';

/** Standard-SGDM: the decoupled convention, PyTorch's default (DC gain 1/(1 − β)). */
export const standardSgdm = definePreset({
  kind: 'first-order',
  name: 'standard-sgdm',
  summary: 'standard (decoupled) momentum: u = β, v = 1 (unorthodox low-pass gain, DC gain 1/(1−β))',
  formula: 'u = β, v = 1',
  source: 'Li et al., ICLR 2025, §2 (Standard-SGDM); torch.optim.SGD with dampening 0',
  params: z.strictObject({
    beta: scheduled({ default: 0.9, min: 0, rule: TORCH_MOMENTUM_RULE }).describe('momentum coefficient β (≥ 0: torch.optim.SGD\'s momentum)'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: true,
  momentumParam: 'beta',
  torchSpellings: { nesterov: 'nesterov: true is preset: nesterov (torch.optim.SGD(nesterov=True); its momentum is beta here), and plain momentum (nesterov: false) needs no key' },
  coefficients: ({ beta }) => () => ({ u: stageValue(beta, 0), v: 1 }),
});
