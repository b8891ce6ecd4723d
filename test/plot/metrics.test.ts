import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsRecords, type MetricsRecords } from '../../src/plot/figure-records.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { metricsSpec } from '../../src/plot/specs/metrics.js';
import type { StageMetrics } from '../../src/types.js';
import { keyOf, scheduleOf } from './support.js';

const options = resolvePlotOptions();
const metrics = (m: Partial<StageMetrics>): StageMetrics => ({
  dcGain: 1, dcGainDb: 0, nyquistGain: 1, nyquistGainDb: 0, peakGain: 1, peakFrequency: 0, cutoffFrequency: null, unityGainFrequency: null,
  noiseGain: 1, groupDelayDc: 0, timeConstant: 0, filterType: 'all-pass', amplifies: false, ...m,
});
const records: MetricsRecords = {
  name: 'hand',
  steps: 30,
  stageCount: 2,
  firstOrder: true,
  aggregated: false,
  bins: [
    { t0: 0, t1: 10, u: 0.9, v: 0.1, metrics: metrics({ dcGainDb: 0, cutoffFrequency: 0.1053605156578263, noiseGain: 0.01 / 0.19, groupDelayDc: 9 }) },
    { t0: 10, t1: 30, u: 0, v: 2, metrics: metrics({ dcGainDb: 6.020599913279624, cutoffFrequency: null, noiseGain: 0, groupDelayDc: 0 }) },
  ],
};

describe('metricsSpec from hand-made records', () => {
  it('one row per bin and the last again at the end of training; noise gain in dB (10·log10), null where undefined; cutoff on the frequency axis', () => {
    const spec = metricsSpec(records, { ...options, frequencyUnit: 'cycles' });
    expect((keyOf(spec, 'datasets') as Record<string, unknown[]>).metrics).toEqual([
      { step: 1, u: 0.9, v: 0.1, dcGainDb: 0, cutoffFrequency: 0.0167686, noiseGainDb: -12.7875, groupDelayDc: 9 },
      { step: 11, u: 0, v: 2, dcGainDb: 6.0206, cutoffFrequency: null, noiseGainDb: null, groupDelayDc: 0 },
      { step: 31, u: 0, v: 2, dcGainDb: 6.0206, cutoffFrequency: null, noiseGainDb: null, groupDelayDc: 0 },
    ]);
    expect(spec.description).toMatch(/^Metrics of the frozen stage filters of schedule hand \(2 stages over 30 steps\) .* DC gain \|v\|\/\(1 − u\) in dB; −3 dB cutoff frequency in f \(cycles\/step\)/);
  });

  it('four panels sharing the step axis; compiles without warnings', async () => {
    const spec = metricsSpec({ ...records, firstOrder: false }, options);
    expect((keyOf(spec, 'vconcat') as unknown[]).length).toBe(4);
    expect(spec.description).not.toMatch(/\|v\|\/\(1 − u\)/);
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});

describe('metricsSpec of merged bins: the lines end at the real first and last stages', () => {
  it('OneCycleLR (u 0.95 at the first and last steps): group delay at DC starts and ends at u/(1 − u) = 19, not at its end bins\' means', () => {
    const schedule = scheduleOf(readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8'));
    const spec = metricsSpec(metricsRecords(schedule, options), options) as unknown as { datasets: Record<string, Record<string, number>[]> };
    const lines = spec.datasets.metricLines;
    expect(lines[0].groupDelayDc).toBeCloseTo(19, 6);
    expect(lines.at(-1)!.groupDelayDc).toBeCloseTo(19, 6);
    expect(lines.at(-1)!.u).toBeCloseTo(0.95, 9);
  });
});
