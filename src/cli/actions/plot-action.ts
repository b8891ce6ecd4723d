import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { TextSink } from '../../io/sink.js';
import { exactAtStageEnds } from '../../plot/exact-overlay.js';
import { renderPlots, type PlotFile } from '../../plot/render/render-plots.js';
import { plotBudgets } from '../../plot/plot-budget.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { loadSources } from '../load-schedules.js';
import { checkStages, plotRequest, type PlotCliOptions } from './plot-cli-options.js';

/**
 * `momentum-fr plot`: load → check every option → build the Vega-Lite specs → compile/render in
 * memory → write each file atomically, announcing it on stderr ("wrote <path>"). Nothing is written
 * unless every figure rendered.
 */
export async function plotCommand(inputs: string[], options: PlotCliOptions, ctx: CliContext): Promise<void> {
  // Options are checked before the configs are read, so a typo costs nothing; --kind needs the
  // schedule count only for its default, which the second call settles.
  plotRequest(options, 1);
  const sources = await loadSources(inputs, options, ctx);
  const schedules = sources.flatMap((s) => s.schedules);
  const request = plotRequest(options, schedules.length);
  checkStages(request.plot.stages, schedules);
  const budgets = plotBudgets({ schedules, kinds: request.kinds, formats: request.formats, plot: request.plot, pngScale: request.pngScale, exact: options.exact === true });
  checkBudgets([budgets.memory, budgets.time], options.force);

  const { files, warnings } = await renderPlots(schedules, {
    kinds: request.kinds,
    formats: request.formats,
    plot: request.plot,
    dataFile: request.dataFile,
    png: { scale: request.pngScale },
    output: request.output === '-' ? undefined : request.output,
    exact: options.exact ? exactAtStageEnds : undefined,
  });
  for (const w of warnings) ctx.stderr.write(`momentum-fr: warning: ${w}\n`);

  if (request.output === '-') {
    if (files.length !== 1) throw new CliError(`-o - writes one file, but ${files.length} were asked for; choose one --kind (and one schedule), or use --out-dir`);
    await writeStdout(ctx, files[0].data);
    return;
  }
  const dir = request.output === undefined ? request.outDir : '';
  if (dir !== '') await makeDirectory(resolve(ctx.cwd, dir), dir);
  for (const file of files) await writePlotFile(ctx, dir === '' ? file.name : join(dir, file.name), file);
}

/** One file on stdout; a reader that goes away (`| head`) ends the output quietly. */
async function writeStdout(ctx: CliContext, data: string | Uint8Array): Promise<void> {
  if (typeof data === 'string') {
    const sink = new TextSink(ctx.stdout);
    await sink.write(data);
    await sink.flush();
    return;
  }
  await new Promise<void>((done, fail) => {
    const settle = (err?: NodeJS.ErrnoException | null): void => (err && err.code !== 'EPIPE' ? fail(err) : done());
    ctx.stdout.once('error', settle);
    ctx.stdout.write(data, settle);
  });
}

async function makeDirectory(path: string, shown: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 1);
  }
}

async function writePlotFile(ctx: CliContext, shown: string, file: PlotFile): Promise<void> {
  const path = resolve(ctx.cwd, shown);
  try {
    await writeFileAtomic(path, file.data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `no such directory ${dirname(shown)}` : code === 'EACCES' ? 'permission denied' : code ?? String(err);
    throw new CliError(`cannot write ${shown}: ${why}`, 1);
  }
  ctx.stderr.write(`wrote ${shown}\n`);
}
