import { csvNumber } from './number-format.js';

/** A CSV cell: a number (non-finite → empty), text, a boolean, or null/undefined (empty). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF, with each
 * double quote doubled (`a"b,c` → `"a""b,c"`); numbers in ECMAScript's shortest round-trip form.
 * Every CSV this tool writes goes through here, so every CSV reader (python's csv, pandas, DuckDB,
 * Excel) reads the same cells back.
 *
 * References: RFC 4180 §2 (rules 5–7).
 */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return csvNumber(cell);
  if (typeof cell === 'string') return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return cell === null || cell === undefined ? '' : String(cell);
}

/** Text that JSON.stringify writes unescaped and CSV unquoted (`null` aside: it stands for an empty cell below). */
const PLAIN_TEXT = /^[\w.+-]*$/;

/**
 * Fields joined by commas, without a line end (a prefix shared by many lines); the same text as
 * `cells.map(csvField).join(',')`.
 *
 * Notes: a row whose strings are all plain text (`low-pass`, names without punctuation) is formatted by
 * one JSON.stringify, which writes numbers in the same shortest round-trip form about 1.5× faster than
 * String(x) one by one (a sweep writes millions of them), non-finite numbers as null and −0 as 0;
 * dropping the quotes and the nulls then leaves csvField's text.
 */
export function csvFields(cells: readonly CsvCell[]): string {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' && (c === 'null' || !PLAIN_TEXT.test(c))) return cells.map(csvField).join(',');
  }
  let text = JSON.stringify(cells).slice(1, -1);
  if (text.includes('"')) text = text.replace(/"/g, '');
  if (text.includes('null')) text = text.replace(/(^|,)null(?=,|$)/g, '$1');
  return text;
}

/** One record: fields joined by commas, ended by '\n' (as numpy, pandas and python's csv with lineterminator='\n'). */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${csvFields(cells)}\n`;
}

/**
 * The fields of one line as csvLine writes them, read back: RFC 4180 quoting within the line (a
 * quoted field may hold the delimiter; `""` inside quotes is a quote), split at `delimiter` outside
 * quotes. Line breaks inside quotes are not supported (callers split lines first).
 */
export function csvCells(line: string, delimiter = ','): string[] {
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
