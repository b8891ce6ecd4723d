import { z } from 'zod';
import { definePreset } from './preset.js';

/** A single LTI filter for the whole run. */
export const constant = definePreset({
  kind: 'first-order',
  uKey: 'u',
  name: 'constant',
  summary: 'fixed u and v for the whole run',
  formula: 'm_t = u·m_{t−1} + v·g_t',
  source: 'the update equation itself (Li et al., ICLR 2025, eq. 1)',
  params: z.strictObject({
    u: z.number().default(0.9).describe('weight of the previous buffer'),
    v: z.number().default(1).describe('weight of the current gradient'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  coefficients: ({ u, v }) => () => ({ u, v }),
});
