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
  | 'bad-structure';

/** Where in the file: a 1-based line (text formats) or a 0-based byte offset (.npy). */
export interface TraceLocation {
  line?: number;
  byteOffset?: number;
}

/**
 * A malformed or unsupported trace file. The message is one line in GNU style,
 * `file:line: detail` or `file: byte N: detail`; the parts are also fields, as data.
 */
export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly code: TraceErrorCode;
  readonly file: string;
  readonly detail: string;
  readonly line?: number;
  readonly byteOffset?: number;

  constructor(code: TraceErrorCode, file: string, detail: string, where: TraceLocation = {}) {
    const place = where.line !== undefined ? `${file}:${where.line}` : where.byteOffset !== undefined ? `${file}: byte ${where.byteOffset}` : file;
    super(`${place}: ${detail}`);
    this.code = code;
    this.file = file;
    this.detail = detail;
    if (where.line !== undefined) this.line = where.line;
    if (where.byteOffset !== undefined) this.byteOffset = where.byteOffset;
  }
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
  npyDtype: (descr: string) => `unsupported dtype ${descr} (supported: '<f8' float64, '<f4' float32)`,
  npyFortran: () => "fortran_order True is not supported (save with np.ascontiguousarray)",
  npyShape: (shape: string) => `unsupported shape ${shape} (need 1-D, or 2-D with one series per column)`,
  npyTruncatedData: (need: number, have: number) => `truncated data: shape needs ${need} bytes, file has ${have}`,
};
