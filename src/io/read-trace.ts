import { readSync } from 'node:fs';
import { extname } from 'node:path';
import { selectColumns } from './trace-columns.js';
import { parseCsvTrace } from './trace-csv.js';
import { pathReason } from './path-error.js';
import { inputChunks, inputHead, InputTooLargeError, openInput, readInputBytes, type InputFile } from './read-input.js';
import { TraceError, traceMessages } from './trace-error.js';
import { parseJsonTrace } from './trace-json.js';
import { LineTooLongError, MAX_LINE_CHARS } from './trace-lines.js';
import { parseNdjsonTrace } from './trace-ndjson.js';
import { npyFinite, npyIsRawFloat64, npyPreamble, npySeries, parseNpyHeader, parseNpyTrace, type NpyHeader } from './trace-npy.js';
import type { ReadTraceOptions, Trace, TraceFormat, TraceSeries } from './trace-types.js';

export { TraceError } from './trace-error.js';
export type { TraceErrorCode } from './trace-error.js';
export type { NonFinitePolicy, ReadTraceOptions, Trace, TraceFormat, TraceSeries } from './trace-types.js';

/**
 * Largest trace, in bytes, whatever delivers it (a file, stdin, a pipe): 2 GiB. A pipe or a device
 * is read up to here and no further, so `/dev/zero` or an endless producer ends with an error.
 */
export const MAX_TRACE_BYTES = 2 ** 31;
/** A JSON trace is parsed as one string, and V8 strings stop at 2²⁹ − 24 characters. */
const MAX_JSON_BYTES = 2 ** 29 - 24;
/** Bytes read to tell the format of a stream. */
const HEAD_BYTES = 1 << 16;
export const EXTENSIONS: Record<string, TraceFormat> = {
  '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.dat': 'csv',
  '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json', '.npy': 'npy',
};

