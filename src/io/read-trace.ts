import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { selectColumns } from './trace-columns.js';
import { parseCsvTrace } from './trace-csv.js';
import { TraceError, traceMessages } from './trace-error.js';
import { parseJsonTrace } from './trace-json.js';
import { parseNdjsonTrace } from './trace-ndjson.js';
import { npyFinite, npyIsRawFloat64, npyPreamble, npySeries, parseNpyHeader, parseNpyTrace } from './trace-npy.js';
import type { ReadTraceOptions, Trace, TraceFormat, TraceSeries } from './trace-types.js';

export { TraceError } from './trace-error.js';
export type { TraceErrorCode } from './trace-error.js';
export type { NonFinitePolicy, ReadTraceOptions, Trace, TraceFormat, TraceSeries } from './trace-types.js';

const CHUNK = 1 << 20;
const EXTENSIONS: Record<string, TraceFormat> = {
  '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.dat': 'csv',
  '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json', '.npy': 'npy',
};

/** Reads until `target` is full or the file ends; returns the bytes read. */
function readFull(fd: number, target: Uint8Array, position: number): number {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, Math.min(target.length - done, 1 << 30), position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The file in chunks of 1 MiB through one reused buffer (consumers decode before the next). */
function* fileChunks(fd: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(CHUNK);
  for (let position = 0; ;) {
    const n = readSync(fd, buffer, 0, CHUNK, position);
    if (n === 0) return;
    position += n;
    yield buffer.subarray(0, n);
  }
}

/** Format from the first bytes: .npy magic, '[' JSON, '{' NDJSON if its first line parses alone. */
function sniff(head: Uint8Array): TraceFormat {
  if (head[0] === 0x93 && head[1] === 0x4e) return 'npy';
  const text = new TextDecoder().decode(head).trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  try {
    JSON.parse(text.split('\n', 1)[0]);
    return 'ndjson';
  } catch {
    return 'json';
  }
}

/** A .npy file: header first, then the data read straight into the Float64Array it becomes. */
function readNpyFile(fd: number, size: number, file: string, { columns, nonfinite = 'error' }: ReadTraceOptions): TraceSeries[] {
  const head = new Uint8Array(12);
  const preamble = npyPreamble(head.subarray(0, readFull(fd, head, 0)), file);
  const end = preamble.headerStart + preamble.headerLength;
  if (size < end) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(end, size), { byteOffset: size });
  const text = new Uint8Array(preamble.headerLength);
  readFull(fd, text, preamble.headerStart);
  const header = parseNpyHeader(text, preamble, file);
  const truncated = (have: number): TraceError =>
    new TraceError('truncated', file, traceMessages.npyTruncatedData(header.dataBytes, have), { byteOffset: header.dataOffset });
  if (size - header.dataOffset < header.dataBytes) throw truncated(size - header.dataOffset);
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
 */
export function readTrace(path: string, options: ReadTraceOptions = {}): Trace {
  const stdin = path === '-';
  const file = stdin ? '<stdin>' : path;
  const ext = extname(path).toLowerCase();
  if (ext === '.npz') throw new TraceError('bad-structure', file, traceMessages.badStructure('.npz archives (save one array with np.save)'));
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
  } catch (error) {
    throw new TraceError('io', file, traceMessages.cannotRead((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  try {
    if (stdin) {
      const bytes = readFileSync(0);
      if (bytes.length === 0) throw new TraceError('empty', file, traceMessages.empty());
      const format = options.format ?? sniff(bytes.subarray(0, CHUNK));
      return { format, series: parseInMemory(bytes, format, file, options) };
    }
    const size = fstatSync(fd).size;
    if (size === 0) throw new TraceError('empty', file, traceMessages.empty());
    let format = options.format ?? EXTENSIONS[ext];
    if (format === undefined) {
      const head = new Uint8Array(Math.min(size, 1 << 16));
      format = sniff(head.subarray(0, readFull(fd, head, 0)));
    }
    const csvOptions = ext === '.tsv' && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options;
    switch (format) {
      case 'npy': return { format, series: readNpyFile(fd, size, file, options) };
      case 'json': return { format, series: parseJsonTrace(readFileSync(fd, 'utf8'), file, options) };
      case 'ndjson': return { format, series: parseNdjsonTrace(fileChunks(fd), file, options) };
      default: return { format: 'csv', series: parseCsvTrace(fileChunks(fd), file, csvOptions) };
    }
  } catch (error) {
    if (error instanceof TraceError) throw error;
    throw new TraceError('io', file, traceMessages.cannotRead((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  } finally {
    if (!stdin) closeSync(fd);
  }
}

function parseInMemory(bytes: Uint8Array, format: TraceFormat, file: string, options: ReadTraceOptions): TraceSeries[] {
  switch (format) {
    case 'npy': return parseNpyTrace(bytes, file, options.columns, options.nonfinite);
    case 'json': return parseJsonTrace(new TextDecoder().decode(bytes), file, options);
    case 'ndjson': return parseNdjsonTrace([bytes], file, options);
    default: return parseCsvTrace([bytes], file, options);
  }
}
