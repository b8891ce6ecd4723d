import { TraceError, traceMessages } from './trace-error.js';
import { seriesColumns, stepColumn } from './trace-index.js';
import { forEachLine } from './trace-lines.js';
import { parseNumber } from './trace-number.js';
import { SeriesCollector, byLine, finishSeries } from './trace-series.js';
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

const isBlankText = (s: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
};

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
 * A step column (step, epoch, … see trace-index.ts) is an index, not a series by default, and
 * the samples of each series are checked to be equally spaced in it; an empty cell is a row
 * without a value for that series (SeriesCollector), so PyTorch Lightning's metrics.csv reads.
 */
export function parseCsvTrace(chunks: Iterable<Uint8Array>, file: string, options: ReadTraceOptions = {}): TraceSeries[] {
  let names: string[] | null = null;
  let delimiter = options.delimiter ?? '';
  let width = 0;
  let target = new Int32Array(0); // cell index → collector index, or −1 when not selected
  let selected: number[] = [];
  let collectors: SeriesCollector[] = [];
  let stepCell = -1; // cell index of the step column, or −1
  let row = 0; // data rows so far: the step of a trace without a step column
  // One row's selected cells before they go to the collectors (the step cell may come last):
  // value, whether present (1), empty (0) or, for the step, not a number (2); text for messages.
  let values = new Float64Array(0);
  let present = new Uint8Array(0);
  let texts: string[] = [];

  const fail = (line: number, column: number, cell: string): never => {
    throw new TraceError('not-a-number', file, traceMessages.notNumber((names as string[])[column], cell), { line, column: (names as string[])[column] });
  };
  const ragged = (line: number, found: number): never => {
    throw new TraceError('ragged', file, traceMessages.ragged(width, found), { line });
  };
  /** Reads cell c (text[start, end)) of a row into slot k of the scratch arrays. */
  const slot = (text: string, start: number, end: number, c: number, k: number, line: number): void => {
    const v = parseNumber(text, start, end);
    if (v !== undefined) {
      values[k] = v;
      present[k] = 1;
      if (v - v !== 0) texts[k] = text.slice(start, end).trim();
    } else if (isBlankText(text, start, end)) present[k] = 0;
    else if (c !== stepCell) fail(line, c, text.slice(start, end));
    else {
      present[k] = 2; // a step that is not a number: an error only if the row has a value
      texts[k] = text.slice(start, end);
    }
  };
  /** Reads cell c if it is selected (slot: its collector) or the step column (slot: after the collectors). */
  const cell = (text: string, start: number, end: number, c: number, line: number): void => {
    if (target[c] >= 0) slot(text, start, end, c, target[c], line);
    if (c === stepCell) slot(text, start, end, c, collectors.length, line);
  };
  /** Hands a parsed row to the collectors. */
  const dispatch = (line: number): void => {
    const n = collectors.length;
    let step = row++;
    if (stepCell >= 0) {
      let any = false;
      for (let k = 0; k < n; k++) any ||= present[k] === 1;
      if (!any) {
        for (let k = 0; k < n; k++) collectors[k].empty();
        return;
      }
      step = values[n];
      if (present[n] !== 1 || step - step !== 0) {
        const shownStep = present[n] === 0 ? '' : texts[n];
        throw new TraceError('not-a-number', file, traceMessages.badStep(names![stepCell], shownStep), { line, column: names![stepCell] });
      }
    }
    for (let k = 0; k < n; k++) {
      if (present[k] === 1) collectors[k].add(values[k], step, line, texts[k]);
      else collectors[k].empty();
    }
  };
  const slowRow = (line: string, lineNumber: number): void => {
    const cells = splitCells(line, delimiter);
    if (cells.length !== width) ragged(lineNumber, cells.length);
    for (let c = 0; c < width; c++) cell(cells[c], 0, cells[c].length, c, lineNumber);
    dispatch(lineNumber);
  };
  const fastRow = (line: string, lineNumber: number): void => {
    let pos = 0;
    for (let c = 0; c < width; c++) {
      let end = line.indexOf(delimiter, pos);
      if (c === width - 1) {
        if (end !== -1) ragged(lineNumber, line.split(delimiter).length);
        end = line.length;
      } else if (end === -1) ragged(lineNumber, c + 1);
      cell(line, pos, end, c, lineNumber);
      pos = end + 1;
    }
    dispatch(lineNumber);
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
      stepCell = header ? stepColumn(names) : -1;
      selected = seriesColumns(names, options.columns, file);
      target = new Int32Array(width).fill(-1);
      const unique = [...new Set(selected)];
      unique.forEach((column, k) => { target[column] = k; });
      const setup = { file, stepColumn: stepCell < 0 ? null : names[stepCell], nonfinite: options.nonfinite ?? 'error', locate: byLine } as const;
      collectors = unique.map((column) => new SeriesCollector((names as string[])[column], setup));
      values = new Float64Array(unique.length + 1);
      present = new Uint8Array(unique.length + 1);
      texts = new Array<string>(unique.length + 1);
      if (header) return;
    }
    if (delimiter === ' ' || line.includes('"')) slowRow(line, lineNumber);
    else fastRow(line, lineNumber);
  });

  if (names === null) throw new TraceError('empty', file, traceMessages.empty());
  if (row === 0) throw new TraceError('empty', file, traceMessages.noData());
  const series = finishSeries(collectors, options.columns !== undefined && options.columns.length > 0, file);
  const used = new Set<number>();
  return selected.flatMap((column) => {
    const k = target[column], s = series[k];
    if (s === null) return [];
    if (used.has(k)) return [{ ...s, values: s.values.slice() }];
    used.add(k);
    return [s];
  });
}
