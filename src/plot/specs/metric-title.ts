import type { NumericMetric } from '../../metric-names.js';

/**
 * What a stage metric is, with its unit, as a plot's axis or legend title (short enough to run
 * along a 280 px axis); the metric's key
 * (`dcGain`, the JSON and CSV name) goes in the tooltip. Frequencies are in rad/sample (π =
 * Nyquist), as the sweep writes them. Symbols as in docs/theory.md: τ(0) is the group delay at
 * DC, not the 1/e time constant.
 */
export const METRIC_TITLES: Readonly<Record<NumericMetric | 'lr' | 'effectiveLearningRate', string>> = {
  dcGain: 'DC gain |H(0)| (×)',
  dcGainDb: 'DC gain (dB)',
  nyquistGain: 'Nyquist gain |H(π)| (×)',
  nyquistGainDb: 'Nyquist gain (dB)',
  peakGain: 'Peak gain (×)',
  peakFrequency: 'Peak frequency (rad/sample)',
  cutoffFrequency: '−3 dB cutoff (rad/sample)',
  unityGainFrequency: '0 dB crossing (rad/sample)',
  noiseGain: 'Noise power gain Σh²',
  groupDelayDc: 'Group delay τ(0) (steps)',
  timeConstant: 'Time constant 1/e (steps)',
  // The update view (a config with lr): the stage's learning rate and its product with the DC gain.
  lr: 'Learning rate α',
  effectiveLearningRate: 'Effective learning rate α·|H(0)|',
};
