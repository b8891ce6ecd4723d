import { z } from 'zod';
import { definePreset, type Preset, type StageContext } from './preset.js';

/**
 * The schedules of the paper's Section 3 experiments (Tables 1 and 2): orthodox (v = 1 − |u|, only
 * attenuates) or unorthodox (v = 1, amplifies one band), low-pass (u ≥ 0) or high-pass (u ≤ 0), with
 * |u| increasing, fixed or decreasing over training. Named paper-<kind>-<band>-<trend>.
 *
 *   increasing: |u_t| = t/(t + μ)     (the paper's formula; all-pass early, → 1 late)
 *   decreasing: |u_t| = μ/(t + μ)     (the paper's e.g.; the mirror image in time)
 *   fixed:      |u_t| = β = 0.9       (the baseline)
 *
 * t is the first step of the stage (1-based); without `stages`/`stageLength`, every step is its own
 * stage, so u_t is per step.
 * The paper leaves the exact decreasing and high-pass formulas, and per-step vs per-stage
 * evaluation, open: these are the natural sign-mirrored readings (documented in docs/config.md).
 */
type Kind = 'orthodox' | 'unorthodox';
type Band = 'low-pass' | 'high-pass';
type Trend = 'increasing' | 'fixed' | 'decreasing';

const KINDS: Kind[] = ['orthodox', 'unorthodox'];
const BANDS: Band[] = ['low-pass', 'high-pass'];
const TRENDS: Trend[] = ['increasing', 'fixed', 'decreasing'];

/** Default μ: the values the paper reports best (orthodox increasing μ = 1 000, unorthodox 10 000). */
const DEFAULT_MU: Record<Kind, number> = { orthodox: 1000, unorthodox: 10000 };

function magnitude(trend: Trend, mu: number, beta: number, ctx: StageContext): number {
  if (trend === 'fixed') return beta;
  return trend === 'increasing' ? ctx.t / (ctx.t + mu) : mu / (ctx.t + mu);
}

function paperPreset(kind: Kind, band: Band, trend: Trend): Preset {
  const sign = band === 'low-pass' ? 1 : -1;
  const uText = trend === 'fixed' ? 'β' : trend === 'increasing' ? 't/(t + μ)' : 'μ/(t + μ)';
  const vText = kind === 'orthodox' ? 'v = 1 − |u|' : 'v = 1';
  const params =
    trend === 'fixed'
      ? z.strictObject({ beta: z.number().min(0).default(0.9).describe('|u|, the fixed momentum magnitude') })
      : z.strictObject({ mu: z.number().positive().default(DEFAULT_MU[kind]).describe('μ, steps to reach |u| = 1/2') });
  return definePreset({
    kind: 'first-order',
    name: `paper-${kind}-${band}-${trend}`,
    summary: `paper §3: ${kind} ${band}${kind === 'unorthodox' ? ' gain' : ''}, ${trend} |u|`,
    formula: `u = ${sign < 0 ? '−' : ''}${uText}, ${vText}`,
    source: `Li et al., ICLR 2025, §3, Table ${kind === 'orthodox' ? 1 : 2}`,
    params,
    defaults: { steps: 117_000, stages: 300 },
    firstStepCopy: false,
    stepDependent: () => trend !== 'fixed',
    coefficients: (p: { mu?: number; beta?: number }) => (ctx) => {
      const a = magnitude(trend, p.mu ?? 0, p.beta ?? 0, ctx);
      return { u: sign * a, v: kind === 'orthodox' ? 1 - a : 1 };
    },
  }) as unknown as Preset;
}

export const paperPresets: Preset[] = KINDS.flatMap((kind) =>
  BANDS.flatMap((band) => TRENDS.map((trend) => paperPreset(kind, band, trend))),
);
