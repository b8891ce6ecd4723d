import { NUMERIC_METRICS } from '../../metric-names.js';
import { stageSelector } from '../../analysis/stage-selection.js';
import { formatOfPath } from '../../plot/plot-format.js';
import { axisLength, axisValue } from '../../sweep/axis-value.js';
import { pointEvaluator } from '../../sweep/evaluate-point.js';
import { stageMetricsOf } from '../../filter/stage-filter.js';
import { pointValues } from '../../sweep/sweep-grid.js';
import type { SweepJob } from '../../sweep/sweep-job.js';
import { sweepHeatmapSpec, type PlotAxis } from '../../plot/specs/sweep-heatmap.js';
import { sweepLineSpec } from '../../plot/specs/sweep-line.js';
import type { StageMetrics } from '../../types.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { writeFigure } from '../write-figure.js';
import { fileFormat } from '../output.js';
import { quoted } from '../../util/excerpt.js';

/** Points a plot may have (a heatmap of 500 × 500 is already finer than the picture). */
const MAX_PLOT_POINTS = 250_000;

const SWEEP_PLOT_FORMATS = ['svg', 'png', 'html', 'vl.json'] as const;
type SweepPlotFormat = (typeof SWEEP_PLOT_FORMATS)[number];

interface PlotCliOptions {
  plot?: string;
  plotFormat?: SweepPlotFormat;
  plotMetric: string;
  plotStage: string;
  contour?: string;
}

/**
 * Checks the --plot options before the sweep runs, and returns the step that draws the plot after
 * it: the metric of the chosen stage at every point (recomputed on the main thread; invalid points
 * are gaps), as a heatmap for two swept paths or lines for one, written as .vl.json, .svg, .png or
 * .html by writeFigure (the render pipeline of `plot`).
 */
export function preparePlot(options: PlotCliOptions, paths: string[]): { write(job: SweepJob, ctx: CliContext): Promise<void> } {
  const file = options.plot!;
  const format = fileFormat('--plot', file, '--plot-format', options.plotFormat, formatOfPath(file), SWEEP_PLOT_FORMATS);
  const metric = options.plotMetric as keyof StageMetrics;
  if (!(NUMERIC_METRICS as string[]).includes(metric)) throw new CliError(`--plot-metric: unknown metric ${quoted(metric)}${didYouMean(metric, NUMERIC_METRICS)} (one of ${NUMERIC_METRICS.join(', ')})`);
  if (paths.length < 1 || paths.length > 2) throw new CliError(`--plot: a sweep plot shows one swept path (lines) or two (heatmap), this sweep has ${paths.length}`);
  const contour = options.contour === undefined ? undefined : Number(options.contour);
  if (contour !== undefined && !Number.isFinite(contour)) throw new CliError(`--contour: expected a number (got ${quoted(options.contour ?? '')})`);
  if (contour !== undefined && paths.length !== 2) throw new CliError('--contour: needs a heatmap, i.e. two swept paths');
  const stageText = options.plotStage.trim();
  const stageOf = stageSelector(stageText, { single: true });
  const parsed = stageOf(0);
  if (!Array.isArray(parsed) && (parsed.code === 'syntax' || parsed.code === 'not_single')) {
    throw new CliError(`--plot-stage: expected first, last, final, a stage index or step:S (got ${quoted(stageText)})`);
  }

  return {
    async write(job, ctx) {
      const specs = job.axes.map((a) => a.spec);
      const total = specs.reduce((n, s) => n * axisLength(s), 1);
      if (total > MAX_PLOT_POINTS) throw new CliError(`--plot: the grid has ${total} points, more than ${MAX_PLOT_POINTS} a plot can show; sweep a coarser grid for the plot`);
      const { evaluate } = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable });
      const values = new Float64Array(specs.length);
      const z = new Float64Array(total);
      for (let p = 0; p < total; p++) {
        const { schedule } = evaluate(pointValues(specs, p, values));
        if (!schedule) {
          z[p] = NaN;
          continue;
        }
        const k = stageOf(schedule.stages);
        const m = Array.isArray(k) ? stageMetricsOf(schedule, k[0])[metric] : null;
        z[p] = typeof m === 'number' ? m : NaN;
      }
      const axes: PlotAxis[] = job.axes.map((a) => ({
        path: a.path,
        values: Array.from({ length: axisLength(a.spec) }, (_, i) => axisValue(a.spec, i)),
        log: a.spec.kind === 'range' && a.spec.scale === 'log',
      }));
      const stage = /^-?\d+$/.test(stageText) ? `stage ${stageText}` : stageText;
      const spec =
        axes.length === 2
          ? sweepHeatmapSpec({ x: axes[0], y: axes[1], metric, stage, z, contour })
          : sweepLineSpec({ x: axes[0], metric, stage, series: [{ name: metric, values: z }] });
      await writeFigure(ctx, file, { id: 'sweep', spec }, format);
    },
  };
}
