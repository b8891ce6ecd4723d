import { join } from 'node:path';
import { exactAtStageEnds } from '../../plot/exact-overlay.js';
import { renderPlots } from '../../plot/render/render-plots.js';
import { plotBudgets } from '../../plot/plot-budget.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { CLI_VOCABULARY } from '../messages.js';
import { loadSources } from '../load-schedules.js';
import { checkOutputs, makeOutputDirectory, refuseBinaryOnTerminal, writeFileOutput, writeOutput } from '../output.js';
import { checkStages, checkView, plotRequest, type PlotCliOptions } from './plot-cli-options.js';

/**
 * `momentum-fr plot`: load → check every option → build the Vega-Lite specs → compile/render in
 * memory → write each file (output-file.ts: atomically when regular), announcing it on stderr
 * ("wrote <path>"). Outputs are checked before the configs are read, and against the inputs
 * before the first write; nothing is written unless every figure rendered.
 */
export async function plotCommand(inputs: string[], options: PlotCliOptions, ctx: CliContext): Promise<void> {
  // Options are checked before the configs are read, so a typo costs nothing; --kind needs the
  // schedule count only for its default, which the second call settles.
  const first = plotRequest(options, 1);
  const toStdout = first.output === '-';
  const dir = first.output === undefined ? first.outDir : '';
  if (toStdout) refuseBinaryOnTerminal(ctx, first.formats[0], '-');
  await checkOutputs(ctx, { files: toStdout ? [] : [first.output], dirs: dir === '' ? [] : [dir] });
  const sources = await loadSources(inputs, options, ctx);
  const schedules = sources.flatMap((s) => s.schedules);
  const request = plotRequest(options, schedules.length);
  checkStages(request.plot.stages, schedules);
  checkView(request.plot.view, schedules);
  const budgets = plotBudgets({ schedules, kinds: request.kinds, formats: request.formats, plot: request.plot, pngScale: request.pngScale, exact: options.exact === true, vocabulary: CLI_VOCABULARY });
  checkBudgets([budgets.memory, budgets.time], options.force);

  const { files, warnings } = await renderPlots(schedules, {
    kinds: request.kinds,
    formats: request.formats,
    plot: request.plot,
    dataFile: request.dataFile,
    png: { scale: request.pngScale },
    output: toStdout ? undefined : request.output,
    exact: options.exact ? exactAtStageEnds : undefined,
  });
  for (const w of warnings) ctx.stderr.write(`momentum-fr: warning: ${w}\n`);

  if (toStdout) {
    if (files.length !== 1) throw new CliError(`-o - writes one file, but ${files.length} were asked for; choose one --kind (and one schedule), or use --out-dir`);
    await writeStdout(ctx, files[0].data);
    return;
  }
  const paths = files.map((file) => (dir === '' ? file.name : join(dir, file.name)));
  await checkOutputs(ctx, dir === '' ? { files: paths, inputs } : { dirs: [dir], dirFiles: paths, inputs });
  if (dir !== '') await makeOutputDirectory(ctx, dir);
  for (const [i, file] of files.entries()) await writeFileOutput(ctx, paths[i], file.data);
}

/** One file on stdout; a reader that goes away (`| head`) ends the output quietly. */
async function writeStdout(ctx: CliContext, data: string | Uint8Array): Promise<void> {
  await writeOutput(ctx, '-', async (sink) => {
    if (typeof data === 'string') await sink.write(data);
    else await sink.writeBytes(data);
  });
}
