/** One named series of a gradient trace (a column of a CSV, a key of NDJSON records, …). */
export interface TraceSeries {
  /** Header name or JSON key; unnamed series are named by their 0-based index ("0", "1", …). */
  name: string;
  values: Float64Array;
}

export type TraceFormat = 'csv' | 'ndjson' | 'json' | 'npy';

export interface Trace {
  format: TraceFormat;
  series: TraceSeries[];
}

export interface ReadTraceOptions {
  /** Format; by default from the extension, else sniffed from the first bytes. */
  format?: TraceFormat;
  /** Series to keep, by name or 0-based index (a digit string falls back to an index); default all. */
  columns?: readonly (string | number)[];
  /** CSV: whether the first row is a header (default: yes iff any of its cells is not a number). */
  header?: boolean;
  /** CSV: ',', '\t', ';' or ' ' (runs of blanks); default from the first row (',' preferred). */
  delimiter?: string;
}
