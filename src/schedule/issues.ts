import { excerpt, quoted } from '../util/excerpt.js';
import { didYouMean } from '../util/suggest.js';

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
  /** Where the value came from when not from the text (`--set momentum.c=-1`): printed instead of line:col. */
  origin?: string;
  /** The optimizer step (from 1) of the first value refused, when the issue is about values per step. */
  step?: number;
}

/**
 * Something that resolves but may not mean what was written (`warning`), or a fact about how it
 * resolved that the user may not expect (`note`). Printed like an issue, after `warning:`/`note:`.
 */
export interface ConfigWarning extends ConfigIssue {
  severity: 'warning' | 'note';
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

/**
 * Thrown by library functions for bad options (`analyze(text, { stages: 'x' })`, `renderPlots`
 * without kinds): the same issues as ConfigError, with paths into the options object.
 * `instanceof ConfigError` holds too, so one catch handles both.
 */
export class OptionError extends ConfigError {
  constructor(issues: ConfigIssue[]) {
    super('options', issues);
    this.name = 'OptionError';
  }
}

/**
 * Throws an OptionError naming every key of `options` not in `known`, with the closest known key
 * (`options: stage: unknown option (did you mean "stages"?)`): a library call with a misspelt option
 * fails instead of silently using the default. Anything but a plain object is left to the function.
 */
export function refuseUnknownOptions(options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options)) return;
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  throw new OptionError(unknown.map((key) => ({ code: 'unrecognized_option', path: [key], message: `unknown option${didYouMean(key, known)}; known: ${known.join(', ')}` })));
}

/**
 * The keys of an options type, every one listed (a missing or extra key does not compile), for
 * refuseUnknownOptions.
 */
export function optionKeys<T>(keys: { [K in keyof Required<T>]: true }): string[] {
  return Object.keys(keys);
}

/** `f` refusing unknown keys in its argument `at` (an options object) before it runs. */
export function withKnownOptions<A extends unknown[], R>(f: (...args: A) => R, at: number, known: readonly string[]): (...args: A) => R {
  return (...args: A) => {
    refuseUnknownOptions(args[at], known);
    return f(...args);
  };
}

/** zod's toDotPath: a.b[0].c (each key shown to at most ~80 characters). */
export function dotPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${excerpt(key)}` : excerpt(key);
    else out += `[${quoted(key)}]`;
  }
  return out;
}

/** Short, one-line rendering of a received value for `(got …)`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'bigint') return excerpt(String(value));
  if (typeof value === 'symbol' || typeof value === 'function') return `a ${typeof value}`;
  return String(value);
}

/**
 * `source:line:col: path: message (got X)`: GNU's file:line:col convention, one line per issue;
 * a warning or note says so after the position (`source:line:col: warning: path: message`).
 */
export function formatIssue(source: string, issue: ConfigIssue | ConfigWarning): string {
  const where = issue.origin !== undefined ? `${source}: ${issue.origin}` : issue.line !== undefined ? `${source}:${issue.line}:${issue.column ?? 1}` : source;
  const severity = 'severity' in issue ? `${issue.severity}: ` : '';
  return `${where}: ${severity}${issueText(issue)}`;
}

/** `path: message (got X)`: an issue without its position (a sweep point's problem). */
export function issueText(issue: ConfigIssue): string {
  const path = issue.path.length > 0 ? `${dotPath(issue.path)}: ` : '';
  const got = 'received' in issue ? ` (got ${showValue(issue.received)})` : '';
  return `${path}${issue.message}${got}`;
}
