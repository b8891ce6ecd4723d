import { roundSig } from '../../util/round-sig.js';
import { ofStage, type PlotAxis } from './sweep-heatmap.js';
import { gridAxis, metricName, metricTitle, SPACED_LABELS, spansDecades } from './sweep-scale.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type DataRow, type TopLevelSpec } from './vega-lite-spec.js';

export interface SweepLineInput {
  x: PlotAxis;
  metric: string;
  stage: string;
  /** One line per series (e.g. the values of a second swept path); `name` is the legend entry. */
  series: { name: string; values: ArrayLike<number> }[];
  /** Legend title when there are several series. */
  seriesTitle?: string;
  theme?: 'light' | 'dark';
}

/**
 * A metric against one swept parameter, one line per series (point marks where a line has one
 * point). Axis titles are human names with units (the axis' `title`, METRIC_TITLES); the config
 * path and the metric's key are in the subtitle and the tooltip. The y axis is logarithmic when
 * the values span decades (spansDecades).
 */
export function sweepLineSpec(input: SweepLineInput): TopLevelSpec {
  const theme = plotTheme(input.theme ?? 'light');
  const rows: DataRow[] = [];
  for (const s of input.series) input.x.values.forEach((x, i) => rows.push({ x: roundSig(x), value: roundSig(s.values[i]), series: s.name }));
  const several = input.series.length > 1;
  const xTitle = input.x.title ?? input.x.path;
  const log = spansDecades(Float64Array.from(input.series.flatMap((s) => Array.from(s.values))));
  return topLevelSpec({
    title: `${metricName(input.metric)} ${ofStage(input.stage)}`,
    subtitle: `${input.metric} against ${input.x.path}${log ? '; log scale' : ''}`,
    description: `${input.metric} (${input.stage} stage) as ${input.x.path} varies${several ? `, one line per ${input.seriesTitle ?? 'series'}` : ''}.`,
    theme,
    datasets: { lines: rows },
    body: {
      width: 420,
      height: 280,
      data: { name: 'lines' },
      mark: { type: 'line', point: input.x.values.length <= 60 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: xTitle, scale: input.x.log ? { type: 'log' } : { zero: false }, axis: gridAxis(input.x.values) },
        y: { field: 'value', type: 'quantitative', title: metricTitle(input.metric), scale: log ? { type: 'log' } : { zero: false }, axis: SPACED_LABELS },
        tooltip: [
          { field: 'x', type: 'quantitative', title: input.x.path },
          { field: 'value', type: 'quantitative', title: input.metric },
          ...(several ? [{ field: 'series', type: 'nominal' as const, title: input.seriesTitle ?? 'series' }] : []),
        ],
        ...(several ? { color: { field: 'series', type: 'nominal', title: input.seriesTitle ?? 'series', scale: { scheme: theme.categoryScheme }, sort: null } } : {}),
      },
    },
  });
}
