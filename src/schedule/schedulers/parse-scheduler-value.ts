import { didYouMean } from '../../util/suggest.js';
import type { ConfigIssue } from '../issues.js';
import { fromZodIssues } from '../zod-issues.js';
import { PER_GROUP_KWARGS, TABLE_WORKAROUND, UNMODELLED_SCHEDULERS } from './scheduler-keys.js';
import { SCHEDULER_NAMES, SEQUENTIAL_CHILD_NAMES, type SchedulerSpec, SchedulerValue, schedulerKeys } from './scheduler-value.js';

type Path = readonly (string | number)[];

/**
 * A `{ scheduler: … }` value → its spec with torch's defaults, or issues in the words of plan §1.6:
 * an unknown name with "did you mean" (`unknown_scheduler`), a list where torch takes one value per
 * parameter group (`scheduler_arg`: the model has one group), and zod's issues with the keys each
 * scheduler accepts for "did you mean" on unknown keys. Paths are below `path`.
 */
export function parseSchedulerValue(input: unknown, path: Path): { spec: SchedulerSpec } | { issues: ConfigIssue[] } {
  const pre = nameAndListIssues(input, [...path], false);
  if (pre.length > 0) return { issues: pre };
  const parsed = SchedulerValue.safeParse(input, { reportInput: true });
  if (parsed.success) return { spec: parsed.data as SchedulerSpec };
  // In the order the kwargs are written (zod's follows the schema's keys).
  const written = typeof input === 'object' && input !== null ? Object.keys(input) : [];
  const rank = (i: ConfigIssue) => {
    const r = written.indexOf(String(i.path[path.length]));
    return r < 0 ? written.length : r;
  };
  return { issues: fromZodIssues(parsed.error.issues, [...path], (at) => knownKeysAt(input, at)).map(baseHint).sort((a, b) => rank(a) - rank(b)) };
}

/** A missing `base` says what it is: the value the optimizer was built with (its `lr=` for lr). */
function baseHint(issue: ConfigIssue): ConfigIssue {
  if (issue.code !== 'missing_key' || issue.path.at(-1) !== 'base') return issue;
  const value = issue.path[0] === 'lr' ? 'the lr= you gave the optimizer' : "the optimizer's own value of it";
  return { ...issue, message: `is required (a number): ${value} (torch's initial_lr), which the scheduler scales` };
}

/** The scheduler's name (a SequentialLR child's among the sequenceable ones) and the per-group kwargs given as lists. */
function nameAndListIssues(input: unknown, path: (string | number)[], asChild: boolean): ConfigIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const value = input as Record<string, unknown>;
  const name = value.scheduler;
  const names = asChild ? SEQUENTIAL_CHILD_NAMES : SCHEDULER_NAMES;
  if (typeof name === 'string' && !names.includes(name)) {
    const nested = asChild && SCHEDULER_NAMES.includes(name);
    const unmodelled = Object.hasOwn(UNMODELLED_SCHEDULERS, name) ? UNMODELLED_SCHEDULERS[name] : undefined;
    const message = nested
      ? `${name} cannot be a SequentialLR child`
      : unmodelled
        ? `${name} cannot be modelled: ${unmodelled}; ${TABLE_WORKAROUND}`
        : `unknown scheduler${didYouMean(name, names)}`;
    return [{ code: 'unknown_scheduler', path: [...path, 'scheduler'], message, received: name }];
  }
  const out: ConfigIssue[] = [];
  for (const key of PER_GROUP_KWARGS) {
    if (Array.isArray(value[key])) {
      out.push({ code: 'scheduler_arg', path: [...path, key], message: 'one parameter group: give one number (torch takes a list as one value per group)', received: value[key] });
    }
  }
  if (name === 'SequentialLR' && Array.isArray(value.schedulers)) {
    value.schedulers.forEach((child, i) => out.push(...nameAndListIssues(child, [...path, 'schedulers', i], true)));
  }
  return out;
}

/** The keys the scheduler named at `at` (inside `input`) accepts. */
function knownKeysAt(input: unknown, at: PropertyKey[]): string[] {
  let node: unknown = input;
  for (const key of at) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  const name = (node as { scheduler?: unknown } | undefined)?.scheduler;
  return typeof name === 'string' ? schedulerKeys(name, at.length > 0) : [];
}
