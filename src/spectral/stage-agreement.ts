import type { DisplayRange, Schedule, Stage } from '../types.js';
import { empiricalGain } from './empirical-gain.js';
import { stageMagnitude, stageMetricsOf } from '../filter/stage-filter.js';
import { frozenRange, spanStages, spanTimeConstant, toSpan, type StageSpan } from './stage-spans.js';

export interface AgreementOptions {
  /** Frequencies whose coherence γ² is at least this are compared (default 0.99). */
  coherenceThreshold?: number;
  /** Largest Welch segment (default 256); shrunk per stage to a power of two ≤ samples/4. */
  nperseg?: number;
  /** Welch window (default 'hann'): one of those whose bandwidth Harris tabulates. */
  window?: AgreementWindow;
}

/** How closely the measured gain of one stage follows the theoretical one (dB = 20·log10). */
export interface Agreement {
  /** Largest dB distance from |Ĥ(f)| to the range of |H_k| over the bin's 3-dB band; null when nothing was compared. */
  maxDeviationDb: number | null;
  /**
   * Median over the same frequencies of |20·log10(|Ĥ(f)|/|H_k(f)|)| at the bin centres f: the
   * typical agreement. It can exceed maxDeviationDb, which forgives what the bin cannot resolve.
   */
  medianDeviationDb: number | null;
  coherenceThreshold: number;
  /** How many Welch frequencies had γ² ≥ threshold (and were compared). */
  frequenciesUsed: number;
}

/** One stage of a simulation (a real stage, or a display stage: StageSpan): measured against theoretical gain. */
export interface StageComparison extends Stage {
  /** Display stages only: the real stages grouped and their coefficient ranges (u, v above: at the last step). */
  display?: DisplayRange;
  /** Samples of the stage that were simulated (the input may end inside it). */
  samples: number;
  /** Welch segment length used for this stage (0: too few samples to estimate anything). */
  nperseg: number;
  /**
   * Measured but not judged: the stage's time constant τ (the 1/e decay of the impulse response) is
   * beyond what the bias of the estimate was measured for (MEMORY_BIAS: τ > nperseg, or τ ≥ nperseg/4
   * with segments other than 16 … 256), so a deviation could be the estimate's, not the theory's.
   */
  memoryLimited: boolean;
  /**
   * For a stage with nperseg/4 ≤ τ ≤ nperseg (segments of 16 … 256): the largest deviations the estimate
   * itself showed for such a stage in MEMORY_BIAS (dB). withinTolerance widens its tolerance to them.
   */
  memoryBias?: { maxDeviationDb: number; medianDeviationDb: number };
  agreement: Agreement;
  /**
   * Frequencies in cycles/step; gains are magnitudes (not dB). theoreticalGain is |H_k| of the stage (a
   * display stage: of its last step); a display stage also gives the range of |H_k| over its real
   * stages at each bin centre (theoreticalLow … theoreticalHigh), what its measurement is held against.
   */
  spectra: { frequencies: Float64Array; gain: Float64Array; theoreticalGain: Float64Array; coherence: Float64Array; theoreticalLow?: Float64Array; theoreticalHigh?: Float64Array };
}

/**
 * Half of each window's 3-dB bandwidth in bins (fs/nperseg): a Welch bin at f sees the true
 * spectrum over about f ± this, so it cannot tell |H| apart within it.
 * Source: F. J. Harris, "On the use of windows for harmonic analysis with the DFT",
 * Proc. IEEE 66(1), 1978, Table 1 (3.0-dB BW: rectangle 0.89, Hann 1.44, Hamming 1.30, Blackman 1.68 bins).
 */
const HALF_BANDWIDTH_BINS = { boxcar: 0.445, hann: 0.72, hamming: 0.65, blackman: 0.84 } as const;

/** The windows a stage comparison can use: those of HALF_BANDWIDTH_BINS. */
export type AgreementWindow = keyof typeof HALF_BANDWIDTH_BINS;

