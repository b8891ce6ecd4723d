import { z } from 'zod';
import { fillBank } from './bank-fill.js';
import { definePreset } from './preset.js';

/**
 * Aggregated momentum: K velocity buffers v_i,t = β_i·v_i,t−1 + g_t (starting at 0) and the step
 * direction d_t = (1/K)·Σ_i v_i,t — a bank of K branches (c = 1/K, u = β_i, v = 1):
 * H(z) = (1/K)·Σ_i 1/(1 − β_i z⁻¹).
 */
export const aggmo = definePreset({
  kind: 'bank',
  name: 'aggmo',
  summary: 'aggregated momentum: the mean of K heavy-ball buffers with damping factors β_1 … β_K',
  formula: 'v_i,t = β_i·v_i,t−1 + g_t; d_t = (1/K)·Σ_i v_i,t; H(z) = (1/K)·Σ_i 1/(1 − β_i z⁻¹)',
  source: 'Lucas, Sun, Zemel & Grosse, "Aggregated Momentum: Stability Through Passive Damping", ICLR 2019',
  params: z.strictObject({
    betas: z.array(z.number()).min(1).max(64).default([0, 0.9, 0.99]).describe('damping factors β_i, one buffer each (paper default [0, 0.9, 0.99])'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  branchKey: (i) => ['betas', i],
  stageBytes: ({ betas }) => 8 + 24 * betas.length,
  bank: ({ betas }, partition) =>
    fillBank(partition, betas.length, () => ({ c0: 0, branches: betas.map((b) => ({ c: 1 / betas.length, u: b, v: 1 })) })),
});
