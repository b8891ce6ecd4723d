import type { StageMetrics } from './types.js';

/**
 * The metrics of a stage, in the order every output writes them (analyze's columns and JSON keys,
 * the sweep's columns): the one list, so writers, the sweep, tune and `sweep --plot` cannot drift.
 */
/** A stage metric of the filter itself (effectiveLearningRate, present only with a learning rate, is apart). */
export type MetricName = Exclude<keyof StageMetrics, 'effectiveLearningRate'>;

export const METRIC_NAMES: MetricName[] = [
  'dcGain', 'dcGainDb', 'nyquistGain', 'nyquistGainDb', 'peakGain', 'peakFrequency', 'cutoffFrequency',
  'unityGainFrequency', 'noiseGain', 'groupDelayDc', 'timeConstant', 'filterType', 'amplifies',
];

/** The metrics that are numbers (null where undefined): what tune can aim at and `sweep --plot` can draw. */
export type NumericMetric = Exclude<MetricName, 'filterType' | 'amplifies'>;

export const NUMERIC_METRICS: NumericMetric[] = METRIC_NAMES.filter((m): m is NumericMetric => m !== 'filterType' && m !== 'amplifies');
