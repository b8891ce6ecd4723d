import { z } from 'zod';
import { PRESETS } from './presets/index.js';
import { CustomMomentum, ScheduleShape, type ScheduleConfig } from './schema.js';
import { parseKeyPath } from './key-path.js';
import { schedulerShape } from './schedulers/scheduler-value.js';
import { excerpt, quoted } from '../util/excerpt.js';
import { didYouMean } from '../util/suggest.js';

/**
 * The one path syntax of the config language, for every place a user names a value from outside
 * the file: `--set` (before validation, on the raw mapping), `--grid`, `--solve` and `sweep:` keys
 * (after validation, on the config). Paths are dot paths as the YAML spells them: `steps`,
 * `momentum.c`, `momentum.params.mu`, `momentum.u.piecewise.1.value` (key-path.ts parses them and
 * refuses prototype keys). A bare name is looked up the same way everywhere (`bareNamePath`).
 */

/** A config value that a sweep or tune may set, found from the dot path a user typed. */
export interface SweepTarget {
  /** The path as the YAML spells it (`momentum.c`, `steps`, `momentum.params.mu`): column names use it. */
  column: string;
  /** Where the value lives in the validated config (`momentum.params.c` for a preset's `momentum.c`). */
  configPath: (string | number)[];
  /** The schema each value must pass (the preset's or the config language's own). */
  schema: z.ZodType;
  /** The schema accepts only integers (steps, stages, stageLength). */
  integer: boolean;
  /** The config's value there, when it is a number. */
  current?: number;
}

const SCHEDULE_NUMBERS = ['steps', 'stages', 'stageLength'] as const;
/** Schedule keys that hold a value (a number or a schedule: schema.ts ScheduleValue). */
const SCHEDULE_VALUES = ['lr'] as const;
const NOT_NUMERIC = new Set(['name', 'description', 'sweep']);

/** What a bare name can mean in one schedule: its preset's parameters, or its custom `params` and u / v. */
export type NameScope = { preset: string } | { customParams: string[] };

/**
 * A bare name → its full path, in this order: the schedule's own keys (steps, stages, stageLength,
 * lr, name, description, sweep, momentum), the preset's parameters (`beta` → momentum.beta), the custom
 * `params` entries (`mu` → momentum.params.mu), then custom `u` / `v`. Otherwise a one-line reason
 * listing the names that work there (`verb`: "sweepable", "settable").
 */
export function bareNamePath(name: string, scope: NameScope, verb: string): string[] | { error: string } {
  if ((SCHEDULE_NUMBERS as readonly string[]).includes(name) || (SCHEDULE_VALUES as readonly string[]).includes(name) || NOT_NUMERIC.has(name) || name === 'momentum') return [name];
  const candidates: string[] = [...SCHEDULE_NUMBERS, ...SCHEDULE_VALUES];
  if ('preset' in scope) {
    const params = Object.keys(PRESETS.get(scope.preset)!.params.shape);
    if (params.includes(name)) return ['momentum', name];
    candidates.push(...params);
  } else {
    if (scope.customParams.includes(name)) return ['momentum', 'params', name];
    if (name === 'u' || name === 'v') return ['momentum', name];
    candidates.push('u', 'v', ...scope.customParams);
  }
  return { error: `unknown parameter ${quoted(name)}${didYouMean(name, candidates)} (${verb} here: ${candidates.join(', ')})` };
}

/** The scope of a validated config. */
function configScope(config: ScheduleConfig): NameScope {
  const { momentum } = config;
  return momentum.preset !== undefined ? { preset: momentum.preset } : { customParams: Object.keys(momentum.custom.params ?? {}) };
}

/**
 * The scope of a raw schedule mapping (before validation), or undefined when its momentum block
 * names no known preset and is no custom block: then a bare name is left as written, and validation
 * reports the block.
 */
