import { externalizeData } from '../externalize-data.js';
import type { ThemeName } from '../plot-options.js';
import { stripFormat, type PlotFormat } from '../plot-format.js';
import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';
import { stableJson } from '../stable-json.js';
import { compileVega } from './compile-vega.js';
import { figureSvg } from './figure-svg.js';
import { renderHtml } from './render-html.js';
import { renderPng, type PngOptions } from './render-png.js';

/** A figure to render: its id (warnings, HTML anchors) and its Vega-Lite spec. */
export interface Figure {
  id: string;
  spec: VegaLiteSpec;
  /** A heatmap whose cells are drawn as one embedded image in SVG and PNG (cell-raster.ts). */
  cellImage?: boolean;
}

/** One output: a figure in a static format, or the HTML page of several figures. */
export interface FigureTarget {
  name: string;
  format: PlotFormat;
  figures: Figure[];
}

/** A file to write: a name relative to the output directory, and its bytes. */
export interface PlotFile {
  name: string;
  format: PlotFormat | 'data';
  data: string | Uint8Array;
}

export interface RenderFiguresOptions {
  /** vl.json: put the data in `<name>.data.json` beside the spec instead of inline. */
  dataFile?: boolean;
  png?: PngOptions;
  /** The HTML page's title, subtitle and theme (required when a target is html). */
  page?: { title: string; subtitle: string; theme: ThemeName };
}

/**
 * The one render pipeline, figures × formats → files in memory, in the order of the targets:
 * - vl.json: the spec as given (stable key order), optionally with its data in a file beside it;
 * - vg.json: the spec compiled by vega-lite;
 * - svg: the static spec (staticSpec: no tooltips) rendered by vega, with the figure's <title> and
 *   <desc> (the spec's title and description);
 * - png: that SVG rasterised by resvg;
 * - html: one page of every figure of the target, interactive.
 * A figure wanted in several formats is compiled and rendered once. Warnings from vega-lite or vega
 * (none expected) are returned as `<figure id>: <message>`. Nothing is written: the caller decides
 * where files go.
 */
export async function renderFigures(targets: readonly FigureTarget[], options: RenderFiguresOptions = {}): Promise<{ files: PlotFile[]; warnings: string[] }> {
  const warnings: string[] = [];
  const compiled = new Map<Figure, Promise<unknown>>();
  const vegaSpec = (figure: Figure): Promise<unknown> => {
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
  // Everything renders on this thread: an SVG worker thread measured slower on the 2-vCPU machines
  // this is benchmarked on (its own vega load outweighs the overlap).
  const svgs = new Map<Figure, Promise<string>>();
  const svgOf = (figure: Figure): Promise<string> => {
    let s = svgs.get(figure);
    if (!s) {
      s = figureSvg(figure.spec, { title: figureTitle(figure), description: figureDescription(figure) }, { cellImage: figure.cellImage }).then((r) => {
        warnings.push(...r.warnings.map((w) => `${figure.id}: ${w}`));
        return r.svg;
      });
      svgs.set(figure, s);
    }
    return s;
  };

  // Start every file at once and collect them in order: vega runs on the main thread one figure
  // after another, while resvg rasterises finished SVGs on the thread pool in the meantime.
  const pending = targets.map(async ({ name, format, figures }): Promise<PlotFile[]> => {
    const figure = figures[0];
    switch (format) {
      case 'vl.json': {
        if (!options.dataFile) return [{ name, format, data: stableJson(figure.spec) }];
        const dataName = `${stripFormat(name)}.data.json`;
        const { spec, data } = externalizeData(figure.spec, baseName(dataName));
        return [
          { name, format, data: stableJson(spec) },
          { name: dataName, format: 'data', data: stableJson(data) },
        ];
      }
      case 'vg.json':
        return [{ name, format, data: stableJson(await vegaSpec(figure)) }];
      case 'svg':
        return [{ name, format, data: await svgOf(figure) }];
      case 'png':
        return [{ name, format, data: await renderPng(await svgOf(figure), options.png) }];
      case 'html': {
        if (options.page === undefined) throw new Error('renderFigures: an html target needs options.page');
        const { title, subtitle, theme } = options.page;
        const page = figures.map((f) => ({ id: f.id, heading: figureTitle(f), description: figureDescription(f), spec: f.spec }));
        return [{ name, format, data: await renderHtml({ title, subtitle, theme, figures: page }) }];
      }
    }
  });
  return { files: (await Promise.all(pending)).flat(), warnings };
}

/** The spec's title text (a heading, the SVG's <title>), else the figure's id. */
export function figureTitle(figure: Figure): string {
  return String((figure.spec.title as { text?: string } | undefined)?.text ?? figure.id);
}

function figureDescription(figure: Figure): string {
  return String(figure.spec.description ?? '');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
