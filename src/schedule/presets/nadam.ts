import { z } from 'zod';
import { emptyBank } from '../../filter/bank-table.js';
import type { BankTable } from '../../types.js';
import { fixedLengthPartition, type Partition } from '../stages.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/**
 * NAdam's linear part as torch.optim.NAdam applies it (PyTorch 2.x / upstream main, torch/optim/nadam.py,
 * `_single_tensor_nadam`): m_t = β1·m_{t−1} + (1 − β1)·g_t (m_0 = 0; torch's `exp_avg.lerp_(grad, 1 − β1)`),
 * with the momentum cache μ_t = β1·(1 − ½·0.96^{tψ}), μ′_t = μ_{t+1} and P_t = P_{t−1}·μ_t (P_0 = 1), and
 *
 *   d_t = c0_t·g_t + c_t·m_t,   c0_t = (1 − μ_t)/(1 − P_t),   c_t = μ′_t/(1 − P_t·μ′_t)
 *
 * (torch's `(−lr·(1 − mu))/(1 − mu_product)` and `(−lr·mu_next)/(1 − mu_product·mu_next)`, before the
 * division by √v̂ + ε). torch 1.13 multiplied `mu_product·mu·mu_next` in the second weight: 0.655 % higher
 * |H(1, 0)|, 3e-5 relative at step 10, the same doubles from step 50 (test/fixtures/torch/README.md).
 * The weights change every step: one stage per step, like adam-m.
 */
export const nadam = definePreset({
  kind: 'bank',
  name: 'nadam',
  summary: 'torch.optim.NAdam\'s numerator: c0·g + c·m, m = β1·m + (1 − β1)·g, momentum cache μ_t = β1(1 − ½·0.96^{tψ}) (one stage per step)',
  formula: 'm_t = β1·m_{t−1} + (1 − β1)·g_t, m_0 = 0; μ_t = β1(1 − ½·0.96^{tψ}), P_t = Π_{s≤t} μ_s; d_t = (1 − μ_t)/(1 − P_t)·g_t + μ_{t+1}/(1 − P_t·μ_{t+1})·m_t',
  source: 'Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop; torch.optim.NAdam as in PyTorch 2.x / upstream main (torch 1.13 differs in the first steps)',
  params: z.strictObject({
    beta1: scheduled({ min: 0, max: 1, maxExclusive: true, default: 0.9 }).describe('first-moment decay β1 (PyTorch betas[0])'),
    momentum_decay: z.number().min(0).default(0.004).describe('momentum decay ψ of the momentum cache μ_t (PyTorch momentum_decay)'),
  }),
  defaults: { steps: 1000, stages: 1 },
  firstStepCopy: false,
  momentumParam: 'beta1',
  torchSpellings: { betas: "torch's betas[0] is beta1 here (betas[1], β2, scales each coordinate's step: it is no filter of the gradient)" },
  partition: (steps) => fixedLengthPartition(steps, 1),
  stageCount: (_params, steps) => steps,
  bank: ({ beta1, momentum_decay: psi }, partition) => nadamBank(beta1, psi, partition),
});

/** The bank over a one-step-per-stage partition: P_t is a running product, so the stages are filled in order. */
function nadamBank(beta1s: unknown, psi: number, partition: Partition): BankTable {
  const bank = emptyBank(partition.count, 1);
  let product = 1;
  for (let k = 0; k < partition.count; k++) {
    const t = partition.startStep[k];
    // The current β1 in μ_t and μ_{t+1}, as torch reads betas[0] at each step.
    const beta1 = stageValue(beta1s, k);
    // torch's operation order: beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay))).
    const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
    const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
    product *= mu;
    bank.c0[k] = (1 - mu) / (1 - product);
    bank.c[k] = muNext / (1 - product * muNext);
    bank.u[k] = beta1;
    bank.v[k] = 1 - beta1;
  }
  return bank;
}
