import { dirname, extname, resolve } from 'node:path';
import { tableLengthText } from '../schedule/schedule-value.js';
import type { ReadTable, TableRequest } from '../schedule/table-values.js';
import { openInput } from './read-input.js';
import { readFailure, readFull, readTrace } from './read-trace.js';
import { npyPreamble, parseNpyHeader } from './trace-npy.js';
import { shown, TraceError } from './trace-error.js';

/**
 * The reader of `{ table: file, column }` values for the configs of one file (ParseOptions.readTable):
 * `file` relative to the directory of `configPath` (the working directory for stdin or a preset).
 * Problems come back as one line naming the file as the config wrote it, with its own line, element
 * or byte (`lr.csv:17: column "lr": expected a number (got "x")`); the config's issue locates the
 * `table:` key.
 */
export function tableReader(configPath: string | undefined, cwd: string): ReadTable {
  const base = configPath === undefined ? cwd : dirname(resolve(cwd, configPath));
  return (request) => {
    try {
      return readTableFile(resolve(base, request.file), request);
    } catch (error) {
      const failure = readFailure(error, request.file);
      return { message: failure.file === request.file ? failure.message : request.file + failure.message.slice(failure.file.length) };
    }
  };
}

/**
 * The values of a table file, exactly `steps` of them, read with the trace reader (chunked CSV with
 * its byte-level number parser, .npy straight into a Float64Array, JSON parsed whole):
 *
 * - CSV (.csv, .tsv, .txt, .dat): one column, a header row naming it (`column:` picks one of several);
 *   a step column (step, epoch, … as trace-index.ts) must count 1, 2, 3 …; no empty cells.
 * - .npy: a 1-D array (or one column) of float64, float32 or integers; its length is checked from
 *   the header before the data is read.
 * - JSON: an array of numbers (or an object of name → array, `column:` naming one).
 *
 * Memory: at most `steps` values are kept whatever the file's size (ReadTraceOptions.maxSamples; the
 * rest are counted, to name the real length). Errors: TraceError, located in the file.
 */
export function readTableFile(path: string, request: TableRequest): Float64Array {
  const { steps, column } = request;
  const file = request.file;
  const ext = extname(path).toLowerCase();
  if (ext === '.npy') npyLengthCheck(path, file, steps);
  if (ext === '.json') jsonSizeCheck(path, file, steps);
  const trace = readTrace(path, { columns: column === undefined ? undefined : [column], maxSamples: steps });
  if (trace.series.length !== 1) {
    const names = trace.series.map((s) => shown(s.name)).join(', ');
    throw new TraceError('bad-structure', file, `${trace.series.length} columns (${names}): name the one to read with column:`);
  }
  const series = trace.series[0];
  // A JSON array or a headerless column has no name of its own ("0"): then the file alone is named.
  const named = column !== undefined || series.name !== '0' ? `column ${shown(series.name)}: ` : '';
  if ((series.skipped ?? 0) > 0) throw new TraceError('bad-structure', file, `${named}${series.skipped} row(s) without a value; a table needs one value per step`);
  const length = series.values.length + (series.excess ?? 0);
  if (length !== steps) throw new TraceError('bad-structure', file, `${named}${tableLengthText(length, steps)}`);
  const counted = series.steps;
  if (counted !== undefined && (counted.first !== 1 || counted.spacing !== 1)) {
    const { column: name, first, spacing } = counted;
    throw new TraceError('uneven-steps', file, `step column ${shown(name)} counts ${first}, ${first + spacing}, …: a table's rows are steps 1, 2, 3 … (optimizer steps as torch counts them)`);
  }
  return series.values;
}

/**
 * Most bytes a JSON table may take per step (a number needs at most 24 characters, `, ` and an
 * indented line break; an object may hold a few arrays beside the one read): JSON is parsed whole, so
 * a file far larger than its steps could need is refused by its size, before it is read.
 */
const JSON_BYTES_PER_STEP = 256;

function jsonSizeCheck(path: string, file: string, steps: number): void {
  const input = openInput(path);
  try {
    const limit = JSON_BYTES_PER_STEP * steps + 65536;
    if (input.regular && input.size > limit) {
      throw new TraceError('too-large', file, `${input.size} bytes is more than a JSON table of ${steps} steps needs (at most ${limit}); check steps and the file, or use CSV or .npy`);
    }
  } finally {
    input.close();
  }
}

/** A regular .npy file's length from its header, before any data is read. */
function npyLengthCheck(path: string, file: string, steps: number): void {
  const input = openInput(path);
  try {
    if (!input.regular) return;
    // The header alone (readNpyFileHeader would first refuse a file shorter than its shape): the length is the first thing to say.
    const head = new Uint8Array(12);
    const preamble = npyPreamble(head.subarray(0, readFull(input.fd, head, 0)), file);
    const text = new Uint8Array(preamble.headerLength);
    if (readFull(input.fd, text, preamble.headerStart) < text.length) return; // truncated: readTrace says so
    const header = parseNpyHeader(text, preamble, file);
    const [rows, columns = 1] = header.shape;
    if (header.shape.length === 2 && columns !== 1) throw new TraceError('unsupported-shape', file, `shape (${rows}, ${columns}): a table is 1-D (one value per step)`);
    if (rows !== steps) throw new TraceError('bad-structure', file, tableLengthText(rows, steps));
  } finally {
    input.close();
  }
}
