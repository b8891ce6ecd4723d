import { z } from 'zod';
import { emptyBank } from '../../filter/bank-table.js';
import { fixedLengthPartition } from '../stages.js';
import { biasCorrection } from './bank-fill.js';
import { scheduled } from '../value-schema.js';
import { definePreset, stageValue } from './preset.js';

/**
 * Adam's (and AdamW's) first moment with bias correction: m_t = β1·m_{t−1} + (1 − β1)·g_t, m_0 = 0, and
 * m̂_t = m_t/(1 − β1^t). The correction changes every step, so the schedule has one stage per step
 * (u = β1, v = 1 − β1, output weight c_t = 1/(1 − β1^t)); the exact response walks all of them in one
 * closed-form jump, since only the output weight differs. With biasCorrection: false, stages as given.
 * The update divides m̂ by √v̂_t + ε elementwise: a nonlinearity this linear analysis leaves out.
 */
export const adamM = definePreset({
  kind: 'bank',
  name: 'adam-m',
  summary: 'Adam/AdamW first moment m̂ = m/(1 − β1^t), m = β1·m + (1 − β1)·g (one stage per step)',
  formula: 'm_t = β1·m_{t−1} + (1 − β1)·g_t, m_0 = 0; d_t = m_t/(1 − β1^t); H_t(z) = (1 − β1)/((1 − β1^t)(1 − β1 z⁻¹))',
  source: 'Kingma & Ba, "Adam", ICLR 2015, Algorithm 1; torch.optim.Adam/AdamW (betas[0])',
  params: z.strictObject({
    beta1: scheduled({ min: 0, max: 1, maxExclusive: true, default: 0.9 }).describe('first-moment decay β1 (PyTorch betas[0])'),
    biasCorrection: z.boolean().default(true).describe('divide by 1 − β1^t (Adam does; false: plain EMA)'),
  }),
  defaults: { steps: 1000, stages: 1 },
  firstStepCopy: false,
  momentumParam: 'beta1',
  torchSpellings: { betas: "torch's betas[0] is beta1 here (betas[1], β2, scales each coordinate's step: it is no filter of the gradient)" },
  partition: (steps, stages, params) => fixedLengthPartition(steps, stageLength(steps, stages, params.biasCorrection)),
  stageCount: (params, steps, stages) => Math.ceil(steps / stageLength(steps, stages, params.biasCorrection)),
  bank: ({ beta1, biasCorrection: corrected }, partition) => {
    const bank = emptyBank(partition.count, 1);
    for (let k = 0; k < partition.count; k++) {
      // The current β1 everywhere, as torch: `1 - beta1 ** step` with this step's betas[0].
      const beta = stageValue(beta1, k);
      bank.u[k] = beta;
      bank.v[k] = 1 - beta;
      bank.c[k] = corrected ? biasCorrection(beta, partition.startStep[k]) : 1;
    }
    return bank;
  },
});

/** One step per stage with the bias correction (it changes every step); else the stages as given. */
function stageLength(steps: number, stages: number, corrected: boolean): number {
  return corrected ? 1 : Math.ceil(steps / stages);
}
