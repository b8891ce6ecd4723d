import type { ConfigIssue } from './issues.js';
import { LIMITS } from './limits.js';
import { isTable } from './schedule-value.js';
import type { ScheduleConfig } from './schema.js';

type Path = (string | number)[];

/** What a `{ table: file, column }` value asks the reader for: `steps` bounds what it may hold. */
export interface TableRequest {
  /** The file as written in the config (relative to the config file). */
  file: string;
  column?: string | number;
  /** The schedule's steps: the table must have exactly this many values. */
  steps: number;
}

/**
 * Reads a table file (an edge: src/io/read-table.ts' tableReader); the core never does I/O. Returns
 * the values (with `place(step)`, the file's own place of a step's value, `lr.csv:72`, when known),
 * or a one-line message locating the problem inside the file (`lr.csv:17: column "lr": …`).
 */
export type ReadTable = (request: TableRequest) => Float64Array | { values: Float64Array; place(step: number): string } | { message: string };

/** Where a table read from a file sits in the config (its key path) and each of its steps in the file. */
export interface TablePlace {
  path: Path;
  place(step: number): string;
}

/**
 * Issues about a table's values at a step (a bound, `lr: must be ≥ 0 at step 71`) moved to its
 * `table` key and prefixed with the file's own place of that step (`lr.table: lr.csv:72: …`).
 */
export function placeTableIssues(issues: readonly ConfigIssue[], places: readonly TablePlace[]): ConfigIssue[] {
  if (places.length === 0) return [...issues];
  return issues.map((issue) => {
    const step = issue.step;
    const table = step === undefined ? undefined : places.find((p) => p.path.length === issue.path.length && p.path.every((k, i) => k === issue.path[i]));
    if (table === undefined) return issue;
    return { ...issue, path: [...issue.path, 'table'], message: `${table.place(step!)}: ${issue.message}` };
  });
}

/**
 * Replaces every `{ table: file }` value of a validated config (lr, custom u and v, a preset's
 * parameters) by the values `read` returns, in place. Problems are issues at the value's `table`
 * key (`path` prefixed), whose message is the reader's. Without a reader nothing is read: the
 * resolver then names the unread file (schedule-value.ts). `places` collects where each table read
 * sits, for placeTableIssues.
 */
export function readTables(config: ScheduleConfig, path: Path, read: ReadTable | undefined, places: TablePlace[] = []): ConfigIssue[] {
  if (read === undefined) return [];
  const issues: ConfigIssue[] = [];
  const load = (holder: Record<string, unknown>, key: string, at: Path): void => {
    const value = holder[key];
    if (!isTable(value) || typeof value.table !== 'string') return;
    if (config.steps > LIMITS.maxStages) {
      // Checked before the file is opened: a table holds one value per step.
      issues.push({ code: 'too_big', path: [...at, key, 'table'], message: `a table holds one value per step: at most ${LIMITS.maxStages} steps (got ${config.steps})` });
      return;
    }
    const got = read({ file: value.table, column: value.column, steps: config.steps });
    const { column } = value;
    const source = `${value.table}${column === undefined ? '' : `: column ${typeof column === 'number' ? column : JSON.stringify(column)}`}`;
    if (got instanceof Float64Array) holder[key] = { ...value, table: got, source };
    else if ('values' in got) {
      holder[key] = { ...value, table: got.values, source };
      places.push({ path: [...at, key], place: got.place });
    } else issues.push({ code: 'table', path: [...at, key, 'table'], message: got.message });
  };
  load(config as unknown as Record<string, unknown>, 'lr', path);
  const { momentum } = config;
  if (momentum.preset === undefined) {
    for (const key of ['u', 'v']) load(momentum.custom as unknown as Record<string, unknown>, key, [...path, 'momentum']);
  } else {
    for (const key of Object.keys(momentum.params)) load(momentum.params, key, [...path, 'momentum']);
  }
  return issues;
}
