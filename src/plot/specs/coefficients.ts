import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { BinnedSeries, CoefficientRecords } from '../figure-records.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stageCountText } from './curve-figure.js';
import { plotTheme } from './theme.js';
import { STEP_AXIS, topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

/**
 * The coefficients of every stage's filter against training step, as step functions over the stages'
 * real spans: u_k (weight of the previous buffer) and v_k (weight of the new gradient) for first-order
 * momentum; u_i, v_i, c_i of every branch (and c₀) for a filter bank; b_k, a_k for a rational filter
 * (coefficientSeries). For schedules with more stages than `mapBins`, stages are merged into bins:
 * the line is the step-weighted mean and a band shows each bin's min–max.
 */
export function coefficientsSpec(records: CoefficientRecords, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const { series, t0, t1, aggregated } = records;
  const count = t0.length;
  const rows: DataRow[] = [];
  for (const s of series) {
    for (let b = 0; b <= count; b++) {
      // The last row repeats the last value at the end of training so the step line reaches Σ.
      const i = Math.min(b, count - 1);
      const row: DataRow = { coefficient: s.name, step: b < count ? t0[b] : t1[i], value: roundSig(s.mean[i]) };
      if (aggregated) Object.assign(row, { min: roundSig(s.min[i]), max: roundSig(s.max[i]) });
      rows.push(row);
    }
  }
  const color = {
    field: 'coefficient',
    type: 'nominal',
    title: 'Coefficient',
    scale: { domain: series.map((s) => s.name), scheme: theme.categoryScheme },
  } satisfies Encoding<Field>['color'];
  const x = { field: 'step', type: 'quantitative', title: 'Training step', scale: { nice: false }, axis: STEP_AXIS } satisfies Encoding<Field>['x'];
  const layer: LayerItem[] = [];
  if (aggregated) {
    layer.push({
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.25 },
      encoding: { x, y: { field: 'min', type: 'quantitative' }, y2: { field: 'max' }, color },
    });
  }
  layer.push({
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: 'Coefficient value (dimensionless)' },
      color,
      tooltip: [
        { field: 'coefficient', type: 'nominal', title: 'coefficient' },
        { field: 'step', type: 'quantitative', title: 'from step (elapsed)' },
        { field: 'value', type: 'quantitative', title: aggregated ? 'mean' : 'value', format: '.6~g' },
        ...(aggregated ? RANGE_TOOLTIP : []),
      ],
    },
  });
  const lr = records.lr ? learningRateLayer(records.lr, t0, t1, aggregated, theme.muted) : undefined;
  return topLevelSpec({
    title: `Coefficients: ${records.name}`,
    subtitle: records.recursion,
    description:
      `Momentum coefficients ${series.map((s) => s.name).join(', ')} of schedule ${records.name} (${stageCountText(records.stageCount)} over ` +
      `${records.steps} steps) as step functions of the training step` +
      `${aggregated ? `; stages merged into ${count} bins, line = step-weighted mean, band = min–max` : ''}` +
      `${lr ? '; the learning rate α dashed, on its own log axis (right)' : ''}.`,
    theme,
    datasets: { coefficients: rows, ...(lr ? { learningRate: lr.rows } : {}) },
    body: lr
      ? { width: options.width, height: options.height, layer: [{ data: { name: 'coefficients' }, layer }, lr.layer], resolve: { scale: { y: 'independent' } } }
      : { width: options.width, height: options.height, data: { name: 'coefficients' }, layer },
  });
}

/**
 * The learning rate beside the coefficients: a dashed step line on its own log y axis at the right
 * (α spans decades: OneCycleLR's 25·10⁴). Steps with α = 0 (a warm-up's first step) cannot sit on a
 * log axis and are left out.
 */
function learningRateLayer(lr: BinnedSeries, t0: Float64Array, t1: Float64Array, aggregated: boolean, colour: string): { rows: DataRow[]; layer: LayerItem } {
  const count = t0.length;
  const rows: DataRow[] = [];
  for (let b = 0; b <= count; b++) {
    const i = Math.min(b, count - 1);
    if (!(lr.mean[i] > 0)) continue;
    const row: DataRow = { coefficient: 'lr', step: b < count ? t0[b] : t1[i], value: roundSig(lr.mean[i]) };
    if (aggregated) Object.assign(row, { min: roundSig(lr.min[i]), max: roundSig(lr.max[i]) });
    rows.push(row);
  }
  const x = { field: 'step', type: 'quantitative', title: 'Training step', scale: { nice: false }, axis: STEP_AXIS } satisfies Encoding<Field>['x'];
  const layer: LayerItem = {
    data: { name: 'learningRate' },
    mark: { type: 'line', interpolate: 'step-after', strokeDash: [6, 3] },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: 'Learning rate α', scale: { type: 'log' }, axis: { orient: 'right', format: '~g' } },
      color: { value: colour },
      tooltip: [
        { field: 'step', type: 'quantitative', title: 'from step (elapsed)' },
        { field: 'value', type: 'quantitative', title: aggregated ? 'mean α' : 'α', format: '.6~g' },
        ...(aggregated ? RANGE_TOOLTIP : []),
      ],
    },
  };
  return { rows, layer };
}

/** Tooltip rows of a merged bin's range. */
const RANGE_TOOLTIP: StringFieldDef<Field>[] = [
  { field: 'min', type: 'quantitative', title: 'min', format: '.6~g' },
  { field: 'max', type: 'quantitative', title: 'max', format: '.6~g' },
];
