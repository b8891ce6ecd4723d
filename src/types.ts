/**
 * The data that flows through momentum-fr's pure core:
 * config → Schedule (per-stage coefficients) → StageRecord (metrics + responses) → writers.
 *
 * Frequencies are always ω in rad/sample on [0, π] (π = Nyquist, a sign flip every step).
 * Steps are numbered from 1, as optimizers count them.
 */
import type { DocumentHeader } from './tool.js';
import type { ConfigWarning } from './schedule/issues.js';

/** A momentum schedule resolved into stages of constant coefficients. */
export interface Schedule {
  name: string;
  /** Total gradient steps Σ (called T in expressions). */
  steps: number;
  /**
   * The stages in order (together they cover steps 1…steps exactly). Their u and v columns hold what
   * reports show for each stage, by stageAt's rule (filter/stage-filter.ts, the one owner: ask it for a
   * stage record); they stay as columns for the readers of whole columns (plot bins and specs). Read
   * the filter itself from `filter`, through filter/stage-filter.ts.
   */
  stages: StageTable;
  /**
   * The first optimizer step copies the gradient into the buffer (PyTorch SGD, FSGDM):
   * m_1 = g_1 regardless of v_1. Matters only for the exact (time-variant) response.
   */
  firstStepCopy: boolean;
  /** Where the schedule came from, for reports: preset name or 'custom'. */
  source: string;
  /** What each stage's filter is: first-order momentum, a filter bank or a rational transfer function. */
  filter: Filter;
  /**
   * The learning rate α_k per stage (length stages.count), when the config gives `lr`; absent otherwise.
   * The parameter step is Δx_t = −α_t·d_t: α scales the output only and never enters the recursion.
   */
  lr?: Float64Array;
}

/**
 * A schedule's filter, per stage, by kind (dispatched in filter/stage-filter.ts only):
 * - first-order momentum m_t = u·m_{t−1} + v·g_t (u, v: the stage table's arrays);
 * - a filter bank (nesterov, qhm, aggmo, adam-m, ademamix, lion);
 * - a rational transfer function (preset `rational`), stepped as the difference equation
 *   a0·y_t = Σ b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k}.
 */
export type Filter =
  | { kind: 'first-order'; u: Float64Array; v: Float64Array }
  | { kind: 'bank'; bank: BankTable }
  | { kind: 'rational'; rational: RationalTable };

/**
 * Per-stage polynomials in z⁻¹, stage-major and zero-padded: b_k of stage s at s·nb + k, a_k at s·na + k,
 * normalised so that a_0 = 1.
 */
export interface RationalTable {
  nb: number;
  na: number;
  b: Float64Array;
  a: Float64Array;
}

/**
 * Per-stage filter bank: d_t = c0·g_t + Σ_i c_i·m_{i,t},  m_{i,t} = u_i·m_{i,t−1} + v_i·g_t.
 * Branch arrays are stage-major: the value of branch i in stage k is at k·branches + i.
 * A first-order momentum is the bank with one branch, c0 = 0, c1 = 1.
 */
export interface BankTable {
  branches: number;
  c0: Float64Array;
  c: Float64Array;
  u: Float64Array;
  v: Float64Array;
}

/**
 * Column-oriented stage table: stage i covers steps startStep[i] … endStep[i] (inclusive, 1-based)
 * with m_t = u[i]·m_{t−1} + v[i]·g_t. Typed arrays so per-step schedules of 10⁶ stages stay cheap.
 */
export interface StageTable {
  count: number;
  startStep: Float64Array;
  endStep: Float64Array;
  u: Float64Array;
  v: Float64Array;
}

/** One stage's coefficients, as reported. */
export interface Stage {
  index: number;
  startStep: number;
  endStep: number;
  u: number;
  v: number;
}

/**
 * Where the pass band (|H| ≥ peakGain/√2) of a stage's frozen response lies: at DC (low-pass), at Nyquist
 * (high-pass), inside (0, π) (band-pass), at both ends with a stop band between (band-stop), or the gain
 * is flat (all-pass). Rules and tolerance: filterTypeOf in src/filter/gain-tolerance.ts.
 */
export type FilterType = 'low-pass' | 'high-pass' | 'band-pass' | 'band-stop' | 'all-pass';

/** Per-stage metrics of the frozen response H_k(z) = v/(1 − u z⁻¹); frequencies in rad/sample. */
export interface StageMetrics {
  dcGain: number;
  dcGainDb: number | null;
  nyquistGain: number;
  nyquistGainDb: number | null;
  peakGain: number;
  peakFrequency: number;
  /**
   * −3 dB (half-power) point, |H| = peakGain/√2: the first above DC for a low-pass, the last below π for a
   * high-pass; null where the response never drops 3 dB and for band-pass, band-stop and all-pass stages.
   */
  cutoffFrequency: number | null;
  /** Where |H| crosses 1 (amplify/attenuate boundary); null if it never does inside (0, π). */
  unityGainFrequency: number | null;
  /** White-noise power gain Σ h² = v²/(1 − u²). */
  noiseGain: number;
  /** Group delay at ω = 0 in steps: u/(1 − u). */
  groupDelayDc: number;
  /** Steps for the impulse response to decay by 1/e: −1/ln|u| (0 for u = 0). */
  timeConstant: number;
  filterType: FilterType;
  /** Peak gain > 1: the stage amplifies some band. */
  amplifies: boolean;
  /**
   * With a learning rate: α·dcGain, the step a constant gradient of 1 makes per optimizer step
   * (α/(1 − β) for standard SGDM, α for EMA momentum); null where not finite. Absent without `lr`.
   */
  effectiveLearningRate?: number | null;
}

