import { z } from 'zod';
import type { StageTable } from '../../types.js';
import { LIMITS } from '../limits.js';
import { definePreset } from './preset.js';

/**
 * FSGDM (Frequency Stochastic Gradient Descent with Momentum), exactly as the official optimizer
 * computes u per step (github.com/yinleung/FSGDM, fsgdm/fsgdm.py, commit 697bf4d):
 *
 *   δ = ⌊Σ / N⌋ (integer division)   μ = c·Σ
 *   at optimizer step s (counted from 1): stage start S = ⌊s / δ⌋·δ,  u = S / (S + μ)
 *   m_1 = g_1 (buffer initialised with a copy), then m_s = u·m_{s−1} + v·g_s
 *
 * Σ is the optimizer's own `sigma` (default: the run's steps); the run may be longer or shorter:
 * nothing in the official code stops at Σ, so u keeps rising by the same rule (the official CIFAR-100
 * example runs 300 × 391 = 117 300 steps with Σ = 117 000). Steps 1 … δ−1 use u = 0 (stage 0 is one
 * step short), segment j ≥ 1 covers j·δ … (j+1)·δ − 1 with u_j = jδ/(jδ + cΣ); with steps = Σ and
 * δ·N ≤ Σ the tail j = N, N+1, … forms extra segments (with the defaults, step 117 000 alone).
 * Stage j's u is independent of Σ when N divides Σ: j/(j + cN).
 */
export const fsgdm = definePreset({
  kind: 'own-partition',
  name: 'fsgdm',
  summary: 'FSGDM, the paper\'s optimizer: u rises as S/(S + cΣ) at stage starts S; v fixed (official implementation)',
  formula: 'δ = ⌊Σ/N⌋, μ = c·Σ, u_s = S/(S + μ) with S = ⌊s/δ⌋·δ, v_s = v; m_1 = g_1',
  source: 'Li et al., ICLR 2025, Algorithm 1; official code github.com/yinleung/FSGDM fsgdm/fsgdm.py',
  params: z.strictObject({
    c: z.number().min(0).default(0.033).describe('scaling factor c (official: c_scaling); μ = c·Σ'),
    v: z.number().min(0).default(1).describe('gradient coefficient v (official: v_coefficient)'),
    sigma: z.int().min(1).nullable().default(null).describe('Σ, the optimizer\'s planned number of steps (official: sigma; null: the run\'s steps)'),
  }),
  defaults: { steps: 117_000, stages: 300 },
  firstStepCopy: true,
  table: (params, steps, stages, allocate = newStageTable): StageTable | string => {
    const sigma = sigmaOf(params, steps);
    const delta = Math.floor(sigma / stages);
    if (delta < 1) {
      return params.sigma === null
        ? `fsgdm needs steps ≥ stages: the official code divides by ⌊steps/stages⌋ = 0 (steps ${steps}, stages ${stages})`
        : `fsgdm needs sigma ≥ stages: the official code divides by ⌊sigma/stages⌋ = 0 (sigma ${sigma}, stages ${stages})`;
    }
    const mu = params.c * sigma;
    const { first, last, count } = segments(steps, delta);
    if (count > LIMITS.maxStages) return `fsgdm with δ = ${delta} gives ${count} segments, more than ${LIMITS.maxStages}`;
    const table = allocate(count);
    for (let j = first; j <= last; j++) {
      const i = j - first;
      const start = j * delta;
      table.startStep[i] = Math.max(1, start);
      table.endStep[i] = Math.min(start + delta - 1, steps);
      table.u[i] = start / (start + mu);
      table.v[i] = params.v;
    }
    return table;
  },
  // N + 1 segments over Σ steps (step Σ alone) is the rule's normal outcome; more means δ was floored.
  stageNote: (params, steps, stages, count) => {
    const sigma = sigmaOf(params, steps);
    const delta = Math.floor(sigma / stages);
    return delta >= 1 && segments(sigma, delta).count > stages + 1
      ? `δ = ⌊${sigma}/${stages}⌋ = ${delta} steps per stage by FSGDM's official rule (step_per_epoch = Σ // N), so the run has ${count} stages, not ${stages}`
      : undefined;
  },
  // u_j = S/(S + μ) is 0/0 at S = 0 when μ = 0, and rounds to 1 once μ < ulp(S)/2: the largest S decides
  // (μ/S only shrinks as S grows), so checking it and μ > 0 is exact in floating point.
  stableWhen: (params, steps, stages) => {
    const sigma = sigmaOf(params, steps);
    const delta = Math.floor(sigma / stages);
    if (delta < 1) return false;
    const mu = params.c * sigma;
    const start = segments(steps, delta).last * delta;
    return mu > 0 && start / (start + mu) < 1;
  },
  stageCount: (params, steps, stages) => {
    const delta = Math.floor(sigmaOf(params, steps) / stages);
    return delta < 1 ? 0 : segments(steps, delta).count;
  },
});

/** Σ: the optimizer's `sigma`, by default the run's steps. */
function sigmaOf(params: { sigma: number | null }, steps: number): number {
  return params.sigma ?? steps;
}

/** Segments j = first … last of the official rule; with δ = 1, segment 0 (steps 1 … 0) is empty. */
function segments(steps: number, delta: number): { first: number; last: number; count: number } {
  const last = Math.floor(steps / delta);
  const first = delta === 1 ? 1 : 0;
  return { first, last, count: last - first + 1 };
}

function newStageTable(count: number): StageTable {
  return { count, startStep: new Float64Array(count), endStep: new Float64Array(count), u: new Float64Array(count), v: new Float64Array(count) };
}