/** Points per band at which |H_k| is evaluated: its ends, centre and quarter points (|H_k| of a
 *  bank or rational stage need not be monotone, but is smooth over a fraction of a bin). */
const BAND_POINTS = 5;

/** Fewer samples than this in a stage: no estimate (4 segments of 4 samples); spectrum's per-stage views use the same bound. */
export const MIN_STAGE_SAMPLES = 16;

/**
 * Below τ = nperseg/MEMORY_SEGMENTS a stage is judged with the stated tolerance: a Welch segment holds
 * four time constants of its impulse response (e^−4 ≈ 2 % left). Longer memories make the output in a
 * segment depend on input before it, which its cross-spectrum cannot credit (Bendat and Piersol,
 * "Random Data", §9.1.4); how much that moves the estimate was measured (MEMORY_BIAS).
 */
export const MEMORY_SEGMENTS = 4;

/**
 * The largest deviations (dB) of the estimate from the frozen |H| measured for AR(1) stages
 * m_t = u·m_{t−1} + (1 − u)·g_t with nperseg/4 ≤ τ ≤ nperseg, through this code path: 32 runs per
 * (nperseg, τ/nperseg) — 8 seeds × white noise and the Figure-1 sine × a stationary state and one
 * carried in from a stage of τ/2 — stages of 4·nperseg steps, the shortest measured with such segments (test/fixtures/spectral/memory-bias:
 * the generator and bias.json). Row: nperseg; column: τ/nperseg up to ratios[j], the worst over every
 * ratio from 1/4 up to it, rounded up to 0.01 dB. The coherence threshold keeps the memory's own bias
 * small (for τ/nperseg up to 1 the worst median grows by ≤ 0.17 dB over that at 1/4, ≤ 0.01 dB with
 * segments of 32 or more); what exceeds the stated tolerance is the scatter of 16-sample segments
 * (median ≤ 0.68 dB) and, with 256-sample segments, the sine's leakage beside a narrow low-pass
 * (max ≤ 2.36 dB), both already there below nperseg/4 (0.32 and 2.21 dB).
 */
export const MEMORY_BIAS = {
  ratios: [0.25, 0.3, 0.4, 0.5, 0.75, 1],
  nperseg: [16, 32, 64, 128, 256],
  maxDeviationDb: [
    [0.9, 0.9, 0.9, 0.9, 0.95, 0.95],
    [0.31, 0.32, 0.32, 0.32, 0.32, 0.41],
    [0.26, 0.27, 0.27, 0.27, 0.27, 0.27],
    [0.09, 0.09, 0.09, 0.09, 0.15, 0.15],
    [2.27, 2.31, 2.31, 2.31, 2.31, 2.36],
  ],
  medianDeviationDb: [
    [0.51, 0.51, 0.51, 0.51, 0.66, 0.68],
    [0.15, 0.15, 0.16, 0.16, 0.16, 0.16],
    [0.09, 0.09, 0.09, 0.09, 0.09, 0.09],
    [0.04, 0.04, 0.04, 0.04, 0.05, 0.05],
    [0.02, 0.02, 0.02, 0.02, 0.02, 0.02],
  ],
} as const;

/**
 * What a stage of time constant τ measured with segments of nperseg can be judged with: 'stated' (τ <
 * nperseg/4: the stated tolerance), the measured worst deviations of MEMORY_BIAS (nperseg/4 ≤ τ ≤
 * nperseg, nperseg one of its rows), or null (beyond what was measured: not judged).
 */
export function memoryJudgement(tau: number, nperseg: number): 'stated' | { maxDeviationDb: number; medianDeviationDb: number } | null {
  // τ of an unstable stage (|u| ≥ 1) is −∞ or negative (metrics' timeConstant): its memory never fades.
  if (!(tau >= 0 && tau < Infinity)) return null;
  const ratio = tau / nperseg;
  if (tau * MEMORY_SEGMENTS < nperseg) return 'stated';
  const row = MEMORY_BIAS.nperseg.indexOf(nperseg as (typeof MEMORY_BIAS.nperseg)[number]);
  const column = MEMORY_BIAS.ratios.findIndex((r) => ratio <= r);
  if (row < 0 || column < 0) return null;
  return { maxDeviationDb: MEMORY_BIAS.maxDeviationDb[row][column], medianDeviationDb: MEMORY_BIAS.medianDeviationDb[row][column] };
}

