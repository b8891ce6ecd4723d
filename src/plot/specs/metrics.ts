import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { MetricsRecords } from '../figure-records.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stageCountText } from './curve-figure.js';
import { frequencyAxis } from './frequency-axis.js';
import { plotTheme } from './theme.js';
import { fieldValues, LOG_AXIS, paddedDomain, VALUE_AXIS } from './value-domain.js';
import { binLineRows, type LineEdge } from './bin-line.js';
import { stepAxis, stepStart } from './step-axis.js';
import { topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

/**
 * Per-stage metrics of the frozen filters against training step, one panel each: DC gain (dB), the
 * −3 dB cutoff frequency (log axis; absent where |u| < 3 − 2√2 and the gain never drops 3 dB),
 * white-noise power gain Σh² = v²/(1 − u²) in dB (10·log10), and group delay at DC u/(1 − u) steps.
 *
 * Notes: with more stages than `mapBins`, each bin's metrics are those of its step-weighted mean
 * coefficients (ū, v̄) (a bank or rational filter: of its middle stage), not means of the metrics,
 * and a band spans the lowest to highest metric over 9 of the bin's stages (MetricsBin.spread).
 * Records with `stepSpacing` 'log' (trainingBins: a transient at the start) put the step on a log
 * axis; each bin is drawn from its first step (stepAxis). Every value axis is padded (paddedDomain): a constant metric
 * such as EMA's group delay 9 sits inside its panel.
 */
export function metricsSpec(records: MetricsRecords, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, 'log');
  const { bins, firstOrder, aggregated } = records;
  const logSteps = records.stepSpacing === 'log';
  const cutoff = (w: number | null): number | null => (w === null ? null : roundSig(axis.toValue(w) ?? NaN));
  const noiseDb = (g: number): number | null => (g > 0 ? roundSig(10 * Math.log10(g)) : null);
  const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : roundSig(x));
  const banded = bins.some((b) => b.spread);
  const binRow = (i: number, step: number, edge?: LineEdge): DataRow => {
    const { spread } = bins[i];
    // The line's ends at the first and last stages' own values (binLineRows), not their bins' means.
    const own = edge && records.ends ? records.ends[edge] : bins[i];
    const m = own.metrics;
    const row: DataRow = {
      step,
      u: roundSig(own.u),
      v: roundSig(own.v),
      dcGainDb: finite(m.dcGainDb),
      cutoffFrequency: cutoff(m.cutoffFrequency),
      noiseGainDb: noiseDb(m.noiseGain),
      groupDelayDc: roundSig(m.groupDelayDc),
    };
    if (banded) {
      const lo = spread?.min ?? m;
      const hi = spread?.max ?? m;
      Object.assign(row, {
        dcGainDbMin: finite(lo.dcGainDb),
        dcGainDbMax: finite(hi.dcGainDb),
        cutoffFrequencyMin: cutoff(lo.cutoffFrequency),
        cutoffFrequencyMax: cutoff(hi.cutoffFrequency),
        noiseGainDbMin: noiseDb(lo.noiseGain),
        noiseGainDbMax: noiseDb(hi.noiseGain),
        groupDelayDcMin: finite(lo.groupDelayDc),
        groupDelayDcMax: finite(hi.groupDelayDc),
      });
    }
    return row;
  };
  // One row per bin from its first step, and the last repeated at the end of training so the step
  // line spans the last step too (stepAxis: steps a…b span [a, b + 1)).
  const rows: DataRow[] = [];
  for (let b = 0; b < bins.length; b++) rows.push(binRow(b, stepStart(bins[b].t0)));
  if (bins.length > 0) rows.push(binRow(bins.length - 1, stepStart(bins[bins.length - 1].t1)));
  // Merged bins: the line through their metrics at their middle steps (binLineRows), the band from the step rows.
  const lines = banded ? binLineRows(bins.map((b) => ({ t0: b.t0, t1: b.t1, merged: b.spread !== undefined })), binRow) : rows;
  // Two-line titles: a rotated title longer than the panel is tall would push the panels apart.
  const panels: { field: string; title: string[]; log?: boolean }[] = [
    { field: 'dcGainDb', title: ['DC gain', '(dB)'] },
    { field: 'cutoffFrequency', title: ['Cutoff −3 dB', `(${axis.unit})`], log: true },
    { field: 'noiseGainDb', title: ['Noise gain Σh²', '(dB)'] },
    { field: 'groupDelayDc', title: ['Group delay', 'at DC (steps)'] },
  ];
  const height = Math.max(60, Math.round(options.height / 2));
  const vconcat = panels.map((p, n): LayerSpec<Field> => {
    const x = { field: 'step', type: 'quantitative', ...stepAxis(records.steps, records.stepSpacing, n === panels.length - 1) } satisfies Encoding<Field>['x'];
    const values = [...fieldValues(rows, p.field), ...(banded ? [...fieldValues(rows, `${p.field}Min`), ...fieldValues(rows, `${p.field}Max`)] : [])];
    const domain = paddedDomain(values, { type: p.log ? 'log' : 'linear' });
    const scale = p.log ? { ...axis.scale, ...domain } : domain;
    const y = { field: p.field, type: 'quantitative', title: p.title, scale, axis: p.log ? LOG_AXIS : VALUE_AXIS } satisfies Encoding<Field>['y'];
    const layer: LayerItem[] = [];
    if (banded) {
      layer.push({
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.25, color: theme.foreground, clip: true },
        encoding: { x, y: { ...y, field: `${p.field}Min` }, y2: { field: `${p.field}Max` } },
      });
    }
    layer.push({
      ...(banded ? { data: { name: 'metricLines' } } : {}),
      mark: { type: 'line', interpolate: banded ? 'linear' : 'step-after', color: theme.foreground, invalid: 'break-paths-filter-domains', clip: true },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'step', type: 'quantitative', title: banded ? 'step' : 'from step' },
          { field: 'u', type: 'quantitative', title: aggregated ? 'mean u' : 'u', format: '.6~g' },
          { field: 'v', type: 'quantitative', title: aggregated ? 'mean v' : 'v', format: '.6~g' },
          { field: p.field, type: 'quantitative', title: p.title.join(' '), format: '.4~r' },
          ...(banded
            ? [
                { field: `${p.field}Min`, type: 'quantitative', title: 'lowest, sampled', format: '.4~r' } as const,
                { field: `${p.field}Max`, type: 'quantitative', title: 'highest, sampled', format: '.4~r' } as const,
              ]
            : []),
        ],
      },
    });
    return { width: options.width, height, data: { name: 'metrics' }, layer };
  });
  return topLevelSpec({
    title: `Filter metrics: ${records.name}`,
    subtitle: ['Frozen filter of each stage across training: DC gain, −3 dB cutoff,', `white-noise gain and DC group delay${banded ? '; band: range of a merged bin' : ''}`],
    description:
      `Metrics of the frozen stage filters of schedule ${records.name} (${stageCountText(records.stageCount)} over ` +
      `${records.steps} steps) against the training step${logSteps ? ' on a log axis' : ''}, four panels: DC gain${firstOrder ? ' |v|/(1 − u)' : ''} in dB; ` +
      `−3 dB cutoff frequency in ${axis.shortTitle} (log axis, missing where the gain never drops 3 dB); ` +
      `noise gain${firstOrder ? ' v²/(1 − u²)' : ' Σh²'} in dB; group delay at DC${firstOrder ? ' u/(1 − u)' : ''} in steps` +
      `${aggregated ? `; stages merged into ${bins.length} bins${logSteps ? ' log-spaced in step' : ''}, metrics of each bin's ${firstOrder ? 'mean coefficients' : 'middle stage'}` : ''}` +
      `${banded ? ' (a merged bin\'s at its middle step), with a band from the lowest to the highest metric over 9 stages sampled in each bin' : ''}.`,
    theme,
    width: options.width,
    datasets: { metrics: rows, ...(banded ? { metricLines: lines } : {}) },
    body: { vconcat, spacing: 8, resolve: { scale: { x: 'shared' } } },
  });
}