function documentScope(schedule: unknown): NameScope | undefined {
  const momentum = isMapping(schedule) && Object.hasOwn(schedule, 'momentum') ? schedule.momentum : undefined;
  if (!isMapping(momentum)) return undefined;
  if (Object.hasOwn(momentum, 'preset')) return typeof momentum.preset === 'string' && PRESETS.has(momentum.preset) ? { preset: momentum.preset } : undefined;
  const params = Object.hasOwn(momentum, 'params') ? momentum.params : undefined;
  return { customParams: isMapping(params) ? Object.keys(params) : [] };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `--set`: sets `path` (a bare name resolved against this schedule, see bareNamePath) to a copy of
 * `value` in the raw schedule mapping `root`, creating mappings on the way. Mutates `root`; returns
 * the full path set, or why the bare name means nothing here. Paths come from parseKeyPath, which
 * refused prototype keys.
 */
export function applyOverride(root: Record<string, unknown>, path: readonly string[], value: unknown): string[] | { error: string } {
  let full = [...path];
  if (path.length === 1) {
    const scope = documentScope(root);
    if (scope !== undefined) {
      const expanded = bareNamePath(path[0], scope, 'settable');
      if ('error' in expanded) return expanded;
      full = expanded;
    }
  }
  let node: Record<string, unknown> = root;
  for (let i = 0; i < full.length; i++) {
    const key = full[i];
    if (Array.isArray(node)) {
      const problem = listIndexProblem(node, key, full.slice(0, i));
      if (problem) return { error: problem };
    }
    if (i === full.length - 1) break;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[full[full.length - 1]] = structuredClone(value);
  return full;
}

/**
 * Why `key` names no entry of the list at `at` (an override replaces entries; it never adds one, which
 * would leave holes before it), or undefined for an index 0 … length − 1.
 */
function listIndexProblem(list: unknown[], key: string, at: readonly string[]): string | undefined {
  if (/^(0|[1-9]\d*)$/.test(key) && Number(key) < list.length) return undefined;
  const name = at.join('.');
  const entries = list.length === 1 ? '1 entry (index 0)' : `${list.length} entries (indexes 0–${list.length - 1})`;
  const has = list.length === 0 ? 'is an empty list' : `has ${entries}`;
  return `${name} ${has}; to add or remove entries, set the whole list (${name}=[…])`;
}

/**
 * `c`, `momentum.c`, `momentum.params.mu`, `momentum.u.piecewise.1.value`, `stages` → the target,
 * or a one-line reason it is not a sweepable number. A bare name is a schedule key (steps, stages,
 * stageLength), else a preset parameter, else a custom `params` entry (or custom u / v).
 */
export function sweepTarget(config: ScheduleConfig, text: string): SweepTarget | { error: string } {
  const parsed = parseKeyPath(text);
  if ('error' in parsed) return parsed;
  const keys = parsed.path;
  const path = excerpt(keys.join('.'));
  const expanded = keys.length === 1 ? bareNamePath(keys[0], configScope(config), 'sweepable') : keys;
  if ('error' in expanded) return expanded;
  const [head, ...rest] = expanded;
  if (head !== 'momentum') {
    if ((SCHEDULE_NUMBERS as readonly string[]).includes(head) && rest.length === 0) {
      return finish(config, head, [head], ScheduleShape.shape[head as (typeof SCHEDULE_NUMBERS)[number]]);
    }
    if ((SCHEDULE_VALUES as readonly string[]).includes(head)) return valueTarget(config, path, [head], rest, ScheduleShape.shape.lr, config.lr, [head]);
    if (NOT_NUMERIC.has(head)) return { error: `${path}: not a numeric value` };
    return { error: `${path}: unknown key${didYouMean(head, [...SCHEDULE_NUMBERS, ...SCHEDULE_VALUES, 'momentum'])}` };
  }
  const { momentum } = config;
  if (momentum.preset !== undefined) {
    const preset = PRESETS.get(momentum.preset)!;
    const shape = preset.params.shape as Record<string, z.ZodType>;
    if (rest.length === 1 && rest[0] === 'preset') return { error: `${path}: the preset is a name, not a numeric value` };
    // Inside a parameter written as a value (momentum.beta.gamma of a scheduled beta).
    if (rest.length > 1 && Object.hasOwn(shape, rest[0]) && Object.hasOwn(momentum.params, rest[0])) {
      const params = momentum.params as Record<string, unknown>;
      return valueTarget(config, path, ['momentum', rest[0]], rest.slice(1), shape[rest[0]], params[rest[0]], ['momentum', 'params', rest[0]]);
    }
    if (rest.length !== 1 || !Object.hasOwn(shape, rest[0])) {
      const name = rest.join('.');
      return { error: `${path}: preset ${preset.name} has no parameter ${quoted(name)}${didYouMean(name, Object.keys(shape))} (its parameters: ${Object.keys(shape).join(', ')})` };
    }
    return finish(config, `momentum.${rest[0]}`, ['momentum', 'params', rest[0]], shape[rest[0]]);
  }
  return valueTarget(config, path, ['momentum'], rest, CustomMomentum, momentum.custom, ['momentum', 'custom']);
}

/**
 * Walks a value and its schema together from `head` (the custom momentum block, or a schedule
 * value such as `lr`), so list indices, params and piecewise segments must exist.
 */
function valueTarget(
  config: ScheduleConfig,
  path: string,
  head: string[],
  rest: string[],
  start: z.ZodType,
  at: unknown,
  from: (string | number)[],
): SweepTarget | { error: string } {
  let schema: z.ZodType = start;
  let value: unknown = at;
  const configPath: (string | number)[] = [...from];
  for (const key of rest) {
    let n = unwrap(schema);
    if (n instanceof z.ZodUnion) {
      // A coefficient is a number/expression, a per-stage list or { piecewise }: follow the form used.
      const isList = Array.isArray(value);
      const isObject = !isList && typeof value === 'object' && value !== null;
      // A { scheduler: … } value is walked with its scheduler's own kwargs (lr.max_lr).
      const named = isObject ? (value as { scheduler?: unknown }).scheduler : undefined;
      if (isObject && 'table' in (value as object)) {
        return { error: `${path}: ${[...head, ...configPath.slice(from.length)].join('.')} is a table, read from its file once: it has no number to sweep` };
      }
      const option =
        typeof named === 'string'
          ? schedulerShape(named)
          : (n.options as z.ZodType[]).map(unwrap).find((o) => (isList ? o instanceof z.ZodArray : isObject && o instanceof z.ZodObject));
      if (!option) return { error: `${path}: ${[...head, ...configPath.slice(from.length)].join('.')} is a single value; sweep it without ".${excerpt(key)}"` };
      n = option;
    }
    if (n instanceof z.ZodObject) {
      const shape = n.shape as Record<string, z.ZodType>;
      if (!Object.hasOwn(shape, key)) return { error: `${path}: unknown key ${quoted(key)}${didYouMean(key, Object.keys(shape))}` };
      schema = shape[key];
      value = (value as Record<string, unknown> | undefined)?.[key];
      configPath.push(key);
    } else if (n instanceof z.ZodRecord) {
      const known = Object.keys((value as Record<string, unknown> | undefined) ?? {});
      if (!known.includes(key)) return { error: `${path}: no such entry ${quoted(key)}${didYouMean(key, known)}${known.length ? ` (known: ${known.join(', ')})` : ' (the block is empty)'}` };
      schema = n.valueType as z.ZodType;
      value = (value as Record<string, unknown>)[key];
      configPath.push(key);
    } else if (n instanceof z.ZodArray) {
      const list = value as unknown[];
      const i = Number(key);
      if (!/^\d+$/.test(key) || i >= list.length) return { error: `${path}: ${quoted(key)} is not an index of this list (0..${list.length - 1})` };
      schema = n.element as z.ZodType;
      value = list[i];
      configPath.push(i);
    } else {
      return { error: `${path}: ${quoted(key)} is below a single value` };
    }
  }
  return finish(config, [...head, ...rest].join('.'), configPath, schema);
}

function finish(config: ScheduleConfig, column: string, configPath: (string | number)[], schema: z.ZodType): SweepTarget | { error: string } {
  const probe = schema.safeParse(1);
  if (!probe.success && probe.error.issues.every((i) => i.code === 'invalid_type')) return { error: `${column}: not a numeric value` };
  const leaf = unwrap(schema) as { isInt?: boolean };
  const current = valueAt(config, configPath);
  return { column, configPath, schema, integer: leaf.isInt === true, ...(typeof current === 'number' ? { current } : {}) };
}

/** The value at a path of a plain object, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function unwrap(s: z.ZodType): z.ZodType {
  let node = s;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return node;
}
