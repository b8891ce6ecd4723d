import type { VegaLiteSpec } from '../../plot/specs/vega-lite-spec.js';
import type { CliContext } from '../context.js';
import { writeFileOutput } from '../output.js';

/** Vega-Lite spec → SVG file (writeFileOutput), through the plotting machinery; warnings go to stderr. */
export async function writeSvgPlot(ctx: CliContext, file: string, spec: VegaLiteSpec): Promise<void> {
  const { compileVega } = await import('../../plot/render/compile-vega.js');
  const { renderSvg } = await import('../../plot/render/render-svg.js');
  const compiled = await compileVega(spec);
  const warnings = [...compiled.warnings];
  const svg = await renderSvg(compiled.spec, (w) => warnings.push(w));
  for (const w of warnings) ctx.stderr.write(`momentum-fr: warning: ${file}: ${w}\n`);
  await writeFileOutput(ctx, file, svg);
}
