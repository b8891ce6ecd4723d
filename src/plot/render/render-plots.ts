import type { Schedule } from '../../types.js';
import { TOOL } from '../../tool.js';
import { externalizeData } from '../externalize-data.js';
import { uniqueSlugs } from '../file-slug.js';
import { plotFigures, type PlotFigure } from '../plot-figures.js';
import type { ExactResponses } from '../response-records.js';
import { stripFormat, type PlotFormat } from '../plot-format.js';
import type { PlotKind } from '../plot-kind.js';
import { renderOptionIssues } from '../plot-option-checks.js';
import { resolvePlotOptions, type PlotOptions } from '../plot-options.js';
import { OptionError } from '../../schedule/issues.js';
import { stableJson } from '../stable-json.js';
import { compileVega } from './compile-vega.js';
import { renderHtml } from './render-html.js';
import { renderPng, type PngOptions } from './render-png.js';
import { figureSvg } from './figure-svg.js';

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

/** A file to write: a name relative to the output directory, and its bytes. */
export interface PlotFile {
  name: string;
  format: PlotFormat | 'data';
  data: string | Uint8Array;
}

/** One output before rendering: a static figure in one format, or the HTML page of all figures. */
interface Target {
  name: string;
  format: PlotFormat;
  figures: PlotFigure[];
}

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
  const warnings: string[] = [];
  const staticFormats = options.formats.filter((f) => f !== 'html');
  const targets: Target[] = [];
  if (staticFormats.length > 0) {
    for (const figure of plotFigures(schedules, options.kinds, { ...options.plot, interactive: false }, options.exact)) {
      for (const format of staticFormats) targets.push({ name: `${figure.id}.${format}`, format, figures: [figure] });
    }
  }
  const onlySlug = schedules.length === 1 ? uniqueSlugs([schedules[0].name])[0] : null;
  if (options.formats.includes('html')) {
    const figures = plotFigures(schedules, options.kinds, { ...options.plot, interactive: true }, options.exact);
    if (figures.length > 0) targets.push({ name: `${onlySlug ?? 'plots'}.html`, format: 'html', figures });
  }
  const names = targetNames(
    targets.map((t) => t.name),
    onlySlug,
    options.output,
  );
  const pageTitle =
    schedules.length === 1 ? `Momentum schedule ${schedules[0].name}` : `Momentum schedules: ${schedules.map((s) => s.name).join(', ')}`;

  const compiled = new Map<PlotFigure, Promise<unknown>>();
  const vegaSpec = (figure: PlotFigure): Promise<unknown> => {
    let c = compiled.get(figure);
    if (!c) {
      c = compileVega(figure.spec).then((r) => {
        warnings.push(...r.warnings.map((w) => `${figure.id}: ${w}`));
        return r.spec;
      });
      compiled.set(figure, c);
    }
    return c;
  };
  // The response map's cells are drawn as one image (cell-raster.ts). Everything renders on this
  // thread: an SVG worker thread measured slower on the 2-vCPU machines this is benchmarked on (its
  // own vega load outweighs the overlap).
  const svgs = new Map<PlotFigure, Promise<string>>();
  const svgOf = (figure: PlotFigure): Promise<string> => {
    let s = svgs.get(figure);
    if (!s) {
      const about = { title: figureTitle(figure), description: String(figure.spec.description ?? '') };
      s = figureSvg(figure.spec, about, { cellImage: figure.kind === 'response-map' }).then((r) => {
        warnings.push(...r.warnings.map((w) => `${figure.id}: ${w}`));
        return r.svg;
      });
      svgs.set(figure, s);
    }
    return s;
  };

  // Start every file at once and collect them in order: vega runs on the main thread one figure
  // after another, while resvg rasterises finished SVGs on the thread pool in the meantime.
  const pending = targets.map(async (target, i): Promise<PlotFile[]> => {
    const name = names[i];
    const figure = target.figures[0];
    switch (target.format) {
      case 'vl.json': {
        if (!options.dataFile) return [{ name, format: 'vl.json', data: stableJson(figure.spec) }];
        const dataName = `${stripFormat(name)}.data.json`;
        const { spec, data } = externalizeData(figure.spec, baseName(dataName));
        return [
          { name, format: 'vl.json', data: stableJson(spec) },
          { name: dataName, format: 'data', data: stableJson(data) },
        ];
      }
      case 'vg.json':
        return [{ name, format: 'vg.json', data: stableJson(await vegaSpec(figure)) }];
      case 'svg':
        return [{ name, format: 'svg', data: await svgOf(figure) }];
      case 'png':
        return [{ name, format: 'png', data: await renderPng(await svgOf(figure), options.png) }];
      case 'html':
        return [
          {
            name,
            format: 'html',
            data: await renderHtml({
              title: pageTitle,
              subtitle: `Frequency response of momentum schedules, written by ${TOOL.name} ${TOOL.version}. Hover for values; the slider moves the highlighted magnitude curve across training.`,
              theme: options.plot.theme,
              figures: target.figures.map((f) => ({
                id: f.id,
                heading: figureTitle(f),
                description: String(f.spec.description ?? ''),
                spec: f.spec,
              })),
            }),
          },
        ];
    }
  });
  const files = (await Promise.all(pending)).flat();
  return { files, warnings };
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

function figureTitle(figure: PlotFigure): string {
  return String((figure.spec.title as { text?: string } | undefined)?.text ?? figure.id);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
