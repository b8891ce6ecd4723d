import { roundSig } from '../../util/round-sig.js';
import type { PlotAxis } from './sweep-heatmap.js';
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

/** A metric against one swept parameter, one line per series (point marks where a line has one point). */
export function sweepLineSpec(input: SweepLineInput): TopLevelSpec {
  const theme = plotTheme(input.theme ?? 'light');
  const rows: DataRow[] = [];
  for (const s of input.series) input.x.values.forEach((x, i) => rows.push({ x: roundSig(x), value: roundSig(s.values[i]), series: s.name }));
  const several = input.series.length > 1;
  return topLevelSpec({
    title: `${input.metric} against ${input.x.path}`,
    subtitle: `stage: ${input.stage}`,
    description: `${input.metric} (${input.stage} stage) as ${input.x.path} varies${several ? `, one line per ${input.seriesTitle ?? 'series'}` : ''}.`,
    theme,
    datasets: { lines: rows },
    body: {
      width: 420,
      height: 280,
      data: { name: 'lines' },
      mark: { type: 'line', point: input.x.values.length <= 60, tooltip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: input.x.path, scale: input.x.log ? { type: 'log' } : { zero: false } },
        y: { field: 'value', type: 'quantitative', title: input.metric, scale: { zero: false } },
        ...(several ? { color: { field: 'series', type: 'nominal', title: input.seriesTitle ?? 'series', scale: { scheme: theme.categoryScheme }, sort: null } } : {}),
      },
    },
  });
}
