import type { Schedule } from '../../types.js';
import { TOOL } from '../../version.js';
import { externalizeData } from '../externalize-data.js';
import { fileSlug } from '../file-slug.js';
import { plotFigures, type ExactResponses, type PlotFigure } from '../plot-figures.js';
import { stripFormat, type PlotFormat } from '../plot-format.js';
import type { PlotKind } from '../plot-kind.js';
import type { PlotOptions } from '../plot-options.js';
import { stableJson } from '../stable-json.js';
import { compileVega } from './compile-vega.js';
import { renderHtml } from './render-html.js';
import { renderPng, type PngOptions } from './render-png.js';
import { renderSvg } from './render-svg.js';

export interface RenderPlotsOptions {
  kinds: readonly PlotKind[];
  formats: readonly PlotFormat[];
  plot: PlotOptions;
  /** vl.json: put the data in `<name>.data.json` beside the spec instead of inline. */
  dataFile?: boolean;
  png?: PngOptions;
  /**
   * One file name for everything (`-o`): used as is when there is a single file, otherwise as a
   * prefix (`fig.svg` → `fig.magnitude.svg`, `fig.response-map.svg`, …).
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

/** One output before rendering: a static figure in one format, or an HTML page of figures. */
interface Target {
  name: string;
  format: PlotFormat;
  figures: PlotFigure[];
  /** Page title (HTML only). */
  title: string;
}

/**
 * Every requested figure in every requested format, rendered in memory in a fixed order (figures,
 * then formats in the order given). Nothing is written: the caller decides where files go.
 *
 * Static files (vl.json, vg.json, svg, png) show the static figures; the HTML page of each schedule
 * holds its figures with tooltips and, for the magnitude plot, the stage slider. Warnings from
 * vega-lite or vega (none expected) are returned, one string each.
 */
export async function renderPlots(schedules: readonly Schedule[], options: RenderPlotsOptions): Promise<{ files: PlotFile[]; warnings: string[] }> {
  const warnings: string[] = [];
  const staticFormats = options.formats.filter((f) => f !== 'html');
  const targets: Target[] = [];
  if (staticFormats.length > 0) {
    for (const figure of plotFigures(schedules, options.kinds, { ...options.plot, interactive: false }, options.exact)) {
      for (const format of staticFormats) targets.push({ name: `${figure.id}.${format}`, format, figures: [figure], title: '' });
    }
  }
  if (options.formats.includes('html')) {
    const pages = new Map<string, PlotFigure[]>();
    for (const figure of plotFigures(schedules, options.kinds, { ...options.plot, interactive: true }, options.exact)) {
      pages.set(figure.slug, [...(pages.get(figure.slug) ?? []), figure]);
    }
    for (const [slug, figures] of pages) {
      const title = figures[0].schedule === null ? `Compare: ${schedules.map((s) => s.name).join(', ')}` : `Momentum schedule ${figures[0].schedule}`;
      targets.push({ name: `${slug}.html`, format: 'html', figures, title });
    }
  }
  const names = targetNames(
    targets.map((t) => t.name),
    schedules.length === 1 ? fileSlug(schedules[0].name) : null,
    options.output,
  );

  const compiled = new Map<PlotFigure, Promise<{ vg: unknown; svg?: Promise<string> }>>();
  const vega = (figure: PlotFigure): Promise<{ vg: unknown; svg?: Promise<string> }> => {
    let c = compiled.get(figure);
    if (!c) {
      c = compileVega(figure.spec).then((r) => {
        warnings.push(...r.warnings.map((w) => `${figure.id}: ${w}`));
        return { vg: r.spec };
      });
      compiled.set(figure, c);
    }
    return c;
  };
  const svgs = new Map<PlotFigure, Promise<string>>();
  const svgOf = (figure: PlotFigure): Promise<string> => {
    let s = svgs.get(figure);
    if (!s) {
      s = vega(figure).then((c) => renderSvg(c.vg as never, (w) => warnings.push(`${figure.id}: ${w}`)));
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
        return [{ name, format: 'vg.json', data: stableJson((await vega(figure)).vg) }];
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
              title: target.title,
              subtitle: `Frequency response of momentum schedules, written by ${TOOL.name} ${TOOL.version}. Hover for values; the slider moves the highlighted magnitude curve across training.`,
              theme: options.plot.theme,
              figures: target.figures.map((f) => ({
                id: f.kind,
                heading: String((f.spec.title as { text?: string } | undefined)?.text ?? f.id),
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
 * file, else `<output stem>.<default name>`, dropping the schedule's slug from the default when there
 * is only one schedule (`-o fig.svg` → `fig.magnitude.svg`, `fig.html`).
 */
export function targetNames(defaults: readonly string[], onlySlug: string | null, output: string | undefined): string[] {
  if (output === undefined) return [...defaults];
  if (defaults.length === 1) return [output];
  const stem = stripFormat(output);
  const prefix = onlySlug === null ? null : `${onlySlug}.`;
  return defaults.map((d) => `${stem}.${prefix !== null && d.startsWith(prefix) ? d.slice(prefix.length) : d}`);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
