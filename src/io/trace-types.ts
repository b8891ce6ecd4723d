/** One named series of a gradient trace (a column of a CSV, a key of NDJSON records, …). */
export interface TraceSeries {
  /** Header name or JSON key; unnamed series are named by their 0-based index ("0", "1", …). */
  name: string;
  /** The samples, equally spaced (checked against the step column when there is one). */
  values: Float64Array;
  /** Rows (records, elements) with no value for this series, left out: empty cell, null, missing key. */
  skipped?: number;
  /** Non-finite samples left out under `nonfinite: 'drop'`. */
  dropped?: number;
  /** Samples beyond ReadTraceOptions.maxSamples: counted, not kept (`values` holds the first maxSamples). */
  excess?: number;
  /** The step column the samples were checked against: the first sample's step, and the steps between samples. */
  steps?: { column: string; first: number; spacing: number };
}

/** What the readers do with a NaN or ±Infinity sample: refuse it (default), leave it out, or keep it. */
export type NonFinitePolicy = 'error' | 'drop' | 'keep';

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
  /** NaN or ±Infinity samples: 'error' (default: a TraceError naming line or index and column), 'drop' or 'keep'. */
  nonfinite?: NonFinitePolicy;
  /**
   * Keep at most this many samples per series (memory bounded by it, whatever the file's size): later
   * samples are read, checked and counted in `excess` (CSV, NDJSON, JSON; a .npy file's length is
   * in its header: readNpyFileHeader).
   */
  maxSamples?: number;
}
