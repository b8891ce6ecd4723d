import type { Scale } from 'vega-lite/types_unstable/scale.js';
import { contourSegments } from './contour-segments.js';
import { roundSig } from '../../util/round-sig.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

/** One swept parameter on a plot axis: its name (the axis title), values in grid order, spacing. */
export interface PlotAxis {
  path: string;
  values: number[];
  log: boolean;
}

export interface SweepHeatmapInput {
  x: PlotAxis;
  y: PlotAxis;
  /** Metric name (the colour legend's title). */
  metric: string;
  /** Stage the values belong to, for the subtitle (`last`, `stage 3`). */
  stage: string;
  /** z[i * ny + j]: the metric at (x.values[i], y.values[j]); NaN where undefined or skipped. */
  z: ArrayLike<number>;
  /** Draw the contour where the metric equals this level. */
  contour?: number;
  theme?: 'light' | 'dark';
}

/**
 * A heatmap of a metric over two swept parameters: one rectangle per grid point, spanning halfway
 * to its neighbours (in log coordinates on a log axis), coloured by the metric; optionally the
 * contour line at a level (marching squares, see contourSegments), e.g. FSGDM's optimal zone
 * v·(1 + 1/c) = 30.992 on the final stage's DC gain.
 */
export function sweepHeatmapSpec(input: SweepHeatmapInput): TopLevelSpec {
  const theme = plotTheme(input.theme ?? 'light');
  const xe = cellEdges(input.x);
  const ye = cellEdges(input.y);
  const ny = input.y.values.length;
  const cells: DataRow[] = [];
  input.x.values.forEach((x, i) =>
    input.y.values.forEach((y, j) => {
      cells.push({ x: roundSig(x), y: roundSig(y), x0: roundSig(xe[i]), x1: roundSig(xe[i + 1]), y0: roundSig(ye[j]), y1: roundSig(ye[j + 1]), value: roundSig(input.z[i * ny + j]) });
    }),
  );
  const scale = (a: PlotAxis): Scale => (a.log ? { type: 'log', nice: false } : { type: 'linear', zero: false, nice: false });
  const layers: LayerItem[] = [
    {
      data: { name: 'cells' },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: input.x.path, scale: scale(input.x) },
        x2: { field: 'x1' },
        y: { field: 'y0', type: 'quantitative', title: input.y.path, scale: scale(input.y) },
        y2: { field: 'y1' },
        color: { field: 'value', type: 'quantitative', title: input.metric, scale: { scheme: theme.stageScheme.name } },
        tooltip: [
          { field: 'x', type: 'quantitative', title: input.x.path },
          { field: 'y', type: 'quantitative', title: input.y.path },
          { field: 'value', type: 'quantitative', title: input.metric },
        ],
      },
    },
  ];
  const datasets: { [name: string]: DataRow[] } = { cells };
  if (input.contour !== undefined) {
    const segments = contourSegments(input.x.values, input.y.values, input.z, input.contour, { xLog: input.x.log, yLog: input.y.log });
    datasets.contour = segments.map((s) => ({ x: roundSig(s.x1), y: roundSig(s.y1), x2: roundSig(s.x2), y2: roundSig(s.y2) }));
    layers.push({
      data: { name: 'contour' },
      mark: { type: 'rule', color: theme.foreground, strokeWidth: 2 },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, x2: { field: 'x2' }, y2: { field: 'y2' } },
    });
  }
  const contourText = input.contour === undefined ? '' : `; line: ${input.metric} = ${input.contour}`;
  return topLevelSpec({
    title: `${input.metric} over ${input.x.path} × ${input.y.path}`,
    subtitle: `stage: ${input.stage}${contourText}`,
    description: `Heatmap of ${input.metric} (${input.stage} stage) over a ${input.x.values.length} × ${ny} grid of ${input.x.path} and ${input.y.path}${contourText}.`,
    theme,
    datasets,
    body: { width: 420, height: 320, layer: layers },
  });
}

/** Cell boundaries: midpoints between neighbouring values (geometric on a log axis), ends mirrored. */
function cellEdges(axis: PlotAxis): number[] {
  const f = axis.log ? Math.log : (a: number) => a;
  const g = axis.log ? Math.exp : (a: number) => a;
  const v = axis.values.map(f);
  const n = v.length;
  if (n === 1) return [g(v[0] - 0.5), g(v[0] + 0.5)].map((e, k) => (axis.log ? axis.values[0] * (k === 0 ? 0.9 : 1.1) : e));
  const edges = [v[0] - (v[1] - v[0]) / 2];
  for (let i = 0; i + 1 < n; i++) edges.push((v[i] + v[i + 1]) / 2);
  edges.push(v[n - 1] + (v[n - 1] - v[n - 2]) / 2);
  return edges.map(g);
}
