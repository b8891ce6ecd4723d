import type { PlotFormat } from '../plot/plot-format.js';
import type { Figure } from '../plot/render/render-figures.js';
import { TOOL } from '../tool.js';
import type { CliContext } from './context.js';
import { writeFileOutput } from './output.js';

/**
 * One figure to one file, in `format` (the command decides it with outputFormat: the file's extension,
 * else its format option, else SVG for a name without one such as /dev/fd/63),
 * through the one render pipeline (renderFigures: the static spec with <title>/<desc> for SVG and PNG,
 * the interactive page for HTML); written as writeFileOutput writes, warnings on stderr. For the
 * `--plot` of sweep, spectrum and simulate; `plot` renders many figures with renderPlots.
 */
export async function writeFigure(ctx: CliContext, file: string, figure: Figure, format: PlotFormat): Promise<void> {
  const { renderFigures, figureTitle } = await import('../plot/render/render-figures.js');
  const page = { title: figureTitle(figure), subtitle: `${TOOL.name} ${TOOL.version}`, theme: 'light' as const };
  const { files, warnings } = await renderFigures([{ name: file, format, figures: [figure] }], { page });
  for (const w of warnings) ctx.stderr.write(`${TOOL.name}: warning: ${file}: ${w}\n`);
  await writeFileOutput(ctx, file, files[0].data);
}
