import { csvCells } from './csv-line.js';
import { TraceError, traceMessages } from './trace-error.js';
import { seriesColumns, stepColumn } from './trace-index.js';
import { forEachLineBytes } from './trace-lines.js';
import { parseNumber, parseNumberBytes, readNumber, scanned, scannedValue } from './trace-number.js';
import { SeriesCollector, byLine, finishSeries } from './trace-series.js';
import type { ReadTraceOptions, TraceSeries } from './trace-types.js';

/** First row's delimiter: ',' if present, else tab, else ';', else runs of blanks (np.savetxt). */
function detectDelimiter(line: string): string {
  for (const d of [',', '\t', ';']) if (line.includes(d)) return d;
  return /\S[ \t]+\S/.test(line.trim()) ? ' ' : ',';
}

/** Cells of one line: RFC 4180 quoting within the line (csvCells); ' ' splits on blank runs. */
function splitCells(line: string, delimiter: string): string[] {
  return delimiter === ' ' ? line.trim().split(/[ \t]+/) : csvCells(line, delimiter);
}

const isBlankCell = (s: string | Uint8Array, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = typeof s === 'string' ? s.charCodeAt(i) : s[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
};

/** What String.prototype.trimStart removes, among ASCII bytes: tab, LF, VT, FF, CR, space. */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Series of a delimited text trace, read line by line from chunks (never the whole file as one
 * string): one column per series, an optional header row, numbers as `parseNumber` reads them.
 * Rows of ASCII without quotes are read from the bytes (no string per line or cell); the header,
 * quoted rows and rows with other characters are decoded and read as text, with the same results.
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
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = (s: string | Uint8Array, start: number, end: number): string =>
    typeof s === 'string' ? s.slice(start, end) : decoder.decode(s.subarray(start, end));
  /** Reads cell c (s[start, end), a line's text or bytes) of a row into slot k of the scratch arrays. */
  const slot = (s: string | Uint8Array, start: number, end: number, c: number, k: number, line: number): void => {
    const v = typeof s === 'string' ? parseNumber(s, start, end) : parseNumberBytes(s, start, end);
    if (v !== undefined) {
      values[k] = v;
      present[k] = 1;
      if (v - v !== 0) texts[k] = text(s, start, end).trim();
    } else if (isBlankCell(s, start, end)) present[k] = 0;
    else if (c !== stepCell) fail(line, c, text(s, start, end));
    else {
      present[k] = 2; // a step that is not a number: an error only if the row has a value
      texts[k] = text(s, start, end);
    }
  };
  /** Reads cell c if it is selected (slot: its collector) or the step column (slot: after the collectors). */
  const cell = (s: string | Uint8Array, start: number, end: number, c: number, line: number): void => {
    if (target[c] >= 0) slot(s, start, end, c, target[c], line);
    if (c === stepCell) slot(s, start, end, c, collectors.length, line);
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

  const textLine = (line: string, lineNumber: number): void => {
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
      const setup = { file, stepColumn: stepCell < 0 ? null : names[stepCell], nonfinite: options.nonfinite ?? 'error', locate: byLine, maxSamples: options.maxSamples } as const;
      collectors = unique.map((column) => new SeriesCollector((names as string[])[column], setup));
      values = new Float64Array(unique.length + 1);
      present = new Uint8Array(unique.length + 1);
      texts = new Array<string>(unique.length + 1);
      byteDelimiter = delimiter.length === 1 && delimiter !== ' ' && delimiter.charCodeAt(0) < 128 ? delimiter.charCodeAt(0) : -1;
      if (header) return;
    }
    if (delimiter === ' ' || line.includes('"')) slowRow(line, lineNumber);
    else fastRow(line, lineNumber);
  };
  // The single-byte delimiter of rows read as bytes, or −1 until the first row set it (or if none).
  let byteDelimiter = -1;
  let bounds = new Int32Array(64); // delimiter positions of the current row
  /** A row of ASCII without quotes, read as fastRow reads its text (same cells, same errors in the same order). */
  const byteRow = (b: Uint8Array, start: number, end: number, lineNumber: number): boolean => {
    let n = 0;
    for (let i = start; i < end; i++) {
      const ch = b[i];
      if (ch === byteDelimiter) {
        if (n === bounds.length) {
          const more = new Int32Array(2 * n);
          more.set(bounds);
          bounds = more;
        }
        bounds[n++] = i;
      } else if (ch === 34 || ch > 127) return false;
    }
    let pos = start;
    for (let c = 0; c < width; c++) {
      let cellEnd: number;
      if (c === width - 1) {
        if (n > c) ragged(lineNumber, n + 1);
        cellEnd = end;
      } else if (c >= n) return ragged(lineNumber, c + 1);
      else cellEnd = bounds[c];
      cell(b, pos, cellEnd, c, lineNumber);
      pos = cellEnd + 1;
    }
    dispatch(lineNumber);
    return true;
  };

  /** Selected (or step) cell c of a fast row: value v written as b[start, end). */
  const fastCell = (b: Uint8Array, start: number, end: number, k: number, v: number): void => {
    values[k] = v;
    present[k] = 1;
    if (v - v !== 0) texts[k] = decoder.decode(b.subarray(start, end));
  };
  /**
   * The fast path: rows whose selected cells are bare numbers (no blanks, quotes or empty cells)
   * and whose other cells hold no quote, read in one pass over the bytes (ByteLinesReader). It
   * stops at the first other line (blank, comment, ragged, quoted, an error), which byteRow or
   * textLine then reads, so every message comes from the same code as before.
   */
  const readRows = (b: Uint8Array, start: number, end: number, firstLine: number): { next: number; lines: number } => {
    let line = firstLine, p = start;
    if (names !== null && byteDelimiter >= 0) {
      const n = collectors.length, last = width - 1;
      rows: while (p < end) {
        let q = p;
        for (let c = 0; c <= last; c++) {
          const stop = c === last ? 10 : byteDelimiter;
          if (target[c] < 0 && c !== stepCell) {
            for (let ch = b[q]; ch !== stop; ch = b[++q]) if (ch === 34 || ch === 10 || ch === byteDelimiter) break rows;
          } else {
            if (!readNumber(b, q, end)) break rows;
            const v = scannedValue[0];
            const at = scanned.end;
            let after = at;
            if (c === last && b[after] === 13) after++;
            if (b[after] !== stop) break rows;
            if (target[c] >= 0) fastCell(b, q, at, target[c], v);
            if (c === stepCell) fastCell(b, q, at, n, v);
            q = after;
          }
          q++;
        }
        dispatch(line++);
        p = q;
      }
    }
    return { next: p, lines: line - firstLine };
  };

  forEachLineBytes(chunks, (b, start, end, lineNumber) => {
    let p = start;
    while (p < end && isAsciiSpace(b[p])) p++;
    if (p === end || b[p] === 35) return; // blank or '#'
    if (names !== null && byteDelimiter >= 0 && b[p] < 128 && byteRow(b, start, end, lineNumber)) return;
    textLine(decoder.decode(b.subarray(start, end)), lineNumber);
  }, readRows);

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
