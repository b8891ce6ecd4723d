import { ColumnBuilder, selectColumns } from './trace-columns.js';
import { TraceError, traceMessages } from './trace-error.js';
import { forEachLine } from './trace-lines.js';
import { parseNumber } from './trace-number.js';
import type { ReadTraceOptions, TraceSeries } from './trace-types.js';

/** First row's delimiter: ',' if present, else tab, else ';', else runs of blanks (np.savetxt). */
function detectDelimiter(line: string): string {
  for (const d of [',', '\t', ';']) if (line.includes(d)) return d;
  return /\S[ \t]+\S/.test(line.trim()) ? ' ' : ',';
}

/** Cells of one line: RFC 4180 quoting within the line ("" is a quote); ' ' splits on blank runs. */
function splitCells(line: string, delimiter: string): string[] {
  if (delimiter === ' ') return line.trim().split(/[ \t]+/);
  if (!line.includes('"')) return line.split(delimiter);
  const cells: string[] = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') cell += line[i++];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * Series of a delimited text trace, read line by line from chunks (never the whole file as one
 * string): one column per series, an optional header row, numbers as `parseNumber` reads them.
 *
 * Notes
 * -----
 * Blank lines and lines starting with '#' are skipped (np.savetxt headers and comments).
 * Only selected columns must be numeric, so a text column (e.g. a phase label) can sit beside
 * the series you read. Quoted cells may contain the delimiter but not line breaks. Rows with
 * more or fewer cells than the first are errors, reported with their 1-based line.
 */
export function parseCsvTrace(chunks: Iterable<Uint8Array>, file: string, options: ReadTraceOptions = {}): TraceSeries[] {
  let names: string[] | null = null;
  let delimiter = options.delimiter ?? '';
  let width = 0;
  let target = new Int32Array(0); // cell index → builder index, or −1 when not selected
  let builders: ColumnBuilder[] = [];

  const fail = (line: number, column: number, cell: string): never => {
    throw new TraceError('not-a-number', file, traceMessages.notNumber((names as string[])[column], cell), { line });
  };
  const ragged = (line: number, found: number): never => {
    throw new TraceError('ragged', file, traceMessages.ragged(width, found), { line });
  };
  const slowRow = (line: string, lineNumber: number): void => {
    const cells = splitCells(line, delimiter);
    if (cells.length !== width) ragged(lineNumber, cells.length);
    for (let c = 0; c < width; c++) {
      if (target[c] < 0) continue;
      const v = parseNumber(cells[c], 0, cells[c].length);
      if (v === undefined) fail(lineNumber, c, cells[c]);
      else builders[target[c]].push(v);
    }
  };
  const fastRow = (line: string, lineNumber: number): void => {
    let pos = 0;
    for (let c = 0; c < width; c++) {
      let end = line.indexOf(delimiter, pos);
      if (c === width - 1) {
        if (end !== -1) ragged(lineNumber, line.split(delimiter).length);
        end = line.length;
      } else if (end === -1) ragged(lineNumber, c + 1);
      const t = target[c];
      if (t >= 0) {
        const v = parseNumber(line, pos, end);
        if (v === undefined) fail(lineNumber, c, line.slice(pos, end));
        else builders[t].push(v);
      }
      pos = end + 1;
    }
  };

  forEachLine(chunks, (line, lineNumber) => {
    const first = line.trimStart();
    if (first.length === 0 || first.charCodeAt(0) === 35) return; // blank or '#'
    if (names === null) {
      delimiter ||= detectDelimiter(line);
      const cells = splitCells(line, delimiter).map((cell) => cell.trim());
      const header = options.header ?? cells.some((cell) => parseNumber(cell, 0, cell.length) === undefined);
      width = cells.length;
      names = header ? cells.map((cell, i) => cell || String(i)) : cells.map((_, i) => String(i));
      const selected = selectColumns(names, options.columns, file);
      target = new Int32Array(width).fill(-1);
      selected.forEach((column, k) => {
        if (target[column] < 0) target[column] = k;
      });
      builders = selected.map(() => new ColumnBuilder());
      if (header) return;
    }
    if (delimiter === ' ' || line.includes('"')) slowRow(line, lineNumber);
    else fastRow(line, lineNumber);
  });

  if (names === null) throw new TraceError('empty', file, traceMessages.empty());
  if (builders.length > 0 && builders[0].length === 0) throw new TraceError('empty', file, traceMessages.noData());
  const header: string[] = names;
  const selected = selectColumns(header, options.columns, file);
  return selected.map((column, k) => ({ name: header[column], values: builders[target[column] === k ? k : target[column]].finish() }));
}
