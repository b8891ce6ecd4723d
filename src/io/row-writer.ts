import { csvLine, type CsvCell } from './csv-line.js';
import type { TextTarget } from '../util/json-document.js';
import { jsonValue } from '../util/json-value.js';

export type RowFormat = 'csv' | 'ndjson';

/**
 * One tidy row as an NDJSON line: `{"column":cell,…}\n`, non-finite numbers as null, −0 as 0
 * (the same cells as the CSV row, keyed by the column names).
 */
export function ndjsonLine(columns: readonly string[], cells: readonly CsvCell[]): string {
  return `{${columns.map((c, i) => `${JSON.stringify(c)}:${jsonValue(cells[i])}`).join(',')}}\n`;
}

/** One row in either format: csvLine (RFC 4180, the one CSV encoder) or ndjsonLine. */
export function rowLine(format: RowFormat, columns: readonly string[], cells: readonly CsvCell[]): string {
  return format === 'csv' ? csvLine(cells) : ndjsonLine(columns, cells);
}

export interface RowWriter {
  /** The CSV header row (NDJSON has none). Call once, first. */
  begin(): Promise<void> | void;
  /** One row: as many cells as columns, in their order. */
  row(cells: readonly CsvCell[]): Promise<void> | void;
}

/**
 * Tidy rows, one record per line: CSV with a header row of the column names, or NDJSON objects.
 * Every command's csv and ndjson output is one of these (analyze writes its rows with the same
 * csvLine and ndjsonLine, several rows per write).
 */
export function rowWriter(target: TextTarget, format: RowFormat, columns: readonly string[]): RowWriter {
  return {
    begin: () => (format === 'csv' ? target.write(csvLine(columns)) : undefined),
    row: (cells) => target.write(rowLine(format, columns, cells)),
  };
}
