import type { SignalSpec } from './signals.js';

/**
 * The input of the paper's Figure 1: a noisy sinusoid. The paper does not state its frequency,
 * amplitude, noise or length ([open] in docs/theory.md), so these are our choices, made to
 * show the figure's point: a slow sine (period 100 steps, ω = 2π/100 rad/sample) that a
 * low-pass stage keeps and a high-pass stage removes, under white noise of half its amplitude
 * that spans all frequencies, so every frequency's gain can be measured.
 */
export const FIGURE_ONE_SIGNAL = {
  kind: 'noisy-sine',
  frequency: (2 * Math.PI) / 100,
  amplitude: 1,
  noiseSigma: 0.5,
  phase: 0,
  seed: 0,
} as const satisfies SignalSpec;

/**
 * Agreement that `momentum-fr simulate` promises for its default input (FIGURE_ONE_SIGNAL) on
 * schedules whose stages hold ≥ 256 steps: in every stage, over the Welch frequencies with
 * coherence ≥ 0.99, the median deviation |20·log10(|Ĥ|/|H_k|)| at bin centres is ≤ 0.25 dB and
 * the largest deviation beyond the bin's resolution is ≤ 1.5 dB (see stageComparison).
 * Measured on the paper's Figure-1 schedules (4 000 steps in 8 stages, 20 000 in 10, 117 000 in
 * 300), EMA-SGDM and FSGDM: median ≤ 0.08 dB, max ≤ 0.9 dB (test/cli/spectral-cli.test.ts).
 */
export const DEFAULT_TOLERANCE = { maxDeviationDb: 1.5, medianDeviationDb: 0.25, coherenceThreshold: 0.99 } as const;
