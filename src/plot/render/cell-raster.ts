import type { VegaSpec } from './compile-vega.js';
import { pngDataUrl } from './png-encode.js';

/**
 * A heatmap's cells (a rect mark of 10⁴–10⁵ items: the response map) drawn as one image.
 *
 * vega builds a scenegraph item, an SVG path and garbage for every cell, which is most of the time
 * it takes to draw a response map and makes its SVG 1–2 MB. The cells are instead painted into a
 * pixel image the size of the plot, using the view's own scales (so edges, colours and the legend
 * agree with what vega would draw), embedded as a PNG with nearest-neighbour scaling. The x and y
 * scales round to whole pixels, so the painted image is exactly the picture the rect mark makes at
 * any integer zoom; test/plot/cell-raster.test.ts compares the two renderings pixel by pixel.
 */
export interface CellMark {
  /** The dataset the cells are drawn from. */
  data: string;
  x: Channel;
  x2: Channel;
  y: Channel;
  y2: Channel;
  fill: Channel;
}

interface Channel {
  scale: string;
  field: string;
}

/** The signal that carries the painted image's data URL into the view. */
export const CELL_IMAGE_SIGNAL = 'cell_image';

/**
 * The spec with its cell mark (the top-level rect mark whose x, x2, y, y2 and fill all map fields
 * through scales) replaced by an image mark covering the plot area, and the cell mark's encoding.
 * The cells' dataset stays: the scales' domains still come from it.
 */
export function withCellImage(spec: VegaSpec): { spec: VegaSpec; cells: CellMark } {
  const marks = (spec.marks ?? []) as { type?: string; from?: { data?: string }; encode?: { update?: Record<string, unknown> } }[];
  const found = marks.flatMap((mark, i) => {
    const cells = cellMarkOf(mark);
    return cells ? [{ i, cells }] : [];
  });
  if (found.length !== 1) throw new Error(`expected one heatmap cell mark, found ${found.length}`);
  const { i, cells } = found[0];
  const image = {
    type: 'image',
    name: 'cells',
    aria: false,
    encode: {
      update: {
        x: { value: 0 },
        y: { value: 0 },
        width: { signal: 'width' },
        height: { signal: 'height' },
        url: { signal: CELL_IMAGE_SIGNAL },
        aspect: { value: false },
        smooth: { value: false },
      },
    },
  };
  const signals = [...((spec.signals as unknown[] | undefined) ?? []), { name: CELL_IMAGE_SIGNAL, value: '' }];
  return { spec: { ...spec, signals, marks: marks.map((m, j) => (j === i ? image : m)) }, cells };
}

function cellMarkOf(mark: { type?: string; from?: { data?: string }; encode?: { update?: Record<string, unknown> } }): CellMark | null {
  const update = mark.encode?.update;
  if (mark.type !== 'rect' || mark.from?.data === undefined || update === undefined) return null;
  const channel = (name: string): Channel | null => {
    const c = update[name] as { scale?: unknown; field?: unknown } | undefined;
    return typeof c?.scale === 'string' && typeof c.field === 'string' ? { scale: c.scale, field: c.field } : null;
  };
  const [x, x2, y, y2, fill] = ['x', 'x2', 'y', 'y2', 'fill'].map(channel);
  // Anything else that changes how a cell looks (opacity, strokes) would be lost in the image.
  const others = Object.keys(update).filter((k) => !['x', 'x2', 'y', 'y2', 'fill'].includes(k));
  if (!x || !x2 || !y || !y2 || !fill || others.length > 0) return null;
  return { data: mark.from.data, x, x2, y, y2, fill };
}

/** What paintCells needs of a vega View (after it has run). */
export interface CellView {
  data(name: string): object[];
  scale(name: string): (value: unknown) => unknown;
  signal(name: string): unknown;
}

/**
 * The cells painted into a width × height RGBA image, later cells over earlier ones (as vega draws
 * them), as a PNG data URL. A cell spans [x, x2) × [y, y2) in pixels, edges rounded as crisp edges
 * render; uncovered pixels stay transparent.
 */
export function paintCells(view: CellView, cells: CellMark): string {
  const width = Math.round(Number(view.signal('width')));
  const height = Math.round(Number(view.signal('height')));
  const rgba = new Uint8Array(width * height * 4);
  const [sx, sx2, sy, sy2, fill] = [cells.x, cells.x2, cells.y, cells.y2, cells.fill].map((c) => view.scale(c.scale));
  const colours = new Map<unknown, Uint8Array>();
  for (const datum of view.data(cells.data) as Record<string, unknown>[]) {
    const a = Number(sx(datum[cells.x.field]));
    const b = Number(sx2(datum[cells.x2.field]));
    const c = Number(sy(datum[cells.y.field]));
    const d = Number(sy2(datum[cells.y2.field]));
    const x0 = Math.max(0, Math.round(Math.min(a, b)));
    const x1 = Math.min(width, Math.round(Math.max(a, b)));
    const y0 = Math.max(0, Math.round(Math.min(c, d)));
    const y1 = Math.min(height, Math.round(Math.max(c, d)));
    if (!(x1 > x0 && y1 > y0)) continue;
    const value = fill(datum[cells.fill.field]);
    let colour = colours.get(value);
    if (colour === undefined) {
      colour = parseColour(value);
      colours.set(value, colour);
    }
    for (let y = y0; y < y1; y++) {
      for (let x = x0, p = 4 * (y * width + x0); x < x1; x++, p += 4) rgba.set(colour, p);
    }
  }
  return pngDataUrl(width, height, rgba);
}

/** `rgb(r, g, b)`, `rgba(r, g, b, a)` or `#rrggbb` (what vega's colour scales return) as RGBA bytes. */
export function parseColour(value: unknown): Uint8Array {
  const s = String(value).trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return Uint8Array.of(n >> 16, (n >> 8) & 0xff, n & 0xff, 255);
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(s);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]);
    return Uint8Array.of(+rgb[1], +rgb[2], +rgb[3], Math.round(255 * alpha));
  }
  throw new Error(`cannot paint colour ${s}`);
}
