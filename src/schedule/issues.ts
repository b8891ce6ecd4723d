/**
 * A problem with user input, as data (zod's shape: code, path, message, received value).
 * The core returns these; the CLI edge formats them as `file:line:col: path: message (got X)`.
 */
export interface ConfigIssue {
  code: string;
  /** Key path inside the schedule document, e.g. ['schedules', 0, 'momentum', 'u']. */
  path: (string | number)[];
  message: string;
  /** The offending value, shown as `(got …)`; absent when there is nothing useful to show. */
  received?: unknown;
  /** 1-based line and column in the source text, when known. */
  line?: number;
  column?: number;
}

/** Thrown by the library's convenience functions when a config has problems. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly issues: ConfigIssue[],
  ) {
    super(issues.map((i) => formatIssue(source, i)).join('\n'));
    this.name = 'ConfigError';
  }
}

/** zod's toDotPath: a.b[0].c */
export function dotPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Short, one-line rendering of a received value for `(got …)`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** `source:line:col: path: message (got X)`: GNU's file:line:col convention, one line per issue. */
export function formatIssue(source: string, issue: ConfigIssue): string {
  const where = issue.line !== undefined ? `${source}:${issue.line}:${issue.column ?? 1}` : source;
  const path = issue.path.length > 0 ? `${dotPath(issue.path)}: ` : '';
  const got = 'received' in issue ? ` (got ${showValue(issue.received)})` : '';
  return `${where}: ${path}${issue.message}${got}`;
}
