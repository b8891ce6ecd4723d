/**
 * The data that flows through momentum-fr's pure core:
 * config → Schedule (per-stage coefficients) → StageRecord (metrics + responses) → writers.
 *
 * Frequencies are always ω in rad/sample on [0, π] (π = Nyquist, a sign flip every step).
 * Steps are numbered from 1, as optimizers count them.
 */

/** A momentum schedule resolved into stages of constant coefficients. */
export interface Schedule {
  name: string;
  /** Total gradient steps Σ (called T in expressions). */
  steps: number;
  /** Stages of constant (u, v), in order; together they cover steps 1…steps exactly. */
  stages: StageTable;
  /**
   * The first optimizer step copies the gradient into the buffer (PyTorch SGD, FSGDM):
   * m_1 = g_1 regardless of v_1. Matters only for the exact (time-variant) response.
   */
  firstStepCopy: boolean;
  /** Where the schedule came from, for reports: preset name or 'custom'. */
  source: string;
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

export type FilterType = 'low-pass' | 'high-pass' | 'all-pass';

/** Per-stage metrics of the frozen response H_k(z) = v/(1 − u z⁻¹); frequencies in rad/sample. */
export interface StageMetrics {
  dcGain: number;
  dcGainDb: number | null;
  nyquistGain: number;
  nyquistGainDb: number | null;
  peakGain: number;
  peakFrequency: number;
  /** −3 dB (half-power) point below the peak; null where the response never drops 3 dB. */
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

export interface StageRecord extends Stage {
  metrics: StageMetrics;
  response?: FrequencyResponse;
}

export interface ScheduleResult {
  name: string;
  /** Preset name, or 'custom'. */
  source: string;
  steps: number;
  stageCount: number;
  frequencies: Float64Array;
  stages: StageRecord[];
}

export interface AnalysisResult {
  schemaVersion: 1;
  tool: { name: string; version: string };
  schedules: ScheduleResult[];
}
