import { dirname, extname, resolve } from 'node:path';
import { tableLengthText } from '../schedule/schedule-value.js';
import type { ReadTable, TableRequest } from '../schedule/table-values.js';
import { inputChunks, openInput, readInputBytes } from './read-input.js';
import { MAX_TRACE_BYTES, readFailure, readFull, readTrace } from './read-trace.js';
import { parseCsvTable } from './table-csv.js';
import { npyPreamble, parseNpyHeader } from './trace-npy.js';
import { pythonNumber, shown, TraceError } from './trace-error.js';
import { parseJsonLenient } from './trace-records.js';

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
      return readTableAt(resolve(base, request.file), request);
    } catch (error) {
      const failure = readFailure(error, request.file);
      return { message: failure.file === request.file ? failure.message : request.file + failure.message.slice(failure.file.length) };
    }
  };
}

/** The formats a table file may have, by extension: anything else is refused, naming these. */
const TABLE_FORMATS: Record<string, 'csv' | 'tsv' | 'npy' | 'json'> = { '.csv': 'csv', '.tsv': 'tsv', '.npy': 'npy', '.json': 'json' };

/**
 * The values of a table file, exactly `steps` of them, one per optimizer step (row, element):
 *
 * - CSV (.csv, or .tsv with tabs): parseCsvTable (a header row; `column:` picks one of several; a
 *   `step` column must count 1, 2, 3 …; no empty cells or lines, no NaN).
 * - .npy: a 1-D array (or one column) of float16/32/64 or (u)int8–64; its length is checked from the
 *   header before the data is read.
 * - JSON: an array of numbers, or an object of name → array (`column:` naming one); no null or NaN.
 *
 * Other extensions (.txt, .ndjson …) are refused: a table's format is told by its name.
 * Memory: at most `steps` values are kept whatever the file's size (CSV is read in chunks; JSON is
 * parsed whole and bounded by its size). Errors: TraceError, located in the file, with steps
 * counted from 1 (`lr.npy: step 51 ([50]): not a finite number (got nan)`).
 */
export function readTableFile(path: string, request: TableRequest): Float64Array {
  return readTableAt(path, request).values;
}

/** readTableFile's values, and the file's own place of step t's value (`lr.csv:72`, `lr.npy: [70]`). */
export function readTableAt(path: string, request: TableRequest): { values: Float64Array; place(step: number): string } {
  const { steps, column } = request;
  const file = request.file;
  const ext = extname(path).toLowerCase();
  const format = TABLE_FORMATS[ext];
  if (format === undefined) {
    throw new TraceError('bad-structure', file, `a table is a .csv, .tsv, .npy or .json file (got ${ext === '' ? 'no extension' : `"${ext}"`}; np.savetxt(…, delimiter=",") writes CSV)`);
  }
  const element = (values: Float64Array, name = '') => ({ values, place: (step: number) => `${file}: ${name}[${step - 1}]` });
  if (format === 'npy') return element(readNpyTable(path, file, steps, column));
  if (format === 'json') {
    jsonSizeCheck(path, file, steps);
    let data: unknown;
    try {
      data = parseJsonLenient(readWhole(path));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new TraceError('bad-json', file, `not valid JSON: ${error.message}`);
    }
    const name = typeof data === 'object' && data !== null && !Array.isArray(data) ? undefined : '';
    const values = jsonTable(data, file, steps, column);
    return element(values, name ?? shown(column === undefined ? jsonOnlyArray(data as object) : String(column)));
  }
  const input = openInput(path);
  try {
    const { values, firstLine } = parseCsvTable(inputChunks(input, MAX_TRACE_BYTES), file, { steps, column, delimiter: format === 'tsv' ? '\t' : ',' });
    return { values, place: (step: number) => `${file}:${firstLine + step - 1}` };
  } finally {
    input.close();
  }
}

function readWhole(path: string): string {
  const input = openInput(path);
  try {
    return new TextDecoder().decode(readInputBytes(input, 2 ** 29 - 24));
  } finally {
    input.close();
  }
}

