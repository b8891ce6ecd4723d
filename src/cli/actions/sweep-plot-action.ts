import { NUMERIC_METRICS } from '../../metric-names.js';
import { stageSelector } from '../../analysis/stage-selection.js';
import { FIGURE_FORMATS, type FigureFormat } from '../../plot/plot-format.js';
import { axisLength, axisValue } from '../../sweep/axis-value.js';
import { axisTitle } from '../../sweep/axis-title.js';
import { jobSize, LR_COLUMNS, type SweepJob, type SweepPlotMetric, type SweepPlotRequest } from '../../sweep/sweep-job.js';
import { sweepHeatmapSpec, type PlotAxis } from '../../plot/specs/sweep-heatmap.js';
import { sweepLineSpec } from '../../plot/specs/sweep-line.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { writeFigure } from '../write-figure.js';
import { outputFormat } from '../output.js';
import { quoted } from '../../util/excerpt.js';

/** Points a plot may have (a heatmap of 500 × 500 is already finer than the picture). */
const MAX_PLOT_POINTS = 250_000;

/** Every plot format but the compiled Vega spec (a sweep's figure is drawn from its Vega-Lite spec). */
type SweepPlotFormat = FigureFormat;
const SWEEP_PLOT_FORMATS = FIGURE_FORMATS;

interface PlotCliOptions {
  plot?: string;
  plotFormat?: SweepPlotFormat;
  plotMetric: string;
  plotStage: string;
  contour?: string;
}

/** A sweep's plot: what the sweep collects for it at every point, and the step that draws it after. */
export interface SweepPlot {
  /** The metric and stage the sweep collects beside its rows (SweepJob.plot). */
  request: SweepPlotRequest;
  /**
   * The array the sweep fills with the plotted values, point by point (runSweep's onPlotValues);
   * undefined when the grid has more points than a plot can show (write then says so).
   */
  values(points: number): Float64Array | undefined;
  /** Draws the collected values `z` (one per point, NaN for a gap) and writes the figure. */
  write(job: SweepJob, z: Float64Array | undefined, ctx: CliContext): Promise<void>;
}

/**
 * Checks the --plot options before the sweep runs, and returns the plot: the sweep collects the
 * metric of the chosen stage at every point from its own evaluation (invalid points are gaps), and
 * write draws it after the sweep, as a heatmap for two swept paths or lines for one, written as
 * .vl.json, .svg, .png or .html by writeFigure (the render pipeline of `plot`).
 */
export function preparePlot(options: PlotCliOptions, paths: string[], hasLr = false): SweepPlot {
  const file = options.plot!;
  const format = outputFormat('--plot', file, '--plot-format', options.plotFormat, SWEEP_PLOT_FORMATS);
  const metric = options.plotMetric as SweepPlotMetric;
  // With a learning rate the update view's two columns can be drawn too (lr, effectiveLearningRate).
  const metrics: string[] = hasLr ? [...NUMERIC_METRICS, ...LR_COLUMNS] : NUMERIC_METRICS;
  if (!metrics.includes(metric)) {
    if (!hasLr && (LR_COLUMNS as readonly string[]).includes(metric)) throw new CliError(`--plot-metric: ${metric} needs a learning rate, and the config has no lr`);
    throw new CliError(`--plot-metric: unknown metric ${quoted(metric)}${didYouMean(metric, metrics)} (one of ${metrics.join(', ')})`);
  }
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
    request: { metric, stage: stageText },
    values: (points) => (points > MAX_PLOT_POINTS ? undefined : new Float64Array(points).fill(NaN)),
    async write(job, z, ctx) {
      const total = jobSize(job);
      if (total > MAX_PLOT_POINTS || !z) throw new CliError(`--plot: the grid has ${total} points, more than ${MAX_PLOT_POINTS} a plot can show; sweep a coarser grid for the plot`);
      const axes: PlotAxis[] = job.axes.map((a) => ({
        path: a.path,
        title: axisTitle(job.config, a.configPath, a.path),
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
