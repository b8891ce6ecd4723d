import type { Schedule } from '../types.js';
import { rfftPlan } from '../math/fft-plan.js';
import { assertFinite } from './finite-input.js';
import { toSpan, type StageSpan } from './stage-spans.js';

/** Where a signal's energy lies relative to a split frequency. */
export interface EnergySplit {
  /** (1/n)·Σ x²: the signal's power, units². */
  meanSquare: number;
  /** Share of the energy at frequencies f < split, in [0, 1]; null for an all-zero signal. */
  below: number | null;
  /** Share at f ≥ split; below + above = 1. */
  above: number | null;
}

/**
 * The share of a signal's energy below and above a frequency, from its periodogram.
 *
 *     E_k = c_k·|X_k|²,  X = rfft(x),  c_k = 2 for 0 < k < n/2, else 1
 *     below = Σ_{f_k < split} E_k / Σ_k E_k,   f_k = k·fs/n
 *
 * Parameters
 * ----------
 * x : samples (not detrended, not windowed: the mean is the f = 0 share, which is what
 *   momentum's DC gain acts on).
 * split : frequency in units of fs (cycles/step for fs = 1); bins at exactly `split` count as above.
 * fs : sampling frequency (default 1).
 *
 * Notes
 * -----
 * Parseval: Σ_k E_k = n·Σ x², so the shares are exact fractions of the signal's energy, with
 * the frequency resolution fs/n of the whole signal (no segment averaging: the shares are
 * sums, whose noise averages out across bins). Any n: fft sizes that are not powers of two
 * use Bluestein (fft-plan.ts). A NaN or ±Infinity sample throws NonFiniteInputError.
 *
 * References
 * ----------
 * Oppenheim and Schafer, "Discrete-Time Signal Processing", 3rd ed., §8.7.1 (Parseval for the DFT).
 */
export function energySplit(x: Float64Array, split: number, fs = 1): EnergySplit {
  const n = x.length;
  if (n === 0) return { meanSquare: 0, below: null, above: null };
  const plan = rfftPlan(n);
  const re = new Float64Array(plan.bins), im = new Float64Array(plan.bins);
  plan.transform(x, re, im);
  if (re[0] - re[0] !== 0) assertFinite(x, 'x');
  let low = 0, total = 0, sumSquares = 0;
  for (let t = 0; t < n; t++) sumSquares += x[t] * x[t];
  for (let k = 0; k < plan.bins; k++) {
    const weight = k === 0 || 2 * k === n ? 1 : 2;
    const e = weight * (re[k] * re[k] + im[k] * im[k]);
    total += e;
    if ((k * fs) / n < split) low += e;
  }
  if (!(total > 0)) return { meanSquare: sumSquares / n, below: null, above: null };
  return { meanSquare: sumSquares / n, below: low / total, above: (total - low) / total };
}

/** One stage of a trace (a real stage, or a display stage: StageSpan): its energy split before and after the momentum filter. */
export type StageEnergy = StageSpan & {
  /** Steps of the stage present in the trace. */
  samples: number;
  /** The gradient g in this stage. */
  before: EnergySplit;
  /** The momentum buffer m in this stage (same steps). */
  after: EnergySplit;
};

/**
 * Per stage of `schedule` (or per span of `spans`: display stages, stage-spans.ts), the energy split
 * of the trace g and of its momentum-filtered version m (runMomentum(schedule, g)), both restricted
 * to the stage's steps that g covers. Stages that start after g ends are omitted.
 */
export function stageEnergySplits(schedule: Schedule, g: Float64Array, m: Float64Array, split: number, fs = 1, spans?: readonly StageSpan[]): StageEnergy[] {
  const out: StageEnergy[] = [];
  const each = spans ?? Array.from({ length: schedule.stages.count }, (_, i) => i);
  for (const item of each) {
    const span = toSpan(schedule, item);
    if (span.startStep > g.length) break;
    const from = span.startStep - 1, to = Math.min(span.endStep, g.length);
    out.push({
      ...span, samples: to - from,
      before: energySplit(g.subarray(from, to), split, fs),
      after: energySplit(m.subarray(from, to), split, fs),
    });
  }
  return out;
}
