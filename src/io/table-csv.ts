import { tableLengthText } from '../schedule/schedule-value.js';
import { pythonNumber, shown, TraceError } from './trace-error.js';
import { forEachLineBytes } from './trace-lines.js';
import { csvCells } from './csv-line.js';
import { parseNumber, parseNumberBytes } from './trace-number.js';

/** What a CSV table is asked for: `steps` values of one column (a name or a 0-based index). */
export interface CsvTableRequest {
  column?: string | number;
  steps: number;
  /** ',' (.csv) or '\t' (.tsv). */
  delimiter: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * The values of one column of a CSV table, exactly one per row, row r (1-based, after the header)
 * being optimizer step r. Strict where the trace reader is lenient, because a table's rows ARE its
 * steps: a skipped row would move every later value one step earlier. So an empty cell, a blank
 * line, NaN or ±inf, a row of another width and a non-number are errors naming the file's line.
 *
 * - Header: the first line that is not a `#` comment; it is a header unless every cell is a number
 *   (then columns are named by 0-based index and a one-column file is named by the file alone).
 *   A name may not appear twice.
 * - A column named `step` (any case) is the step number, and must count 1, 2, 3 …; no other column
 *   (epoch, time …) is special.
 * - `column` picks a column by name or 0-based index; without it the file must have exactly one
 *   column besides `step`.
 *
 * Returns the values and the line of step 1 (step t is on line firstLine + t − 1).
 * Memory: at most `steps` values are kept; later rows are checked and counted, to name the length.
 * Errors: TraceError, `file:line: column "lr": empty cell`.
 */
export function parseCsvTable(chunks: Iterable<Uint8Array>, file: string, request: CsvTableRequest): { values: Float64Array; firstLine: number } {
  const { steps, delimiter } = request;
  const sep = delimiter.charCodeAt(0);
  const values = new Float64Array(steps);
  let names: string[] | null = null;
  let headed = true;
  let picked = -1;
  let stepAt = -1;
  let rows = 0;
  let firstLine = 0;
  const cells: number[] = [];
  const label = (k: number): string => (headed || names!.length > 1 ? `column ${shown(names![k])}: ` : '');
  const fail = (line: number, detail: string, column?: string): never => {
    throw new TraceError(detail.startsWith('not a finite') ? 'non-finite' : 'bad-structure', file, detail, { line, ...(column === undefined ? {} : { column }) });
  };
  /**
   * Cuts the row bytes[start … end) into cells (their bounds in `cells`: cell k is cells[k] … cells[k + 1] − 1)
   * and returns the bytes they are bounds in: the row's own when it has no double quote (a split at each
   * separator byte, the fast path), else the cells csvCells reads per RFC 4180 (a quoted cell may hold
   * the separator; `""` is a quote), laid out in a buffer of their own.
   */
  const split = (bytes: Uint8Array, start: number, end: number): Uint8Array => {
    cells.length = 0;
    cells.push(start);
    let quoted = false;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b === sep) cells.push(i + 1);
      else if (b === 34) quoted = true;
    }
    cells.push(end + 1);
    if (quoted) {
      cells.length = 0;
      const texts = csvCells(lenient.decode(bytes.subarray(start, end)), delimiter).map((t) => encoder.encode(t));
      const out = new Uint8Array(texts.reduce((n, t) => n + t.length + 1, 0));
      let at = 0;
      for (const t of texts) {
        cells.push(at);
        out.set(t, at);
        at += t.length + 1;
      }
      cells.push(at);
      return out;
    }
    return bytes;
  };
  /** The number of cell k of the current row (its bounds in `cells`), or an error in table words. */
  const cell = (bytes: Uint8Array, k: number, line: number): number => {
    let start = cells[k];
    let end = cells[k + 1] - 1;
    while (start < end && (bytes[start] === 32 || bytes[start] === 9 || bytes[start] === 13)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9 || bytes[end - 1] === 13)) end--;
    if (start === end) return fail(line, `${label(k)}empty cell (a table has one value per step)`, names![k]);
    const value = parseNumberBytes(bytes, start, end);
    if (value === undefined) return fail(line, `${label(k)}expected a number (got ${shown(lenient.decode(bytes.subarray(start, end)))})`, names![k]);
    if (value - value !== 0) return fail(line, `${label(k)}not a finite number (got ${pythonNumber(value)})`, names![k]);
    return value;
  };
  const header = (bytes: Uint8Array, start: number, end: number, line: number): void => {
    if (bytes.subarray(start, end).includes(0)) fail(line, 'not UTF-8 text (UTF-16?): save the table as UTF-8');
    let text: string;
    try {
      text = utf8.decode(bytes.subarray(start, end));
    } catch {
      return fail(line, 'not UTF-8 text: save the table as UTF-8');
    }
    const raw = csvCells(text, delimiter).map((s) => s.trim());
    headed = !raw.every((s) => parseNumber(s, 0, s.length) !== undefined);
    names = headed ? raw : raw.map((_, k) => String(k));
    if (headed) {
      const seen = new Map<string, number>();
      names.forEach((name, k) => {
        const before = seen.get(name);
        if (before !== undefined) fail(line, `column ${shown(name)} appears twice in the header (columns ${before} and ${k}, counting from 0)`);
        seen.set(name, k);
      });
      stepAt = names.findIndex((name) => name.toLowerCase() === 'step');
    }
    picked = pick(names, headed, stepAt, request.column, file, line);
  };
  const row = (bytes: Uint8Array, start: number, end: number, line: number): void => {
    rows++;
    const cellBytes = split(bytes, start, end);
    const width = names!.length;
    if (cells.length - 1 !== width) {
      const blank = bytes.subarray(start, end).every((b) => b === 32 || b === 9 || b === 13);
      if (blank) fail(line, width === 1 ? `${label(0)}empty cell (a table has one value per step)` : 'empty line (a table has one value per step)');
      fail(line, `${cells.length - 1} cell${cells.length === 2 ? '' : 's'} where the header has ${width}`);
    }
    if (stepAt >= 0 && stepAt !== picked) {
      const step = cell(cellBytes, stepAt, line);
      if (step !== rows) fail(line, `column ${shown(names![stepAt])}: must count 1, 2, 3 … (row ${rows} says ${step}): a table's rows are optimizer steps as torch counts them`, names![stepAt]);
    }
    const value = cell(cellBytes, picked, line);
    if (rows <= steps) values[rows - 1] = value;
  };
  forEachLineBytes(chunks, (bytes, start, end, line) => {
    if (names === null) {
      let i = start;
      while (i < end && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 13)) i++;
      if (i === end || bytes[i] === 35) return; // blank or '#' lines before the header (np.savetxt's header is a comment)
      header(bytes, start, end, line);
      firstLine = headed ? line + 1 : line;
      if (!headed) row(bytes, start, end, line);
    } else row(bytes, start, end, line);
  });
  const found = names as string[] | null; // assigned in the callbacks
  if (found === null) throw new TraceError('empty', file, 'no header and no rows');
  if (rows !== steps) throw new TraceError('bad-structure', file, `${label(picked)}${tableLengthText(rows, steps)}`);
  return { values, firstLine };
}

/** The column to read: `column` by name or 0-based index, else the only one besides `step`. */
function pick(names: readonly string[], headed: boolean, stepAt: number, column: string | number | undefined, file: string, line: number): number {
  const list = names.map(shown).join(', ');
  if (column === undefined) {
    const candidates = names.map((_, k) => k).filter((k) => k !== stepAt);
    if (candidates.length === 1) return candidates[0];
    const besides = stepAt >= 0 ? ` besides ${shown(names[stepAt])}` : '';
    throw new TraceError('bad-structure', file, `${candidates.length} columns${besides} (${candidates.map((k) => shown(names[k])).join(', ')}): name the one to read with column:`, { line });
  }
  if (typeof column === 'number' || (!headed && /^\d+$/.test(column))) {
    const k = Number(column);
    if (k < names.length) return k;
    throw new TraceError('unknown-column', file, `no column ${k} (counting from 0): the file has ${names.length} (${list})`, { line });
  }
  const k = names.indexOf(column);
  if (k >= 0) return k;
  throw new TraceError('unknown-column', file, `no column ${shown(column)} (columns: ${list})`, { line });
}