/** Frequency response on a grid; all arrays have the grid's length. */
export interface FrequencyResponse {
  magnitude: Float64Array;
  /** 20·log10|H|; −Infinity where |H| = 0 (written as null in JSON). */
  magnitudeDb: Float64Array;
  /** Radians, unwrapped across the grid. */
  phase: Float64Array;
  /** Steps: τ(ω) = −dφ/dω. */
  groupDelay: Float64Array;
}

/**
 * A display stage (analysis/display-stages.ts): consecutive real stages firstStage … lastStage reported
 * as one record, standing for its last step; `range` holds [min, max] over the group of u, v, lr (when
 * the schedule has it) and every coefficient column (u1, v1, c1, …, b0, a1, …).
 */
export interface DisplayRange {
  firstStage: number;
  lastStage: number;
  range: Record<string, [number, number]>;
}

/** A display stage's own fields: its span, u, v and lr at its last step, and its range. */
export interface DisplayStage extends Stage {
  lr?: number;
  display: DisplayRange;
}

/**
 * The update view: the response from gradient to parameter step, U = α·H (the sign of Δx = −α·d
 * dropped). Magnitudes only: for α > 0 the phase and group delay are H's.
 */
export interface UpdateResponse {
  /** α·|H|. */
  magnitude: Float64Array;
  /** 20·log10(α·|H|); −Infinity where it is 0 (α = 0 or a zero of H), written as null in JSON. */
  magnitudeDb: Float64Array;
}

export interface StageRecord extends Stage {
  /** The stage's learning rate α_k (a display stage's: at its last step), when the schedule has one (`lr`). */
  lr?: number;
  /** Display stages only: the real stages grouped and their coefficient ranges (metrics: of the last one). */
  display?: DisplayRange;
  metrics: StageMetrics;
  response?: FrequencyResponse;
  /** With `lr`: the frozen update response α_k·H_k(ω). */
  updateResponse?: UpdateResponse;
  /** Exact time-variant response H(t, ω) at the stage's last step (analyze --mode exact|both). */
  responseExact?: FrequencyResponse;
  /** With `lr`: the exact update response α_t·H(t, ω) at the stage's last step. */
  updateResponseExact?: UpdateResponse;
  /** How far the exact response is from the frozen one in this stage (--mode exact|both). */
  transient?: TransientMetrics;
}

/** Transient of one stage: how long the memory of earlier stages takes to fade. */
export interface TransientMetrics {
  /**
   * Smallest n ≥ 0 such that, n steps after the step before the stage starts and at every later step of
   * the stage, |H(t, ω) − H_k(ω)| ≤ 1 % · |H_k(ω)| at every grid frequency; null if the stage ends first.
   */
  settlingSteps: number | null;
  /** max over the grid of |20·log10|H(end, ω)| − 20·log10|H_k(ω)||, dB; null if undefined (a zero of H). */
  maxDeviationDb: number | null;
}

/** The exact response at a step the user asked for (analyze --at-steps). */
export interface AtStepRecord {
  step: number;
  /** Index of the stage containing the step. */
  stage: number;
  /** The learning rate α_t applied at the step, when the schedule has one. */
  lr?: number;
  responseExact: FrequencyResponse;
  /** With `lr`: α_t·H(t, ω). */
  updateResponseExact?: UpdateResponse;
}

export interface ScheduleResult {
  name: string;
  /** Preset name, or 'custom'. */
  source: string;
  steps: number;
  stageCount: number;
  /** Present when the stages are reported as display stages (stages holds `stages` display records). */
  display?: { stages: number };
  frequencies: Float64Array;
  stages: StageRecord[];
  /** Exact responses at the steps listed with --at-steps (absent when none were asked for). */
  atSteps?: AtStepRecord[];
  /**
   * The schedule in a few sentences, from all its stages whatever the selection (analysis/schedule-summary.ts):
   * filter type over the run, DC and Nyquist gains, where it amplifies.
   */
  summary: string[];
}

export interface AnalysisResult extends DocumentHeader {
  schedules: ScheduleResult[];
  /**
   * What the config resolved to but may not mean (an expression of t in a single stage) and notes
   * (FSGDM's floored stage length), located like config issues; absent when there are none.
   */
  warnings?: ConfigWarning[];
  /**
   * The result as `momentum-fr analyze --format json` writes it (typed arrays as arrays, NaN and ±∞
   * as null), so `JSON.stringify(result)` gives that document. Not enumerable.
   */
  toJSON(): unknown;
}
