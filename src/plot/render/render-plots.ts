import type { Schedule } from '../../types.js';
import { TOOL } from '../../tool.js';
import { uniqueSlugs } from '../file-slug.js';
import { plotFigures, type PlotFigure } from '../plot-figures.js';
import type { ExactResponses } from '../response-records.js';
import { stripFormat, type PlotFormat } from '../plot-format.js';
import type { PlotKind } from '../plot-kind.js';
import { renderOptionIssues } from '../plot-option-checks.js';
import { resolvePlotOptions, type PlotOptions } from '../plot-options.js';
import { OptionError } from '../../schedule/issues.js';
import { renderFigures, type Figure, type FigureTarget, type PlotFile } from './render-figures.js';
import type { PngOptions } from './render-png.js';

export interface RenderPlotsOptions {
  kinds: readonly PlotKind[];
  formats: readonly PlotFormat[];
  /** Figure options; missing ones take DEFAULT_PLOT_OPTIONS. */
  plot?: Partial<PlotOptions>;
  /** vl.json: put the data in `<name>.data.json` beside the spec instead of inline. */
  dataFile?: boolean;
  png?: PngOptions;
  /**
   * One file name for everything (`-o`): used as is when there is a single file, otherwise as a
   * prefix (`fig.svg` → `fig-magnitude.svg`, `fig-response-map.svg`, …).
   */
  output?: string;
  /** Exact time-variant responses to overlay (dashed) on the curve plots, when available. */
  exact?: ExactResponses;
}

export type { PlotFile } from './render-figures.js';

/**
 * Every requested figure in every requested format, rendered in memory in a fixed order (figures,
 * then formats in the order given, the HTML page last). Nothing is written: the caller decides where
 * files go.
 *
 * Static files (vl.json, vg.json, svg, png) hold one static figure each, named `<schedule>-<kind>`
 * (or `compare`). The HTML page holds every figure, with tooltips and, in each magnitude plot, the
 * stage slider; it is named after the schedule (`<schedule>.html`), or `plots.html` for several.
 * Warnings from vega-lite or vega (none expected) are returned, one string each. Bad options reject
 * with an OptionError (issues with paths such as `plot.width`) before anything is rendered.
 */
export async function renderPlots(schedules: readonly Schedule[], given: RenderPlotsOptions): Promise<{ files: PlotFile[]; warnings: string[] }> {
  const issues = renderOptionIssues(schedules, given);
  if (issues.length > 0) throw new OptionError(issues);
  const options = { ...given, plot: resolvePlotOptions(given.plot) };
  const staticFormats = options.formats.filter((f) => f !== 'html');
  const targets: FigureTarget[] = [];
  if (staticFormats.length > 0) {
    for (const plotFigure of plotFigures(schedules, options.kinds, { ...options.plot, interactive: false }, options.exact)) {
      const figure = asFigure(plotFigure); // one object per figure: renderFigures renders it once for svg and png
      for (const format of staticFormats) targets.push({ name: `${figure.id}.${format}`, format, figures: [figure] });
    }
  }
  const onlySlug = schedules.length === 1 ? uniqueSlugs([schedules[0].name])[0] : null;
  if (options.formats.includes('html')) {
    const figures = plotFigures(schedules, options.kinds, { ...options.plot, interactive: true }, options.exact);
    if (figures.length > 0) targets.push({ name: `${onlySlug ?? 'plots'}.html`, format: 'html', figures: figures.map(asFigure) });
  }
  const names = targetNames(
    targets.map((t) => t.name),
    onlySlug,
    options.output,
  );
  const pageTitle =
    schedules.length === 1 ? `Momentum schedule ${schedules[0].name}` : `Momentum schedules: ${schedules.map((s) => s.name).join(', ')}`;

  const page = {
    title: pageTitle,
    subtitle: `Frequency response of momentum schedules, written by ${TOOL.name} ${TOOL.version}. Hover for values; the slider moves the highlighted magnitude curve across training.`,
    theme: options.plot.theme,
  };
  return renderFigures(targets.map((t, i) => ({ ...t, name: names[i] })), { dataFile: options.dataFile, png: options.png, page });
}

/**
 * Final file names. Without `output`, the default names. With it: the output itself for a single
 * file, else `<output stem>-<default name>`, dropping the schedule's slug from the default when there
 * is only one schedule (`-o fig.svg` → `fig-magnitude.svg`, `fig-response-map.svg`).
 */
export function targetNames(defaults: readonly string[], onlySlug: string | null, output: string | undefined): string[] {
  if (output === undefined) return [...defaults];
  if (defaults.length === 1) return [output];
  const stem = stripFormat(output);
  const prefix = onlySlug === null ? null : `${onlySlug}-`;
  return defaults.map((d) => `${stem}-${prefix !== null && d.startsWith(prefix) ? d.slice(prefix.length) : d}`);
}


/** The response map's cells are drawn as one image (cell-raster.ts). */
function asFigure(figure: PlotFigure): Figure {
  return { id: figure.id, spec: figure.spec, cellImage: figure.kind === 'response-map' };
}
