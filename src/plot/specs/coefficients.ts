import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { BinnedSeries, CoefficientRecords } from '../figure-records.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stageCountText } from './curve-figure.js';
import { plotTheme } from './theme.js';
import { LINE_LEGEND } from './legends.js';
import { fieldValues, LOG_AXIS, paddedDomain, VALUE_AXIS } from './value-domain.js';
import { binLineRows, type LineEdge } from './bin-line.js';
import { stepAxis, stepStart } from './step-axis.js';
import { topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

/**
 * The coefficients of every stage's filter against training step, as step functions over the stages'
 * real spans: u_k (weight of the previous buffer) and v_k (weight of the new gradient) for first-order
 * momentum; u_i, v_i, c_i of every branch (and c₀) for a filter bank; b_k, a_k for a rational filter
 * (coefficientSeries). For schedules with more stages than `mapBins`, stages are merged into bins:
 * the line is the step-weighted mean and a band shows each bin's min–max.
 */
export function coefficientsSpec(records: CoefficientRecords, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const { t0, aggregated } = records;
  const series = mergeEqual(records.series);
  const count = t0.length;
  const rows = series.flatMap((s) => stepRows(s, records));
  // Merged bins: the line through their means (binLineRows), the band from the step rows.
  const smooth = aggregated && (records.merged?.some(Boolean) ?? false);
  const lines = smooth ? series.flatMap((s) => smoothRows(s, records)) : rows;
  const STEP_X = stepX(records);
  const color = {
    field: 'coefficient',
    type: 'nominal',
    title: 'Coefficient',
    scale: { domain: series.map((s) => s.name), scheme: theme.categoryScheme },
    // A stroke like the line, at full opacity (the band's opacity would fade a merged legend's symbols).
    legend: { ...LINE_LEGEND, symbolOpacity: 1 },
  } satisfies Encoding<Field>['color'];
  const layer: LayerItem[] = [];
  if (aggregated) {
    layer.push({
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.25 },
      encoding: { x: STEP_X, y: { field: 'min', type: 'quantitative' }, y2: { field: 'max' }, color },
    });
  }
  layer.push({
    ...(smooth ? { data: { name: 'coefficientLines' } } : {}),
    mark: { type: 'line', interpolate: smooth ? 'linear' : 'step-after' },
    encoding: {
      x: STEP_X,
      y: {
        field: 'value',
        type: 'quantitative',
        title: 'Coefficient value (dimensionless)',
        scale: paddedDomain([...fieldValues(rows, 'value'), ...fieldValues(rows, 'min'), ...fieldValues(rows, 'max')]),
        axis: VALUE_AXIS,
      },
      color,
      tooltip: [
        { field: 'coefficient', type: 'nominal', title: 'coefficient' },
        { field: 'step', type: 'quantitative', title: smooth ? 'step' : 'from step' },
        { field: 'value', type: 'quantitative', title: aggregated ? 'mean' : 'value', format: '.6~g' },
        ...(aggregated ? RANGE_TOOLTIP : []),
      ],
    },
  });
  const lr = records.lr ? learningRateLayer(records.lr, records, theme.muted) : undefined;
  return topLevelSpec({
    title: `Coefficients: ${records.name}`,
    subtitle: records.recursion,
    description:
      `Momentum coefficients ${series.map((s) => s.name).join(', ')} of schedule ${records.name} (${stageCountText(records.stageCount)} over ` +
      `${records.steps} steps) as step functions of the training step${records.stepSpacing === 'log' ? ' (log axis)' : ''}` +
      `${aggregated ? `; stages merged into ${count} bins, line = step-weighted mean${smooth ? ' (at the middle of a merged bin)' : ''}, band = min–max` : ''}` +
      `${lr ? `; the learning rate α dashed, on its own log axis (right)${aggregated ? ' with its min–max band' : ''}` : ''}.`,
    theme,
    width: options.width,
    datasets: { coefficients: rows, ...(smooth ? { coefficientLines: lines } : {}), ...(lr ? { learningRate: lr.rows } : {}), ...(lr?.band ? { learningRateBand: lr.band } : {}) },
    body: lr
      ? { width: options.width, height: options.height, layer: [{ data: { name: 'coefficients' }, layer }, lr.layer], resolve: { scale: { y: 'independent' } } }
      : { width: options.width, height: options.height, data: { name: 'coefficients' }, layer },
  });
}

/**
 * The learning rate beside the coefficients: a dashed step line on its own log y axis at the right
 * (α spans decades: OneCycleLR's 25·10⁴), with a min–max band over merged bins like the coefficients'
 * and its ends at the first and last steps' own α. Steps with α = 0 (a warm-up's first step) cannot
 * sit on a log axis and are left out.
 */