/** Reads at `position` until `target` is full or the file ends; returns the bytes read. */
export function readFull(fd: number, target: Uint8Array, position: number): number {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, Math.min(target.length - done, 1 << 30), position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * Format from the first bytes: .npy magic, '[' JSON, '{' NDJSON if its first line parses alone as a
 * row (no array values: `{"w0": [1, 3]}` on one line is JSON's name → array form).
 */
export function sniff(head: Uint8Array): TraceFormat {
  if (head[0] === 0x93 && head[1] === 0x4e) return 'npy';
  const text = new TextDecoder().decode(head).trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  try {
    const first: unknown = JSON.parse(text.split('\n', 1)[0]);
    return Object.values(first as object).some(Array.isArray) ? 'json' : 'ndjson';
  } catch {
    return 'json';
  }
}

/** The header of a .npy file of `size` bytes, checked against the size (TraceError 'truncated'). */
export function readNpyFileHeader(fd: number, size: number, file: string): NpyHeader {
  const head = new Uint8Array(12);
  const preamble = npyPreamble(head.subarray(0, readFull(fd, head, 0)), file);
  const end = preamble.headerStart + preamble.headerLength;
  if (size < end) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(end, size), { byteOffset: size });
  const text = new Uint8Array(preamble.headerLength);
  readFull(fd, text, preamble.headerStart);
  const header = parseNpyHeader(text, preamble, file);
  if (size - header.dataOffset < header.dataBytes) throw npyTruncated(header, size - header.dataOffset, file);
  return header;
}

/** The data of `header` ends after `have` bytes. */
export function npyTruncated(header: NpyHeader, have: number, file: string): TraceError {
  return new TraceError('truncated', file, traceMessages.npyTruncatedData(header.dataBytes, have), { byteOffset: header.dataOffset });
}

/** A .npy file: header first, then the data read straight into the Float64Array it becomes. */
function readNpyFile(fd: number, size: number, file: string, { columns, nonfinite = 'error' }: ReadTraceOptions): TraceSeries[] {
  const header = readNpyFileHeader(fd, size, file);
  const truncated = (have: number): TraceError => npyTruncated(header, have, file);
  if (npyIsRawFloat64(header)) {
    const selected = selectColumns(['0'], columns, file);
    const values = new Float64Array(header.shape[0]);
    const got = readFull(fd, new Uint8Array(values.buffer), header.dataOffset);
    if (got < header.dataBytes) throw truncated(got);
    return npyFinite(selected.map((_, i) => (i === 0 ? values : values.slice())), selected.map(() => '0'), header.shape.length === 2, nonfinite, file);
  }
  const data = new Uint8Array(header.dataBytes);
  const got = readFull(fd, data, header.dataOffset);
  if (got < header.dataBytes) throw truncated(got);
  return npySeries(data, header, file, columns, nonfinite);
}

/**
 * Reads a gradient trace (one or more series of per-step values) from a file, as users log them.
 *
 * Parameters
 * ----------
 * path : file path, or '-' for standard input.
 * options : format (default: by extension — .csv .tsv .txt .dat, .ndjson .jsonl, .json, .npy —
 *   else sniffed from the first bytes), columns (names or 0-based indices; default every
 *   column but the index columns: step, epoch, … see trace-index.ts), header and delimiter
 *   (CSV), nonfinite ('error' | 'drop' | 'keep' for NaN/±Inf samples; default 'error').
 *
 * Returns
 * -------
 * { format, series: [{ name, values: Float64Array, skipped, dropped, steps? }] } in the order
 * of `columns` (or the file's); `steps` when a step column checked the spacing.
 *
 * Notes
 * -----
 * CSV and NDJSON are read in 1 MiB chunks and parsed line by line; .npy data is read with one
 * readSync straight into its Float64Array (1-D '<f8': no copy at all); JSON is parsed whole.
 * Formats: CSV (header row optional, one column per series), NDJSON (a number, array or object
 * per line), JSON (array, or object of name → array), .npy v1/v2/v3 with float16/32/64 or
 * (u)int8–64 of either byte order, C or Fortran order, 1-D or 2-D (columns are series). Empty
 * cells, null and missing keys are skipped per series; samples must be equally spaced (in the
 * step column, else in rows). Every problem is a TraceError whose one-line message names the
 * file and the 1-based line (text), byte offset (.npy header) or element path (JSON, .npy data).
 * Any input may be read: a regular file, stdin, a pipe, a FIFO, `<(cmd)`, a device. All are held
 * to MAX_TRACE_BYTES (a file by its size, before reading; the others while streaming, so
 * /dev/zero ends), a text line to MAX_LINE_CHARS, JSON to what one V8 string holds (512 MiB):
 * code 'too-large'. Paths that cannot be opened (ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, EACCES,
 * EISDIR) give code 'io' with strerror's words.
 */
export function readTrace(path: string, options: ReadTraceOptions = {}): Trace {
  const file = path === '-' ? '<stdin>' : path;
  const ext = extname(path).toLowerCase();
  if (ext === '.npz') throw new TraceError('bad-structure', file, traceMessages.badStructure('.npz archives (save one array with np.save)'));
  let input: InputFile;
  try {
    input = openInput(path);
  } catch (error) {
    throw readFailure(error, file);
  }
  try {
    const csvOptions = ext === '.tsv' && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options;
    if (!input.regular) return readStream(input, file, options.format ?? EXTENSIONS[ext], csvOptions);
    const size = input.size;
    if (size === 0) throw new TraceError('empty', file, traceMessages.empty());
    if (size > MAX_TRACE_BYTES) throw new InputTooLargeError(MAX_TRACE_BYTES);
    let format = options.format ?? EXTENSIONS[ext];
    if (format === undefined) {
      const head = new Uint8Array(Math.min(size, HEAD_BYTES));
      format = sniff(head.subarray(0, readFull(input.fd, head, 0)));
    }
    switch (format) {
      case 'npy': return { format, series: readNpyFile(input.fd, size, file, options) };
      case 'json': return { format, series: parseJsonTrace(decodeJson(readInputBytes(input, MAX_JSON_BYTES)), file, options) };
      case 'ndjson': return { format, series: parseNdjsonTrace(inputChunks(input, MAX_TRACE_BYTES), file, options) };
      default: return { format: 'csv', series: parseCsvTrace(inputChunks(input, MAX_TRACE_BYTES), file, csvOptions) };
    }
  } catch (error) {
    throw readFailure(error, file);
  } finally {
    input.close();
  }
}

/**
 * stdin, a pipe, a FIFO, `<(cmd)`, a device: no size to check or seek in, so the first bytes tell
 * the format, and the rest is read in order, bounded like a file (.npy and JSON whole, in memory).
 */
function readStream(input: InputFile, file: string, format: TraceFormat | undefined, options: ReadTraceOptions): Trace {
  const head = inputHead(input, HEAD_BYTES);
  return parseInOrder(head, {
    chunks: (limit) => inputChunks(input, limit, head),
    whole: (limit) => readInputBytes(input, limit, head),
  }, file, format, options);
}

/**
 * A trace already in memory (what an in-process run's stdin delivered), with readTrace's formats,
 * limits and messages for streams. Errors: TraceError, as readTrace.
 */
export function readTraceBytes(bytes: Uint8Array, file: string, options: ReadTraceOptions = {}): Trace {
  const bounded = (limit: number) => {
    if (bytes.length > limit) throw new InputTooLargeError(limit);
    return bytes;
  };
  try {
    return parseInOrder(bytes.subarray(0, HEAD_BYTES), { chunks: (limit) => [bounded(limit)], whole: bounded }, file, options.format, options);
  } catch (error) {
    throw readFailure(error, file);
  }
}

/** The bytes of an input read in order: its first bytes, then all of them (head included) as chunks or whole, within a limit. */
interface InOrder {
  chunks(limit: number): Iterable<Uint8Array>;
  whole(limit: number): Uint8Array;
}

function parseInOrder(head: Uint8Array, input: InOrder, file: string, format: TraceFormat | undefined, options: ReadTraceOptions): Trace {
  if (head.length === 0) throw new TraceError('empty', file, traceMessages.empty());
  const chosen = format ?? sniff(head);
  switch (chosen) {
    case 'npy':
      npyPreamble(head.subarray(0, 12), file); // not .npy at all: say so now, not after reading up to the limit
      return { format: chosen, series: parseNpyTrace(input.whole(MAX_TRACE_BYTES), file, options.columns, options.nonfinite) };
    case 'json': return { format: chosen, series: parseJsonTrace(decodeJson(input.whole(MAX_JSON_BYTES)), file, options) };
    case 'ndjson': return { format: chosen, series: parseNdjsonTrace(input.chunks(MAX_TRACE_BYTES), file, options) };
    default: return { format: 'csv', series: parseCsvTrace(input.chunks(MAX_TRACE_BYTES), file, options) };
  }
}

function decodeJson(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Every way reading can fail, as the TraceError that names the file. */
export function readFailure(error: unknown, file: string): TraceError {
  if (error instanceof TraceError) return error;
  if (error instanceof InputTooLargeError) {
    return new TraceError('too-large', file, error.limit === MAX_JSON_BYTES ? traceMessages.jsonTooLarge(error.limit) : traceMessages.tooLarge(error.limit));
  }
  if (error instanceof LineTooLongError) return new TraceError('too-large', file, traceMessages.lineTooLong(MAX_LINE_CHARS), { line: error.line });
  const code = (error as NodeJS.ErrnoException).code;
  const reason = typeof code === 'string' ? pathReason(code) : (error as Error).message;
  return new TraceError('io', file, traceMessages.cannotRead(reason));
}
