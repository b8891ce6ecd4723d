import { CLI_VOCABULARY } from '../messages.js';
import { availableParallelism } from 'node:os';
import { axisSpecOf } from '../../schedule/sweep-block.js';
import { overwrittenValueNote } from '../../schedule/overwritten-value.js';
import { parseAtFreqs } from '../../sweep/at-freqs.js';
import { resolveAxes, type AxisRequest } from '../../sweep/sweep-axes.js';
import { parseGridOption } from '../grid-options.js';
import { sweepFooter, sweepHeader } from '../../io/sweep-document.js';
import { sweepJob, type SweepFormat } from '../../sweep/sweep-job.js';
import { gridSize } from '../../sweep/sweep-grid.js';
import type { InvalidPoint } from '../../sweep/sweep-rows.js';
import { selectStages } from '../../analysis/stage-selection.js';
import { eraseBeforeSignalMessage, holdSignals } from '../../io/interrupt.js';
import { sweepBudgets } from '../../sweep/sweep-budget.js';
import { InvalidPointError, runSweep, startSweepWorkers, SweepAbortedError, type SweepStats, type SweepWorkers } from '../../sweep/parallel/run-sweep.js';
import { sweepChunkPoints, sweepCost, sweepWorkerCount } from '../../sweep/sweep-threads.js';
import { PipeClosedError } from '../../io/sink.js';
import { checkBudgets } from '../budget-message.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import type { InputOptions, OutputOptions } from '../options.js';
import { checkOutputs, chooseFormat, isStdout, outputColor, outputTerminal, writeOutput } from '../output.js';
import { CsvTable } from '../csv-table.js';
import { loadSweepInput } from '../load-schedules.js';
import { progressBar } from './sweep-progress.js';
import { quoted } from '../../util/excerpt.js';
import { axisNames } from '../../sweep/axis-title.js';

export interface SweepCliOptions extends InputOptions, OutputOptions {
  grid: string[];
  stages?: string;
  atFreqs?: string;
  jobs?: string;
  skipInvalid?: boolean;
  progress: boolean;
  all?: boolean;
  plot?: string;
  plotMetric: string;
  plotStage: string;
  contour?: string;
  force?: boolean;
}

/** Rows per chunk of work: large enough to amortise messages to workers, small enough to stream. */
const ROWS_PER_CHUNK = 2000;
/** Below this many rows a sweep runs on the main thread unless --jobs asks otherwise. */
const PARALLEL_FROM_ROWS = 20_000;
/** Skipped points named one by one on stderr before a summary. */
const SKIPPED_SHOWN = 20;
/** Skipped points listed in the JSON output (all are counted), so memory stays bounded. */
const SKIPPED_LISTED = 10_000;

/**
 * `momentum-fr sweep`: parse the config once → check every axis → (check every point) → compute
 * and stream the rows in point order, on worker threads for large grids → optional plot.
 */
export async function sweepCommand(input: string | undefined, options: SweepCliOptions, ctx: CliContext): Promise<void> {
  // With --jobs N, the workers start now: their start-up (~0.1 s each) overlaps reading the config.
  // As many as the sweep could use (sweepWorkerCount, its one owner); it ends at once those its work does not pay for.
  const asked = jobsOf(options.jobs);
  const workers = asked !== undefined && asked > 1 ? startSweepWorkers(sweepWorkerCount(asked)) : undefined;
  try {
    await sweep(input, options, ctx, workers);
  } finally {
    await workers?.close();
  }
}