function learningRateLayer(lr: BinnedSeries, records: CoefficientRecords, colour: string): { rows: DataRow[]; band?: DataRow[]; layer: LayerItem } {
  const { aggregated } = records;
  const last = records.t0.length - 1;
  const smooth = aggregated && (records.merged?.some(Boolean) ?? false);
  const rows = smooth ? smoothRows(lr, records).filter((r) => (r.value as number) > 0) : stepRows(lr, records).filter((_, b) => lr.mean[Math.min(b, last)] > 0);
  // Merged bins: a min–max band like the coefficients' (from the step rows; a bin whose lowest α is 0
  // cannot sit on the log axis and is left out of the band).
  const band = aggregated ? stepRows(lr, records).filter((r) => (r.min as number) > 0) : [];
  const positive = (values: (number | null)[]) => values.filter((x) => x !== null && x > 0);
  const domain = paddedDomain(positive([...fieldValues(rows, 'value'), ...fieldValues(band, 'min'), ...fieldValues(band, 'max')]), { type: 'log' });
  const y = { field: 'value', type: 'quantitative', title: 'Learning rate α (log scale)', scale: { type: 'log', ...domain }, axis: { orient: 'right', ...LOG_AXIS } } satisfies Encoding<Field>['y'];
  const line: LayerItem = {
    data: { name: 'learningRate' },
    transform: [{ calculate: `'${LR_ENTRY}'`, as: 'line' }],
    mark: { type: 'line', interpolate: smooth ? 'linear' : 'step-after' },
    encoding: {
      x: stepX(records),
      // Its own legend entry, a dashed stroke in its colour (the coefficients' legend lists colours).
      strokeDash: { field: 'line', type: 'nominal', title: null, scale: { domain: [LR_ENTRY], range: [[6, 3]] }, legend: { ...LINE_LEGEND, symbolStrokeColor: colour } },
      y,
      color: { value: colour },
      tooltip: [
        { field: 'step', type: 'quantitative', title: smooth ? 'step' : 'from step' },
        { field: 'value', type: 'quantitative', title: aggregated ? 'mean α' : 'α', format: '.6~g' },
        ...(aggregated ? RANGE_TOOLTIP : []),
      ],
    },
  };
  if (!aggregated) return { rows, layer: line };
  const area: LayerItem = {
    data: { name: 'learningRateBand' },
    mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: colour },
    encoding: { x: stepX(records), y: { ...y, field: 'min' }, y2: { field: 'max' } },
  };
  return { rows, band, layer: { layer: [area, line] } };
}

/**
 * The learning rate's legend entry, short: the axis beside it is titled "Learning rate α", and vega
 * sizes a legend by its longest label at 0.8 em per character (no canvas), so a long label leaves a
 * blank band right of the figure (110 px for "learning rate α (right axis)").
 */
const LR_ENTRY = 'α (right axis)';

/**
 * Series drawn exactly under others merged into one legend entry, named "u₁ = c₁" (nesterov's branch
 * has u = c = μ): a legend must not list a line nobody can see.
 */
function mergeEqual(series: readonly BinnedSeries[]): BinnedSeries[] {
  const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  const out: BinnedSeries[] = [];
  for (const s of series) {
    const i = out.findIndex((o) => same(o.mean, s.mean) && same(o.min, s.min) && same(o.max, s.max));
    if (i < 0) out.push(s);
    else out[i] = { ...out[i], name: `${out[i].name} = ${s.name}` };
  }
  return out;
}

/** Tooltip rows of a merged bin's range. */
const RANGE_TOOLTIP: StringFieldDef<Field>[] = [
  { field: 'min', type: 'quantitative', title: 'min', format: '.6~g' },
  { field: 'max', type: 'quantitative', title: 'max', format: '.6~g' },
];

/** The training step axis of the step lines (log when the bins are log-spaced: trainingBins). */
function stepX({ steps, stepSpacing }: CoefficientRecords): Encoding<Field>['x'] {
  return { field: 'step', type: 'quantitative', ...stepAxis(steps, stepSpacing) };
}

/**
 * A binned series as the rows of a step line: one per bin, from its first step, and the last
 * repeated at the end of training so the line spans the last step too (stepAxis: steps a…b span
 * [a, b + 1)); a merged bin's min and max beside its mean.
 */
function stepRows(s: BinnedSeries, { t0, t1, aggregated }: CoefficientRecords): DataRow[] {
  const count = t0.length;
  const rows: DataRow[] = [];
  for (let b = 0; b <= count; b++) {
    const i = Math.min(b, count - 1);
    const row: DataRow = { coefficient: s.name, step: stepStart(b < count ? t0[b] : t1[i]), value: roundSig(s.mean[i]) };
    if (aggregated) Object.assign(row, { min: roundSig(s.min[i]), max: roundSig(s.max[i]) });
    rows.push(row);
  }
  return rows;
}

/** A binned series as the points of a line through merged bins' means (binLineRows), each with its bin's min and max. */
function smoothRows(s: BinnedSeries, { t0, t1, merged }: CoefficientRecords): DataRow[] {
  const bins = Array.from(t0, (start, b) => ({ t0: start, t1: t1[b], merged: merged?.[b] ?? false }));
  const value = (b: number, edge?: LineEdge) => (edge === 'first' && s.first !== undefined ? s.first : edge === 'last' && s.last !== undefined ? s.last : s.mean[b]);
  return binLineRows(bins, (b, step, edge) => ({ coefficient: s.name, step, value: roundSig(value(b, edge)), min: roundSig(s.min[b]), max: roundSig(s.max[b]) }));
}
