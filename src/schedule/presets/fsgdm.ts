import { z } from 'zod';
import type { StageTable } from '../../types.js';
import { LIMITS } from '../limits.js';
import { definePreset } from './preset.js';

/**
 * FSGDM (Frequency Stochastic Gradient Descent with Momentum), exactly as the official optimizer
 * computes u per step (github.com/yinleung/FSGDM, fsgdm/fsgdm.py):
 *
 *   δ = ⌊Σ / N⌋ (integer division)   μ = c·Σ
 *   at optimizer step s (counted from 1): stage start S = ⌊s / δ⌋·δ,  u = S / (S + μ)
 *   m_1 = g_1 (buffer initialised with a copy), then m_s = u·m_{s−1} + v·g_s
 *
 * So steps 1 … δ−1 use u = 0 (stage 0 is one step short), segment j ≥ 1 covers j·δ … (j+1)·δ − 1
 * with u_j = jδ/(jδ + cΣ), and when δ·N ≤ Σ the tail j = N, N+1, … forms extra segments (with the
 * defaults, step 117 000 alone). Stage j's u is independent of Σ when N divides Σ: j/(j + cN).
 */
export const fsgdm = definePreset({
  name: 'fsgdm',
  summary: 'FSGDM, the paper\'s optimizer: u rises as S/(S + cΣ) at stage starts S; v fixed (official implementation)',
  formula: 'δ = ⌊Σ/N⌋, μ = c·Σ, u_s = S/(S + μ) with S = ⌊s/δ⌋·δ, v_s = v; m_1 = g_1',
  source: 'Li et al., ICLR 2025, Algorithm 1; official code github.com/yinleung/FSGDM fsgdm/fsgdm.py',
  params: z.strictObject({
    c: z.number().min(0).default(0.033).describe('scaling factor c (official: c_scaling); μ = c·Σ'),
    v: z.number().min(0).default(1).describe('gradient coefficient v (official: v_coefficient)'),
  }),
  defaults: { steps: 117_000, stages: 300 },
  firstStepCopy: true,
  coefficients: ({ v }) => () => ({ u: 0, v }),
  table: ({ c, v }, steps, stages, allocate = newStageTable): StageTable | string => {
    const delta = Math.floor(steps / stages);
    if (delta < 1) {
      return `fsgdm needs steps ≥ stages: the official code divides by ⌊steps/stages⌋ = 0 (steps ${steps}, stages ${stages})`;
    }
    const mu = c * steps;
    const { first, last, count } = segments(steps, delta);
    if (count > LIMITS.maxStages) return `fsgdm with δ = ${delta} gives ${count} segments, more than ${LIMITS.maxStages}`;
    const table = allocate(count);
    for (let j = first; j <= last; j++) {
      const i = j - first;
      const start = j * delta;
      table.startStep[i] = Math.max(1, start);
      table.endStep[i] = Math.min(start + delta - 1, steps);
      table.u[i] = start / (start + mu);
      table.v[i] = v;
    }
    return table;
  },
  // N + 1 segments is the rule's normal outcome (the final step alone); more means δ was floored.
  stageNote: (steps, stages, count) =>
    count > stages + 1
      ? `δ = ⌊${steps}/${stages}⌋ = ${Math.floor(steps / stages)} steps per stage by FSGDM's official rule (step_per_epoch = Σ // N), so the run has ${count} stages, not ${stages}`
      : undefined,
  stageCount: (_params, steps, stages) => (Math.floor(steps / stages) < 1 ? 0 : segments(steps, Math.floor(steps / stages)).count),
});

/** Segments j = first … last of the official rule; with δ = 1, segment 0 (steps 1 … 0) is empty. */
function segments(steps: number, delta: number): { first: number; last: number; count: number } {
  const last = Math.floor(steps / delta);
  const first = delta === 1 ? 1 : 0;
  return { first, last, count: last - first + 1 };
}

function newStageTable(count: number): StageTable {
  return { count, startStep: new Float64Array(count), endStep: new Float64Array(count), u: new Float64Array(count), v: new Float64Array(count) };
}
