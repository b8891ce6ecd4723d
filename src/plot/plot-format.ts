/**
 * Output formats, named by their file extension: the Vega-Lite spec, the compiled Vega spec, SVG
 * (rendered headless by vega), PNG (SVG rasterised by resvg) and a self-contained HTML page.
 */
export const PLOT_FORMATS = ['svg', 'png', 'html', 'vl.json', 'vg.json'] as const;
export type PlotFormat = (typeof PLOT_FORMATS)[number];

/** The formats of one figure written by a command's --plot (sweep, spectrum, simulate): every one but the compiled Vega spec. */
export type FigureFormat = Exclude<PlotFormat, 'vg.json'>;
export const FIGURE_FORMATS = PLOT_FORMATS.filter((f): f is FigureFormat => f !== 'vg.json');

export function isPlotFormat(value: string): value is PlotFormat {
  return (PLOT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name asks for by its extension (`.vl.json` before `.json`), or null. */
export function formatOfPath(path: string): PlotFormat | null {
  const lower = path.toLowerCase();
  for (const f of ['vl.json', 'vg.json', 'svg', 'png', 'html'] as const) if (lower.endsWith(`.${f}`)) return f;
  if (lower.endsWith('.htm')) return 'html';
  return null;
}

/** The file name without its format extension: `plots/a.vl.json` → `plots/a`. */
export function stripFormat(path: string): string {
  const f = formatOfPath(path);
  return f === null ? path : path.slice(0, path.length - (path.toLowerCase().endsWith('.htm') ? 4 : f.length + 1));
}
