import { z } from 'zod';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/** EMA-SGDM: the coupled convention, an exponential moving average of gradients (DC gain 1). */
export const emaSgdm = definePreset({
  kind: 'first-order',
  uKey: 'beta',
  name: 'ema-sgdm',
  summary: 'EMA (coupled) momentum: u = β, v = 1 − β (orthodox low-pass, DC gain 1)',
  formula: 'u = β, v = 1 − β',
  source: 'Li et al., ICLR 2025, §2 (EMA-SGDM)',
  params: z.strictObject({
    beta: scheduled({ default: 0.9, min: 0, max: 1, maxExclusive: true }).describe('momentum coefficient β, in [0, 1) (an average of the gradients)'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  coefficients: ({ beta }) => () => ({ u: stageValue(beta, 0), v: 1 - stageValue(beta, 0) }),
});
