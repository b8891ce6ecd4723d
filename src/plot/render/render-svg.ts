import { normalizeSvg } from '../normalize-svg.js';
import type { VegaSpec } from './compile-vega.js';

/**
 * Renders a Vega spec to SVG headless (`renderer: 'none'`, no DOM, no canvas), then normalizes ids,
 * coordinates and colours so that the same spec always gives the same bytes (normalizeSvg).
 *
 * Notes: without node-canvas, vega estimates text widths from the font size; the layout is therefore
 * the same on every machine, whatever fonts it has.
 */
export async function renderSvg(spec: VegaSpec, onWarning?: (message: string) => void): Promise<string> {
  const vega = await import('vega');
  const logger = vega.logger(vega.Warn);
  const warn = (...args: readonly unknown[]): typeof logger => {
    onWarning?.(args.map(String).join(' '));
    return logger;
  };
  logger.warn = warn;
  logger.error = warn;
  const view = new vega.View(vega.parse(spec as unknown as Parameters<typeof vega.parse>[0]), { renderer: 'none', logger });
  try {
    return normalizeSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}
