import type { Scale } from 'vega-lite/types_unstable/scale.js';
import { cellEdges } from './cell-edges.js';
import { contourSegments } from './contour-segments.js';
import { gridAxis, metricName, metricTitle, spansDecades, titleLines } from './sweep-scale.js';
import { NUMBER_LABELS } from './value-domain.js';
import { roundSig } from '../../util/round-sig.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

/** One swept parameter on a plot axis: its config path (tooltips), human title, values in grid order, spacing. */
export interface PlotAxis {
  path: string;
  /** The axis title, with a unit where it has one ("Scaling factor c"); default: `path`. */
  title?: string;
  values: number[];
  log: boolean;
}

export interface SweepHeatmapInput {
  x: PlotAxis;
  y: PlotAxis;
  /** Metric key (`dcGain`; the tooltip); the legend shows its title with unit (METRIC_TITLES). */
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
  const xe = cellEdges(input.x.values, input.x.log);
  const ye = cellEdges(input.y.values, input.y.log);
  const xTitle = input.x.title ?? input.x.path, yTitle = input.y.title ?? input.y.path;
  const log = spansDecades(input.z);
  const ny = input.y.values.length;
  const cells: DataRow[] = [];
  input.x.values.forEach((x, i) =>
    input.y.values.forEach((y, j) => {
      cells.push({ x: roundSig(x), y: roundSig(y), x0: roundSig(xe[i]), x1: roundSig(xe[i + 1]), y0: roundSig(ye[j]), y1: roundSig(ye[j + 1]), value: roundSig(input.z[i * ny + j]) });
    }),
  );
  // Cells: edges on whole pixels (round), so a canvas (the HTML page) does not anti-alias the shared
  // edge of two cells into a pale seam. The contour gets the same domain unrounded (its own,
  // axis-less scale), so it stays a smooth line.
  const scale = (a: PlotAxis, edges: number[], round: boolean): Scale => {
    const domain = [roundSig(edges[0]) ?? edges[0], roundSig(edges[edges.length - 1]) ?? edges[edges.length - 1]];
    return a.log ? { type: 'log', domain, nice: false, round } : { type: 'linear', domain, zero: false, nice: false, round };
  };
  const layers: LayerItem[] = [
    {
      data: { name: 'cells' },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: xTitle, scale: scale(input.x, xe, true), axis: gridAxis(input.x.values) },
        x2: { field: 'x1' },
        y: { field: 'y0', type: 'quantitative', title: yTitle, scale: scale(input.y, ye, true), axis: gridAxis(input.y.values) },
        y2: { field: 'y1' },
        color: {
          field: 'value', type: 'quantitative', title: titleLines(metricTitle(input.metric)),
          scale: log ? { type: 'log', scheme: theme.stageScheme.name } : { scheme: theme.stageScheme.name },
          legend: { titleLimit: 220, ...NUMBER_LABELS, ...(log ? { tickCount: 6 } : {}) },
        },
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
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: scale(input.x, xe, false), axis: null },
        y: { field: 'y', type: 'quantitative', scale: scale(input.y, ye, false), axis: null },
        x2: { field: 'x2' }, y2: { field: 'y2' },
      },
    });
  }
  const contourText = input.contour === undefined ? '' : `; line: ${input.metric} = ${input.contour}`;
  return topLevelSpec({
    title: `${metricName(input.metric)} ${ofStage(input.stage)}`,
    subtitle: `${input.metric} over ${input.x.path} × ${input.y.path}${log ? '; log colour scale' : ''}${contourText}`,
    description: `Heatmap of ${input.metric} (${input.stage} stage) over a ${input.x.values.length} × ${ny} grid of ${input.x.path} and ${input.y.path}${contourText}.`,
    theme,
    datasets,
    body: { width: 420, height: 320, layer: layers, ...(input.contour === undefined ? {} : { resolve: { scale: { x: 'independent', y: 'independent' } } }) },
  });
}

/**
 * "of the last stage", "of stage 3", "at step 500" (the selector step:500 in words): a figure's title names the stage; the swept
 * parameters are the axes' titles (a title naming them too runs wider than the figure, as vega
 * estimates text widths in SVG).
 */
export function ofStage(stage: string): string {
  if (/^(first|last|final)$/.test(stage)) return `of the ${stage} stage`;
  return /^stage /.test(stage) ? `of ${stage}` : `at ${stage.replace(/^step:\s*/, 'step ')}`;
}
