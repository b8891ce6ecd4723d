import { resolve } from 'node:path';
import { readStreamBytes } from '../../io/read-input.js';
import { MAX_TRACE_BYTES, readFailure, readTrace, readTraceBytes, TraceError, type NonFinitePolicy } from '../../io/read-trace.js';
import { openTraceStream } from '../../io/trace-stream.js';
import type { TraceSeries } from '../../io/trace-types.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';

export interface TraceCliOptions {
  column: string[];
  traceFormat?: 'csv' | 'ndjson' | 'json' | 'npy';
  nonfinite: 'error' | 'drop';
}

/** What the reader left out or found, as one stderr line each (the data stays on stdout). */
export const traceNotes = {
  skipped: (path: string, s: TraceSeries) =>
    `momentum-fr: note: ${path}: ${JSON.stringify(s.name)}: skipped ${s.skipped} row${s.skipped === 1 ? '' : 's'} without a value, read ${s.values.length}`,
  dropped: (path: string, s: TraceSeries) =>
    `momentum-fr: warning: ${path}: ${JSON.stringify(s.name)}: dropped ${s.dropped} non-finite sample${s.dropped === 1 ? '' : 's'} (--nonfinite drop)`,
  spacing: (path: string, s: TraceSeries & { steps: NonNullable<TraceSeries['steps']> }) =>
    `momentum-fr: note: ${path}: ${JSON.stringify(s.name)}: one sample every ${s.steps.spacing} ${JSON.stringify(s.steps.column)}: ` +
    `frequencies are per sample; --fs ${1 / s.steps.spacing} gives them per ${JSON.stringify(s.steps.column)}`,
  mixedSpacing: (path: string, series: readonly TraceSeries[]) =>
    `momentum-fr: warning: ${path}: the series are sampled at different step spacings (${series.map((s) => `${JSON.stringify(s.name)} every ${s.steps!.spacing}`).join(', ')}): ` +
    'one --fs cannot suit them all; analyse them one at a time with --column',
  nonFiniteHint: ' (--nonfinite drop leaves such samples out)',
  perStepNeeded: (path: string, s: TraceSeries & { steps: NonNullable<TraceSeries['steps']> }) =>
    `${path}: series ${JSON.stringify(s.name)} has one sample every ${s.steps.spacing} ${JSON.stringify(s.steps.column)}; ` +
    'a schedule needs one per step (analyse it without --config/--preset, or log every step)',
};

/**
 * A series to analyse: its samples in memory (`values`), or, from a .npy file too large to hold
 * comfortably (over STREAM_BYTES of data), `chunks` that read them when asked and `values` empty.
 */
export type SpectrumSeries = TraceSeries & { length: number; chunks?: () => Iterable<Float64Array> };

/** .npy data larger than this is read in chunks by the estimates, not held (64 MiB: 8·2^23 samples). */
export const STREAM_BYTES = 1 << 26;

/**
 * The trace's selected series; reader problems become one-line usage errors (exit 2), and what
 * the reader skipped or dropped is said on stderr. `fsGiven`: whether --fs was set (else a
 * step spacing other than 1 gets a note on the units). `stream`: whether a large .npy file may
 * be left on disk and read in chunks (not when a schedule needs every sample at once).
 */
export async function readSeries(path: string, options: TraceCliOptions, fsGiven: boolean, ctx: CliContext, stream = false): Promise<SpectrumSeries[]> {
  let series: SpectrumSeries[];
  try {
    const columns = options.column.length > 0 ? options.column : undefined;
    const nonfinite: NonFinitePolicy = options.nonfinite;
    // A stdin handed in as a stream (an in-process run) is read from that stream, not from fd 0.
    const handed = path === '-' && ctx.stdinFd === undefined ? await stdinBytes(ctx) : undefined;
    if (handed !== undefined) series = readTraceBytes(handed, '<stdin>', { format: options.traceFormat, columns, nonfinite }).series.map((s) => ({ ...s, length: s.values.length }));
    else series = readFromPath(path, options, ctx, stream, columns, nonfinite);
  } catch (error) {
    throw traceFailure(error, path);
  }
  return noted(series, path, fsGiven, ctx);
}

async function stdinBytes(ctx: CliContext): Promise<Uint8Array> {
  try {
    return await readStreamBytes(ctx.stdin, MAX_TRACE_BYTES);
  } catch (error) {
    throw readFailure(error, '<stdin>');
  }
}

function readFromPath(path: string, options: TraceCliOptions, ctx: CliContext, stream: boolean, columns: string[] | undefined, nonfinite: NonFinitePolicy): SpectrumSeries[] {
  const resolved = path === '-' ? '-' : resolve(ctx.cwd, path);
  const chunked = stream ? openTraceStream(resolved, { format: options.traceFormat, columns, nonfinite }) : null;
  if (chunked !== null && chunked.dataBytes > STREAM_BYTES) {
    return chunked.names.map((name, k) => ({
      name, values: new Float64Array(0), skipped: 0, dropped: chunked.dropped[k], length: chunked.lengths[k],
      chunks: () => rethrowing(chunked.chunks(k), path),
    }));
  }
  return readTrace(resolved, { format: options.traceFormat, columns, nonfinite }).series.map((s) => ({ ...s, length: s.values.length }));
}

/** The series, with what the reader skipped or dropped (and odd step spacings) said on stderr. */
function noted(series: SpectrumSeries[], path: string, fsGiven: boolean, ctx: CliContext): SpectrumSeries[] {
  if (series.length === 0) throw new CliError(`${path}: no series to analyse`);
  const shownPath = path === '-' ? '<stdin>' : path;
  for (const s of series) {
    if ((s.skipped ?? 0) > 0) ctx.stderr.write(`${traceNotes.skipped(shownPath, s)}\n`);
    if ((s.dropped ?? 0) > 0) ctx.stderr.write(`${traceNotes.dropped(shownPath, s)}\n`);
    if (s.steps !== undefined && s.steps.spacing !== 1 && !fsGiven) ctx.stderr.write(`${traceNotes.spacing(shownPath, { ...s, steps: s.steps })}\n`);
  }
  const spaced = series.filter((s) => s.steps !== undefined);
  if (new Set(spaced.map((s) => s.steps!.spacing)).size > 1) ctx.stderr.write(`${traceNotes.mixedSpacing(shownPath, spaced)}\n`);
  return series;
}

/** A reader's TraceError as the one-line usage error (exit 2) naming the path as the user typed it; anything else as is. */
function traceFailure(error: unknown, path: string): unknown {
  if (!(error instanceof TraceError)) return error;
  const message = error.message.startsWith(error.file) && path !== '-' ? `${path}${error.message.slice(error.file.length)}` : error.message;
  return new CliError(message + (error.code === 'non-finite' ? traceNotes.nonFiniteHint : ''), 2);
}

/** Chunks whose reader errors (met while an estimate reads them) come out as traceFailure says. */
function* rethrowing(chunks: Iterable<Float64Array>, path: string): Generator<Float64Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw traceFailure(error, path);
  }
}

/** A schedule runs one coefficient per step: a trace sampled every N steps cannot go through it. */
export function requirePerStep(path: string, series: readonly TraceSeries[]): void {
  for (const s of series) {
    if (s.steps !== undefined && s.steps.spacing !== 1) throw new CliError(traceNotes.perStepNeeded(path, { ...s, steps: s.steps }));
  }
}
