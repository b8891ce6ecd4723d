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
 * the values, or a one-line message locating the problem inside the file (`lr.csv:17: column "lr": …`).
 */
export type ReadTable = (request: TableRequest) => Float64Array | { message: string };

/**
 * Replaces every `{ table: file }` value of a validated config (lr, custom u and v, a preset's
 * parameters) by the values `read` returns, in place. Problems are issues at the value's `table`
 * key (`path` prefixed), whose message is the reader's. Without a reader nothing is read: the
 * resolver then names the unread file (schedule-value.ts).
 */
export function readTables(config: ScheduleConfig, path: Path, read: ReadTable | undefined): ConfigIssue[] {
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
    if (got instanceof Float64Array) holder[key] = { ...value, table: got };
    else issues.push({ code: 'table', path: [...at, key, 'table'], message: got.message });
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
