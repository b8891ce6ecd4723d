import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';
import { compileVega } from './compile-vega.js';
import { renderSvg, type SvgAbout } from './render-svg.js';
import { staticSpec } from './static-spec.js';

/**
 * A figure's SVG: its static spec (no tooltips) compiled by vega-lite and rendered by vega; a
 * heatmap (`cellImage`: the response map) has its cells drawn as one embedded image.
 */
export async function figureSvg(spec: VegaLiteSpec, about: SvgAbout, options: { cellImage?: boolean } = {}): Promise<{ svg: string; warnings: string[] }> {
  const compiled = await compileVega(staticSpec(spec));
  const warnings = [...compiled.warnings];
  const svg = await renderSvg(compiled.spec, (w) => warnings.push(w), about, options);
  return { svg, warnings };
}
