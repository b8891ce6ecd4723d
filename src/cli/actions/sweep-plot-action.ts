import { METRIC_NAMES } from '../../io/tidy-rows.js';
import { formatOfPath } from '../../plot/plot-format.js';
import { stableJson } from '../../plot/stable-json.js';
import { axisLength, axisValue } from '../../sweep/axis-value.js';
import { pointEvaluator } from '../../sweep/point-evaluator.js';
import { stageMetricsOf } from '../../filter/stage-filter.js';
import { pointValues } from '../../sweep/sweep-grid.js';
import type { SweepJob } from '../../sweep/sweep-job.js';
import { sweepHeatmapSpec, sweepLineSpec, type PlotAxis } from '../../sweep/sweep-plot-spec.js';
import type { StageMetrics } from '../../types.js';
import { didYouMean } from '../../util/suggest.js';
import { TOOL } from '../../version.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { fileFormat, writeFileOutput } from '../output.js';
import { quoted } from '../../util/excerpt.js';

/** Points a plot may have (a heatmap of 500 × 500 is already finer than the picture). */
const MAX_PLOT_POINTS = 250_000;

const SWEEP_PLOT_FORMATS = ['svg', 'png', 'html', 'vl.json'] as const;
type SweepPlotFormat = (typeof SWEEP_PLOT_FORMATS)[number];

const NUMERIC_METRICS = METRIC_NAMES.filter((m) => m !== 'filterType' && m !== 'amplifies');

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
 * are gaps), as a heatmap for two swept paths or lines for one, written as .vl.json,
 * .svg, .png or .html through the plotting machinery of src/plot (writeFileOutput).
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
  if (!/^(first|last|final|-?\d+)$/.test(stageText)) throw new CliError(`--plot-stage: expected first, last or a stage index (got ${quoted(stageText)})`);

  return {
    async write(job, ctx) {
      const specs = job.axes.map((a) => a.spec);
      const total = specs.reduce((n, s) => n * axisLength(s), 1);
      if (total > MAX_PLOT_POINTS) throw new CliError(`--plot: the grid has ${total} points, more than ${MAX_PLOT_POINTS} a plot can show; sweep a coarser grid for the plot`);
      const evaluate = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable });
      const values = new Float64Array(specs.length);
      const z = new Float64Array(total);
      for (let p = 0; p < total; p++) {
        const r = evaluate(pointValues(specs, p, values));
        if (!r.stages) {
          z[p] = NaN;
          continue;
        }
        const n = r.stages.count;
        const k = stageText === 'first' ? 0 : stageText === 'last' || stageText === 'final' ? n - 1 : Number(stageText) < 0 ? n + Number(stageText) : Number(stageText);
        const m = k >= 0 && k < n ? stageMetricsOf(r, k)[metric] : null;
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
      if (format === 'vl.json') {
        await writeFileOutput(ctx, file, stableJson(spec));
      } else {
        const { compileVega } = await import('../../plot/render/compile-vega.js');
        const { renderSvg } = await import('../../plot/render/render-svg.js');
        if (format === 'html') {
          const { renderHtml } = await import('../../plot/render/render-html.js');
          const title = (spec.title as { text: string }).text;
          await writeFileOutput(ctx, file, await renderHtml({ title, subtitle: `${TOOL.name} ${TOOL.version}`, theme: 'light', figures: [{ id: 'sweep', heading: title, description: String(spec.description), spec }] }));
        } else {
          const compiled = await compileVega(spec);
          for (const w of compiled.warnings) ctx.stderr.write(`momentum-fr: plot: ${w}\n`);
          const svg = await renderSvg(compiled.spec, (w) => ctx.stderr.write(`momentum-fr: plot: ${w}\n`));
          if (format === 'svg') await writeFileOutput(ctx, file, svg);
          else {
            const { renderPng } = await import('../../plot/render/render-png.js');
            await writeFileOutput(ctx, file, await renderPng(svg));
          }
        }
      }
    },
  };
}
