import { normalizeSvg } from '../normalize-svg.js';
import { CELL_IMAGE_SIGNAL, paintCells, withCellImage, type CellView } from './cell-raster.js';
import type { VegaSpec } from './compile-vega.js';

/** The figure's title and plain-text description, for the SVG's <title> and <desc>. */
export interface SvgAbout {
  title: string;
  description: string;
}

/**
 * Renders a Vega spec to SVG headless (`renderer: 'none'`, no DOM, no canvas), then normalizes ids,
 * coordinates and colours so that the same spec always gives the same bytes (normalizeSvg).
 *
 * With `cellImage`, a heatmap's cell mark is drawn as one embedded image painted from the view's own
 * scales (cell-raster.ts): the same picture, several times faster and a fraction of the size.
 *
 * Notes: without node-canvas, vega estimates text widths from the font size; the layout is therefore
 * the same on every machine, whatever fonts it has.
 */
export async function renderSvg(spec: VegaSpec, onWarning?: (message: string) => void, about?: SvgAbout, options: { cellImage?: boolean } = {}): Promise<string> {
  const vega = await import('vega');
  const raster = options.cellImage ? withCellImage(spec) : null;
  const logger = vega.logger(vega.Warn);
  const warn = (...args: readonly unknown[]): typeof logger => {
    onWarning?.(args.map(String).join(' '));
    return logger;
  };
  logger.warn = warn;
  logger.error = warn;
  const view = new vega.View(vega.parse((raster?.spec ?? spec) as unknown as Parameters<typeof vega.parse>[0]), { renderer: 'none', logger });
  try {
    if (raster) {
      await view.runAsync(); // scales and the cells' data, to paint with
      view.signal(CELL_IMAGE_SIGNAL, paintCells(view as unknown as CellView, raster.cells));
    }
    const svg = normalizeSvg(await view.toSVG());
    return about ? withTitle(svg, about) : svg;
  } finally {
    view.finalize();
  }
}

/** <title> and <desc> as the first children of <svg>: what screen readers and file browsers show. */
function withTitle(svg: string, about: SvgAbout): string {
  const end = svg.indexOf('>') + 1;
  return `${svg.slice(0, end)}<title>${escapeXml(about.title)}</title><desc>${escapeXml(about.description)}</desc>${svg.slice(end)}`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