/** How far (dB) a gain g lies outside [lo, hi]: 0 inside. */
function outsideDb(g: number, lo: number, hi: number): number {
  return g < lo ? 20 * Math.log10(lo / g) : g > hi ? 20 * Math.log10(g / hi) : 0;
}

/** Largest power of two ≤ min(cap, samples/4): ≥ 7 half-overlapping segments per stage (0 below MIN_STAGE_SAMPLES samples). */
export function stageNperseg(samples: number, cap: number): number {
  if (samples < MIN_STAGE_SAMPLES) return 0;
  let n = 1;
  while (n * 2 <= Math.min(cap, samples / 4)) n *= 2;
  return n;
}

/**
 * Whether a stage of time constant τ (steps) with `samples` samples is judged by stageComparison:
 * it has a Welch segment (a power of two ≤ min(npersegCap, samples/4), ≥ 16 samples) and its memory
 * is one the estimate's bias was measured for (memoryJudgement). Whether it is also measured
 * depends on the signal (a frequency with enough coherence).
 */
export function judgeable(tau: number, samples: number, npersegCap: number): boolean {
  const nperseg = stageNperseg(samples, npersegCap);
  return nperseg > 0 && memoryJudgement(tau, nperseg) !== null;
}

/** Median of a non-empty array (sorted copy; mean of the middle pair for even length). */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Compares the empirical gain of one stage of a simulated momentum filter with its frozen
 * response |H_k(ω)| (stageGain: |v_k|/|1 − u_k·e^{−jω}| for first-order momentum; filter banks
 * and rational stages too).
 *
 * Parameters
 * ----------
 * schedule : the schedule that produced y from x (runMomentum).
 * x, y : input g and output m of the simulation, x[t − 1] = g_t (y the same).
 * stage : 0-based stage index, or a span (a display stage, stage-spans.ts); its steps startStep …
 *   min(endStep, x.length) are used.
 * options : coherence threshold and Welch segmenting (see AgreementOptions).
 *
 * Returns
 * -------
 * StageComparison: the stage, its agreement summary and the spectra behind it, frequencies
 * in cycles/step (ω = 2π·f rad/sample).
 *
 * Notes
 * -----
 * The estimate is |P_xy/P_xx| (empiricalGain, Welch with detrend 'none' so the DC gain is
 * measured too). The median deviation compares at bin centres: the typical agreement. The
 * maximum is the worst disagreement beyond the estimator's resolution: a Welch bin sees the
 * spectrum through the window's band, f ± 0.72 bins for hann (half its 3-dB bandwidth), so
 * the deviation at bin f is the distance in dB from |Ĥ(f)| to the range of |H_k| over that
 * band (0 when inside it). A strong line (the sine of FIGURE_ONE_SIGNAL) leaks its own gain
 * into its neighbours, where |H_k| may change fast: resolution, not disagreement.
 * The state m carried in from the previous stage is a transient that the stage's input does
 * not explain: it lowers the coherence where it has energy (near DC for u > 0), and those
 * frequencies are left out by the threshold rather than reported as disagreement. A stage
 * with fewer than 16 samples, or with an all-zero input, compares
 * nothing (frequenciesUsed 0, deviations null).
 * A display stage's filter varies inside it: its band is the range of |H_k| over every real stage
 * k of the span and over the bin's band (frozenRange), so a measured gain anywhere inside the
 * responses the filter took counts as agreement; its time constant is the longest of its stages.
 *
 * References
 * ----------
 * Li et al., ICLR 2025 (H_k per stage); Bendat and Piersol, "Random Data", §9.1.4.
 */
