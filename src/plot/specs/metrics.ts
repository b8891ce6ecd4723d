import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpecWithFrame } from 'vega-lite/types_unstable/spec/index.js';
import type { MetricsRecords } from '../figure-records.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stageCountText } from './curve-figure.js';
import { frequencyAxis, type FrequencyAxis } from './frequency-axis.js';
import { plotTheme } from './theme.js';
import { STEP_AXIS, topLevelSpec, type DataRow, type TopLevelSpec } from './vega-lite-spec.js';

/**
 * Per-stage metrics of the frozen filters against training step, one panel each: DC gain (dB), the
 * −3 dB cutoff frequency (log axis; absent where |u| < 3 − 2√2 and the gain never drops 3 dB),
 * white-noise power gain Σh² = v²/(1 − u²) in dB (10·log10), and group delay at DC u/(1 − u) steps.
 *
 * Notes: with more stages than `mapBins`, each bin's metrics are those of its step-weighted mean
 * coefficients (ū, v̄), not means of the metrics.
 */
export function metricsSpec(records: MetricsRecords, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, 'log');
  const { bins, firstOrder, aggregated } = records;
  const rows: DataRow[] = [];
  // One row per bin, and the last repeated at the end of training so the step line reaches Σ.
  for (let b = 0; b <= bins.length; b++) {
    const i = Math.min(b, bins.length - 1);
    if (i < 0) break;
    const { metrics: m } = bins[i];
    rows.push({
      step: b < bins.length ? bins[b].t0 : bins[i].t1,
      u: roundSig(bins[i].u),
      v: roundSig(bins[i].v),
      dcGainDb: m.dcGainDb === null ? null : roundSig(m.dcGainDb),
      cutoffFrequency: m.cutoffFrequency === null ? null : roundSig(axis.toValue(m.cutoffFrequency) ?? NaN),
      noiseGainDb: m.noiseGain > 0 ? roundSig(10 * Math.log10(m.noiseGain)) : null,
      groupDelayDc: roundSig(m.groupDelayDc),
    });
  }
  // Two-line titles: a rotated title longer than the panel is tall would push the panels apart.
  const panels: { field: string; title: string[]; scale?: FrequencyAxis['scale'] }[] = [
    { field: 'dcGainDb', title: ['DC gain', '(dB)'] },
    { field: 'cutoffFrequency', title: ['Cutoff −3 dB', `(${axis.unit})`], scale: axis.scale },
    { field: 'noiseGainDb', title: ['Noise gain Σh²', '(dB)'] },
    { field: 'groupDelayDc', title: ['Group delay', 'at DC (steps)'] },
  ];
  const height = Math.max(60, Math.round(options.height / 2));
  const vconcat = panels.map((p, n): UnitSpecWithFrame<Field> => ({
    width: options.width,
    height,
    data: { name: 'metrics' },
    mark: { type: 'line', interpolate: 'step-after', color: theme.foreground, invalid: 'break-paths-filter-domains', clip: true },
    encoding: {
      x: {
        field: 'step',
        type: 'quantitative',
        title: n === panels.length - 1 ? 'Training step' : null,
        scale: { nice: false },
        axis: STEP_AXIS,
      },
      y: { field: p.field, type: 'quantitative', title: p.title, ...(p.scale ? { scale: p.scale } : {}) },
      tooltip: [
        { field: 'step', type: 'quantitative', title: 'from step (elapsed)' },
        { field: 'u', type: 'quantitative', title: aggregated ? 'mean u' : 'u', format: '.6~g' },
        { field: 'v', type: 'quantitative', title: aggregated ? 'mean v' : 'v', format: '.6~g' },
        { field: p.field, type: 'quantitative', title: p.title.join(' '), format: '.4~g' },
      ],
    },
  }));
  return topLevelSpec({
    title: `Filter metrics: ${records.name}`,
    subtitle: 'DC gain, −3 dB cutoff, white-noise gain and DC group delay of each stage across training',
    description:
      `Metrics of the frozen stage filters of schedule ${records.name} (${stageCountText(records.stageCount)} over ` +
      `${records.steps} steps) against the training step, four panels: DC gain${firstOrder ? ' |v|/(1 − u)' : ''} in dB; ` +
      `−3 dB cutoff frequency in ${axis.shortTitle} (log axis, missing where the gain never drops 3 dB); ` +
      `noise gain${firstOrder ? ' v²/(1 − u²)' : ' Σh²'} in dB; group delay at DC${firstOrder ? ' u/(1 − u)' : ''} in steps` +
      `${aggregated ? `; stages merged into ${bins.length} bins, metrics of each bin's ${firstOrder ? 'mean coefficients' : 'middle stage'}` : ''}.`,
    theme,
    datasets: { metrics: rows },
    body: { vconcat, spacing: 8, resolve: { scale: { x: 'shared' } } },
  });
}