async function sweep(input: string | undefined, options: SweepCliOptions, ctx: CliContext, workers: SweepWorkers | undefined): Promise<void> {
  const format = chooseFormat(options.format, options.output, ['csv', 'ndjson', 'json']) as SweepFormat;
  await checkOutputs(ctx, { files: { '-o': options.output, '--plot': options.plot }, inputs: [input] });
  const source = await loadSweepInput(input, options, ctx, 'sweep');
  const { config, schedule } = source;

  const requests: AxisRequest[] = [];
  if (options.grid.length > 0) {
    for (const text of options.grid) {
      const req = parseGridOption(text);
      if ('error' in req) throw new CliError(req.error);
      requests.push(req);
    }
  } else if (config.sweep) {
    for (const [path, value] of Object.entries(config.sweep.grid)) {
      requests.push({ path, spec: axisSpecOf(value), origin: `${source.where(['sweep', 'grid', path])}: sweep.grid.${path}` });
    }
  } else {
    throw new CliError('nothing to sweep: give --grid path=from:to:count (or path=a,b,c), or a sweep: block in the config');
  }
  const { axes, errors } = resolveAxes(config, requests);
  if (errors.length === 1 && options.grid.length > 0) throw new CliError(errors[0]);
  if (errors.length > 0) {
    for (const e of errors) ctx.stderr.write(options.grid.length > 0 ? `momentum-fr: ${e}\n` : `${e}\n`);
    throw new CliError(`${errors.length} problem(s)`, 2, true);
  }
  // An axis over a value the schedule overwrites (cycle_momentum) gives the same rows at every point: said once per axis.
  axes.forEach((axis, i) => {
    const note = overwrittenValueNote(config, axis.target.column.split('.'));
    if (note) ctx.stderr.write(`${options.grid.length > 0 ? 'momentum-fr: ' : ''}${requests[i].origin}: warning: ${note}\n`);
  });

  const stages = options.stages ?? config.sweep?.stages ?? 'first,last';
  const picked = selectStages(stages, schedule.stages);
  if (!Array.isArray(picked)) throw new CliError(`--stages: ${picked.error}`);
  const atFreqs = options.atFreqs === undefined ? [] : parseAtFreqs(options.atFreqs);
  if (!Array.isArray(atFreqs)) throw new CliError(`--at-freqs: ${atFreqs.error}`);
  const jobs = jobsOf(options.jobs);
  if (options.jobs !== undefined && jobs === undefined) throw new CliError(`--jobs: expected a whole number from 1 to 256 (got ${quoted(options.jobs)})`);
  const plot = options.plot === undefined ? undefined : await preparePlot(options, axes.map((a) => a.path), config.lr !== undefined);

  const total = gridSize(axes.map((a) => a.spec));
  // The plot takes its values from the sweep's own evaluation of each point, collected beside the rows.
  const plotValues = plot?.values(total);
  const job = sweepJob(config, axes, { stages, atFreqs, format, allowUnstable: options.allowUnstable ?? false, skipInvalid: options.skipInvalid ?? false, vocabulary: CLI_VOCABULARY, plot: plotValues && plot!.request });
  const rowsPerPoint = Math.max(1, picked.length);
  const threads = jobs ?? (total * rowsPerPoint >= PARALLEL_FROM_ROWS ? availableParallelism() : 1);
  const cost = sweepCost(config, { stages: schedule.stages.count, rowsPerPoint, checked: !job.skipInvalid });
  const chunkPoints = sweepChunkPoints(total, threads, rowsPerPoint, ROWS_PER_CHUNK, cost.pointNs);
  const budgets = sweepBudgets(job, { stages: schedule.stages.count, picked: picked.length }, Math.min(threads, availableParallelism()));
  checkBudgets([budgets.time, budgets.output], options.force);

  // Ctrl-C and SIGTERM end a sweep at once (interrupt.ts): the temp file is removed, the worker
  // threads end with the process, the exit code is 130 or 143.
  const releaseSignals = holdSignals();
  const progress = progressBar(ctx.stderr, { enabled: options.progress !== false && ctx.stderr.isTTY === true, env: ctx.env });
  // Ctrl-C's "interrupted" starts its own line: the bar is erased first.
  const keepErasable = eraseBeforeSignalMessage(() => progress.erasing());
  const skipped: InvalidPoint[] = [];
  let shown = 0;
  const onSkipped = (s: InvalidPoint) => {
    if (shown++ < SKIPPED_SHOWN) progress.message(`momentum-fr: skipped point ${s.point} (${s.values}): ${s.problem}\n`);
    if (skipped.length < (format === 'json' ? SKIPPED_LISTED : SKIPPED_SHOWN)) skipped.push(s);
  };
  let skippedCount = 0;
  // On a terminal, unless a format is asked for, the CSV rows show as a table (pipes and files get the CSV).
  const terminal = options.format === undefined ? outputTerminal(ctx, options.output) : undefined;
  // The reader of stdout went away (`| head -1`): the sweep stops at once, checks and workers
  // included, not after the chunks queued, and ends quietly with exit 0 as any closed pipe does.
  const pipeClosed = new AbortController();
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') pipeClosed.abort();
  };
  if (isStdout(options.output)) ctx.stdout.on('error', onStdoutError);
  const stats: SweepStats = { threads: 0, checked: 0, formatted: 0 };
  try {
    await writeOutput(ctx, options.output, async (target) => {
      const table = terminal && new CsvTable(target, { columns: terminal.columns, groups: options.all === true ? 0 : total, swept: job.axes.map((a) => ({ path: a.path, ...axisNames(job.config, a.configPath, a.path) })), color: outputColor(ctx, options.output) });
      const sink = table || target;
      await sink.write(sweepHeader(job, { schedule: schedule.name, source: schedule.source }));
      let first = true;
      const summary = await runSweep(job, {
        jobs: threads,
        cost,
        chunkPoints,
        signal: pipeClosed.signal,
        stats,
        workers,
        onSkipped,
        onPlotValues: plotValues && ((start, values) => plotValues.set(values, start)),
        onProgress: (phase, done, all) => progress.update(phase, done, all),
        write: (chunk) => {
          // JSON rows come as ",\n    {…}": the array's first row takes no comma (one byte).
          const dropComma = first && format === 'json';
          first = false;
          return sink.writeBytes(dropComma ? chunk.subarray(1) : chunk);
        },
      });
      skippedCount = summary.skipped;
      progress.done();
      await sink.write(sweepFooter(job, !first, skipped, skippedCount));
      await table?.end();
    });
  } catch (err) {
    progress.done();
    if (pipeClosed.signal.aborted && (err instanceof SweepAbortedError || err instanceof PipeClosedError)) {
      // The plot is drawn after the sweep: a stopped sweep has none, and says so (exit 0 still).
      if (options.plot !== undefined) ctx.stderr.write(`momentum-fr: stdout was closed before the sweep ended: --plot ${options.plot} was not written\n`);
      throw new PipeClosedError();
    }
    if (err instanceof InvalidPointError) throw new CliError(`${err.message}${options.allowUnstable ? '' : '; or pass --skip-invalid to skip such points'}`);
    throw err;
  } finally {
    ctx.stdout.off('error', onStdoutError);
    keepErasable();
    releaseSignals();
    if (ctx.debug) ctx.stderr.write(`momentum-fr: sweep: ${stats.threads} thread${stats.threads === 1 ? '' : 's'}; points checked ${stats.checked}, computed ${stats.formatted} of ${total}\n`);
  }
  if (skippedCount > SKIPPED_SHOWN) ctx.stderr.write(`momentum-fr: skipped ${skippedCount} invalid points in all (${SKIPPED_SHOWN} shown)\n`);
  if (plot) await plot.write(job, plotValues, ctx);
}

/** --jobs: a whole number from 1 to 256, or undefined when it is not given or not such a number. */
function jobsOf(text: string | undefined): number | undefined {
  const jobs = Number(text);
  return text !== undefined && Number.isInteger(jobs) && jobs >= 1 && jobs <= 256 ? jobs : undefined;
}

/** --plot: checked before the sweep starts; drawn after it, from the values the sweep collected (see sweep-plot-action). */
async function preparePlot(options: SweepCliOptions, paths: string[], hasLr: boolean) {
  const { preparePlot: prepare } = await import('./sweep-plot-action.js');
  return prepare(options, paths, hasLr);
}