export function stageComparison(schedule: Schedule, x: Float64Array, y: Float64Array, stage: number | StageSpan, options: AgreementOptions = {}): StageComparison {
  const threshold = options.coherenceThreshold ?? 0.99;
  const record = toSpan(schedule, stage);
  const { first, last } = spanStages(record);
  const from = record.startStep - 1, to = Math.min(record.endStep, x.length);
  const samples = Math.max(0, to - from);
  const nperseg = stageNperseg(samples, options.nperseg ?? 256);
  const tau = nperseg === 0 ? NaN : first === last ? stageMetricsOf(schedule, first).timeConstant : spanTimeConstant(schedule, record);
  const judgement = nperseg === 0 ? 'stated' : memoryJudgement(tau, nperseg);
  const memoryLimited = nperseg > 0 && judgement === null;
  const base = { ...record, samples, nperseg, memoryLimited, ...(judgement !== null && judgement !== 'stated' ? { memoryBias: judgement } : {}) };
  if (nperseg === 0) {
    const empty = new Float64Array(0);
    return { ...base, agreement: { maxDeviationDb: null, medianDeviationDb: null, coherenceThreshold: threshold, frequenciesUsed: 0 },
      spectra: { frequencies: empty, gain: empty, theoreticalGain: empty, coherence: empty } };
  }
  const window = options.window ?? 'hann';
  const est = empiricalGain(x.subarray(from, to), y.subarray(from, to), { nperseg, window, detrend: 'none' });
  // |H_k| at each bin centre and at 4 more points across its band, f ± lobe (clipped to [0, 1/2]).
  const lobe = HALF_BANDWIDTH_BINS[window] / nperseg;
  const bins = est.frequencies.length;
  const probes = new Float64Array(bins * BAND_POINTS);
  for (let k = 0; k < bins; k++) {
    for (let p = 0; p < BAND_POINTS; p++) {
      const f = est.frequencies[k] + lobe * ((2 * p) / (BAND_POINTS - 1) - 1);
      probes[k * BAND_POINTS + p] = 2 * Math.PI * Math.min(0.5, Math.max(0, f));
    }
  }
  const range = frozenRange(schedule, record, probes);
  const centre = (k: number) => k * BAND_POINTS + (BAND_POINTS >> 1);
  const probeLow = range.low, probeHigh = range.high;
  // A real stage's range is its one response; a display stage stands for its last step, as in analyze.
  const theoreticalGain = stageMagnitude(schedule, last, Float64Array.from({ length: bins }, (_, k) => probes[centre(k)]));
  const deviations: number[] = [];
  const atCentres: number[] = [];
  for (let k = 0; k < bins; k++) {
    if (!(est.coherence[k] >= threshold) || !(est.gain[k] > 0) || !Number.isFinite(est.gain[k])) continue;
    const lo = Math.min(...probeLow.subarray(k * BAND_POINTS, (k + 1) * BAND_POINTS));
    const hi = Math.max(...probeHigh.subarray(k * BAND_POINTS, (k + 1) * BAND_POINTS));
    const g = est.gain[k];
    deviations.push(outsideDb(g, lo, hi));
    // A display stage's centre is a range too: its distance from the measured gain (0 inside).
    atCentres.push(first === last ? Math.abs(20 * Math.log10(g / theoreticalGain[k])) : outsideDb(g, probeLow[centre(k)], probeHigh[centre(k)]));
  }
  const used = deviations.length;
  return {
    ...base,
    agreement: {
      maxDeviationDb: used > 0 ? Math.max(...deviations) : null,
      medianDeviationDb: used > 0 ? median(atCentres) : null,
      coherenceThreshold: threshold,
      frequenciesUsed: used,
    },
    spectra: {
      frequencies: est.frequencies, gain: est.gain, theoreticalGain, coherence: est.coherence,
      ...(first === last ? {} : {
        theoreticalLow: Float64Array.from({ length: bins }, (_, k) => probeLow[centre(k)]),
        theoreticalHigh: Float64Array.from({ length: bins }, (_, k) => probeHigh[centre(k)]),
      }),
    },
  };
}