/** A JSON table: an array of numbers, or one array of an object of name → array. */
function jsonTable(data: unknown, file: string, steps: number, column: string | number | undefined): Float64Array {
  let array: unknown = data;
  let name = '';
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const keys = arrayKeys(data);
    const candidates = keys.filter((k) => k.toLowerCase() !== 'step');
    if (column === undefined && candidates.length !== 1) {
      throw new TraceError('bad-structure', file, `${candidates.length} arrays (${candidates.map(shown).join(', ')}): name the one to read with column:`);
    }
    name = column === undefined ? candidates[0] : String(column);
    if (!keys.includes(name)) throw new TraceError('unknown-column', file, `no array ${shown(name)} (arrays: ${keys.map(shown).join(', ')})`);
    array = (data as Record<string, unknown>)[name];
  } else if (column !== undefined) {
    throw new TraceError('bad-structure', file, `column: ${shown(String(column))} names an array of an object, but the file is ${Array.isArray(data) ? 'one array' : 'not an object'}`);
  }
  if (!Array.isArray(array)) throw new TraceError('bad-structure', file, `expected an array of numbers (got ${shownJson(array)})`);
  if (array.length !== steps) throw new TraceError('bad-structure', file, `${name === '' ? '' : `${shown(name)}: `}${tableLengthText(array.length, steps)}`);
  const values = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    const v: unknown = array[i];
    const where = { path: `step ${i + 1} (${name === '' ? '' : shown(name)}[${i}])`, index: i };
    if (v === null) throw new TraceError('bad-structure', file, 'null (a table has a number at every step)', where);
    if (typeof v !== 'number') throw new TraceError('bad-structure', file, `expected a number (got ${shownJson(v)})`, where);
    if (!Number.isFinite(v)) throw new TraceError('non-finite', file, `not a finite number (got ${pythonNumber(v)})`, where);
    values[i] = v;
  }
  return values;
}

/** The keys of a JSON object whose values are arrays. */
function arrayKeys(data: object): string[] {
  return Object.keys(data).filter((k) => Array.isArray((data as Record<string, unknown>)[k]));
}

/** The one array of an object besides `step` (jsonTable checked there is one). */
function jsonOnlyArray(data: object): string {
  return arrayKeys(data).find((k) => k.toLowerCase() !== 'step')!;
}

/** A JSON value for a message: strings as written in JSON, others as JSON, shortened. */
function shownJson(v: unknown): string {
  const text = typeof v === 'number' ? pythonNumber(v) : JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A .npy table: 1-D (or one column), every value finite. */
function readNpyTable(path: string, file: string, steps: number, column: string | number | undefined): Float64Array {
  npyLengthCheck(path, file, steps);
  const [series] = readTrace(path, { columns: column === undefined ? undefined : [column], nonfinite: 'keep' }).series;
  const values = series.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) throw new TraceError('non-finite', file, `not a finite number (got ${pythonNumber(v)})`, { path: `step ${i + 1} ([${i}])`, index: i });
  }
  return values;
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
    let header;
    try {
      header = parseNpyHeader(text, preamble, file);
    } catch (error) {
      // The trace reader's own words are about series; a table is one value per step.
      const shape = error instanceof TraceError && error.code === 'unsupported-shape' ? /^unsupported shape (.*) \(need/.exec(error.detail) : null;
      if (shape === null) throw error;
      throw new TraceError('unsupported-shape', file, `shape ${shape[1]}: a table is 1-D (one value per step)`);
    }
    const { shape } = header;
    const [rows, columns = 1] = shape;
    if (shape.length === 0 || shape.length > 2 || columns !== 1) {
      throw new TraceError('unsupported-shape', file, `shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}): a table is 1-D (one value per step)`);
    }
    if (rows !== steps) throw new TraceError('bad-structure', file, tableLengthText(rows, steps));
  } finally {
    input.close();
  }
}
