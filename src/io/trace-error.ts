/** What went wrong while reading a gradient trace; stable for programs, unlike the message. */
export type TraceErrorCode =
  | 'io'
  | 'empty'
  | 'too-large'
  | 'bad-magic'
  | 'bad-version'
  | 'header-too-long'
  | 'bad-header'
  | 'unsupported-dtype'
  | 'unsupported-layout'
  | 'unsupported-shape'
  | 'truncated'
  | 'not-a-number'
  | 'ragged'
  | 'unknown-column'
  | 'bad-json'
  | 'bad-structure'
  | 'non-finite'
  | 'uneven-steps'
  | 'no-series';

/**
 * Where in the file: a 1-based line (CSV, NDJSON), a 0-based byte offset (.npy header and
 * data size) or an element path (`grad[12]`, `[12, 1]`: JSON and .npy data); `index` (the
 * 0-based row or element) and `column` (the series) are data for programs.
 */
export interface TraceLocation {
  line?: number;
  byteOffset?: number;
  path?: string;
  index?: number;
  column?: string;
}

/**
 * A malformed or unsupported trace file. The message is one line in GNU style,
 * `file:line: detail`, `file: byte N: detail` or `file: path: detail`; the parts are also
 * fields, as data.
 */
export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly code: TraceErrorCode;
  readonly file: string;
  readonly detail: string;
  readonly line?: number;
  readonly byteOffset?: number;
  readonly path?: string;
  readonly index?: number;
  readonly column?: string;

  constructor(code: TraceErrorCode, file: string, detail: string, where: TraceLocation = {}) {
    const place = where.line !== undefined ? `${file}:${where.line}`
      : where.byteOffset !== undefined ? `${file}: byte ${where.byteOffset}`
      : where.path !== undefined ? `${file}: ${where.path}` : file;
    super(`${place}: ${detail}`);
    this.code = code;
    this.file = file;
    this.detail = detail;
    for (const key of ['line', 'byteOffset', 'path', 'index', 'column'] as const) {
      if (where[key] !== undefined) (this as Record<string, unknown>)[key] = where[key];
    }
  }
}

/** A non-finite number as Python and NumPy print it (nan, inf, -inf), for messages. */
export function pythonNumber(x: number): string {
  return Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x);
}

/** Quotes a user value for a message, shortened so the message stays one readable line. */
export function shown(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 37)}...` : flat);
}

/** Every message text of the trace readers, in one place. */
export const traceMessages = {
  cannotRead: (reason: string) => `cannot read: ${reason}`,
  empty: () => 'file is empty',
  tooLarge: (limit: number) => `trace is larger than ${limit} bytes`,
  jsonTooLarge: (limit: number) => `JSON trace is larger than ${limit} bytes, the most one string can hold; use .npy or CSV`,
  lineTooLong: (limit: number) => `line longer than ${limit} characters (not a text trace?)`,
  noData: () => 'no data rows',
  notNumber: (column: string, cell: string) => `column ${shown(column)}: expected a number (got ${shown(cell)})`,
  ragged: (expected: number, found: number) => `expected ${expected} cells like the first row, found ${found}`,
  unknownColumn: (wanted: string | number, names: readonly string[]) =>
    `no column ${typeof wanted === 'number' ? wanted : shown(wanted)} (columns: ${names.map((n) => shown(n)).join(', ') || 'none'})`,
  /** V8's JSON.parse messages may quote the input across lines; keep the reason only. */
  badJson: (reason: string) => {
    const short = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(reason)?.[1] ?? reason;
    return `invalid JSON: ${short.replace(/\s+/g, ' ').slice(0, 100)}`;
  },
  badStructure: (what: string) => `unsupported structure: ${what}`,
  missingKey: (key: string) => `missing key ${shown(key)} present in the first record`,
  npyMagic: () => 'not a NumPy .npy file (bad magic string; expected \\x93NUMPY)',
  npyVersion: (major: number, minor: number) => `unsupported .npy format version ${major}.${minor} (supported: 1.0, 2.0, 3.0)`,
  npyHeaderTooLong: (length: number, limit: number) => `.npy header length ${length} exceeds the ${limit}-byte limit (corrupt file?)`,
  npyTruncatedHeader: (need: number, have: number) => `truncated .npy header: needs ${need} bytes, file has ${have}`,
  npyBadHeader: (what: string) => `malformed .npy header: ${what}`,
  npyDtype: (descr: string) => `unsupported dtype ${descr} (supported: floats f2, f4, f8 and integers i1–i8, u1–u8, either byte order)`,
  npyKeys: (missing: readonly string[], extra: readonly string[]) =>
    [missing.length > 0 ? `no ${missing.map((k) => `'${k}'`).join(', ')}` : '', extra.length > 0 ? `unexpected key ${extra.join(', ')}` : ''].filter(Boolean).join('; '),
  nonFinite: (column: string, got: string) => `column ${shown(column)}: non-finite sample (got ${got})`,
  badStep: (column: string, cell: string) => `step column ${shown(column)}: expected a finite number (got ${shown(cell)})`,
  onlyIndexColumns: (names: readonly string[]) =>
    `no series besides the index column${names.length > 1 ? 's' : ''} ${names.map((n) => shown(n)).join(', ')} (name one to read it as a series)`,
  noValues: (column: string, skipped: number) => `column ${shown(column)}: no values (${skipped} empty)`,
  /** Samples of `column` whose steps (or rows) are not equally spaced; places as "line 7" or "[7]". */
  unevenSteps: (column: string, stepColumn: string | null, from: string, to: string, gap: number, spacing: number | null) => {
    const unit = stepColumn === null ? (n: number) => `${n} row${n === 1 ? '' : 's'}` : (n: number) => String(n);
    const span = `${from} to ${to} ${gap > 0 ? `is ${unit(gap)}` : 'does not increase'}`;
    const before = spacing === null ? '' : `, the samples before are ${unit(spacing)} apart`;
    return `column ${shown(column)}: samples are not equally spaced${stepColumn === null ? '' : ` in ${shown(stepColumn)}`}: ${span}${before}`;
  },
  npyShape: (shape: string) => `unsupported shape ${shape} (need 1-D, or 2-D with one series per column)`,
  npyTruncatedData: (need: number, have: number) => `truncated data: shape needs ${need} bytes, file has ${have}`,
};
