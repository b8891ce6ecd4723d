import { z } from 'zod';
import { fillBank } from './bank-fill.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/**
 * Lion's direction before the sign: c_t = β1·m_{t−1} + (1 − β1)·g_t, then m_t = β2·m_{t−1} + (1 − β2)·g_t
 * (m_0 = 0). Since β2·m_{t−1} = m_t − (1 − β2)·g_t, c_t = (β1/β2)·m_t + (1 − β1/β2)·g_t: a bank with
 * feed-through c0 = 1 − β1/β2 and one branch (c = β1/β2, u = β2, v = 1 − β2), exact also when β2 changes
 * between stages. H(z) = (1 − β1) + β1(1 − β2)z⁻¹/(1 − β2 z⁻¹). Needs β2 > 0.
 * The update is sign(c_t): a nonlinearity this linear analysis leaves out.
 */
export const lion = definePreset({
  kind: 'bank',
  name: 'lion',
  summary: 'Lion before the sign: c = β1·m + (1 − β1)·g, then m = β2·m + (1 − β2)·g',
  formula: 'c_t = β1·m_{t−1} + (1 − β1)·g_t; m_t = β2·m_{t−1} + (1 − β2)·g_t; H(z) = 1 − β1 + β1(1 − β2)z⁻¹/(1 − β2 z⁻¹)',
  source: 'Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023, Program 1 (Lion)',
  params: z.strictObject({
    beta1: scheduled({ default: 0.9 }).describe('interpolation factor β1 of the update direction'),
    beta2: scheduled({ min: 0, minExclusive: true, default: 0.99 }).describe('momentum buffer decay β2 (> 0)'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  bank: (params, partition) =>
    fillBank(partition, 1, (_t, k) => {
      const [beta1, beta2] = [stageValue(params.beta1, k), stageValue(params.beta2, k)];
      return { c0: 1 - beta1 / beta2, branches: [{ c: beta1 / beta2, u: beta2, v: 1 - beta2 }] };
    }),
});
