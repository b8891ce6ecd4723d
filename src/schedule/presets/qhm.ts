import { z } from 'zod';
import { fillBank } from './bank-fill.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/**
 * Quasi-hyperbolic momentum: g_buf_t = β·g_buf_{t−1} + (1 − β)·g_t (buffer starts at 0),
 * d_t = (1 − ν)·g_t + ν·g_buf_t — feed-through c0 = 1 − ν and one EMA branch weighted ν:
 * H(z) = (1 − ν) + ν(1 − β)/(1 − βz⁻¹). ν = 0 is SGD, ν = 1 EMA momentum, ν = β Nesterov's (normalised).
 */
export const qhm = definePreset({
  kind: 'bank',
  name: 'qhm',
  summary: 'quasi-hyperbolic momentum: d = (1 − ν)·g + ν·buf, buf = β·buf + (1 − β)·g',
  formula: 'buf_t = β·buf_{t−1} + (1 − β)·g_t; d_t = (1 − ν)·g_t + ν·buf_t; H(z) = 1 − ν + ν(1 − β)/(1 − βz⁻¹)',
  source: 'Ma & Yarats, "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019 (qhoptim QHM)',
  params: z.strictObject({
    nu: scheduled({ default: 0.7 }).describe('immediate discount factor ν (paper default 0.7)'),
    beta: scheduled({ default: 0.999 }).describe('momentum buffer decay β (paper default 0.999)'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  bank: (params, partition) =>
    fillBank(partition, 1, (_t, k) => {
      const [nu, beta] = [stageValue(params.nu, k), stageValue(params.beta, k)];
      return { c0: 1 - nu, branches: [{ c: nu, u: beta, v: 1 - beta }] };
    }),
});
