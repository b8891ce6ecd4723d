import { excerpt } from '../util/excerpt.js';
import type { ConfigIssue } from './issues.js';
import { isPrototypeKey, prototypeKeyMessage } from './key-path.js';
import { LIMITS } from './limits.js';

type Path = (string | number)[];

/** Most values (scalars, lists, mappings) one config may hold: a per-stage list of maxStages, twice over. */
const MAX_VALUES = 2 * LIMITS.maxStages + 10_000;
/** The walk stops after this many problems (a million bad list items need not be a million lines). */
const MAX_ISSUES = 100;

/**
 * A config value (from YAML, or an object a library user passes) → a fresh copy made only of plain
 * data: null, booleans, numbers, strings, arrays and plain objects (typed arrays become arrays;
 * properties that are undefined are dropped, as JSON does). Problems come back as issues with key
 * paths: other kinds of value (functions, Dates, Maps, YAML's !!set and !!binary), values that
 * contain themselves (`a: &a [*a]`), nesting deeper than LIMITS.maxDepth, more than MAX_VALUES
 * values (a shared sub-object counts once per place it appears), prototype keys, and getters that
 * throw. The copy never shares objects with the input, so later steps may modify it.
 */
export function plainConfig(input: unknown): { value: unknown; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const ancestors = new Set<object>();
  let count = 0;
  let stopped = false;
  // The key path of the value being copied, pushed and popped around each child (no array per value).
  const at: Path = [];
  const report = (issue: Omit<ConfigIssue, 'path'>, key?: string) => {
    issues.push({ ...issue, path: key === undefined ? [...at] : [...at, key] } as ConfigIssue);
    if (issues.length >= MAX_ISSUES) stopped = true;
  };

  const copy = (value: unknown, depth: number): unknown => {
    if (stopped) return undefined;
    if (++count > MAX_VALUES) {
      report({ code: 'too_big', message: `the config holds more than ${MAX_VALUES} values` });
      stopped = true;
      return undefined;
    }
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
    if (value === undefined) return undefined;
    if (typeof value !== 'object') {
      report({ code: 'invalid_type', message: `expected a number, a string, a list or a mapping (got a ${typeof value})` });
      return undefined;
    }
    if (ancestors.has(value)) {
      report({ code: 'cycle', message: 'the value contains itself (an alias inside its own anchor?)' });
      return undefined;
    }
    if (depth >= LIMITS.maxDepth) {
      report({ code: 'too_deep', message: `nesting deeper than ${LIMITS.maxDepth} levels` });
      stopped = true;
      return undefined;
    }
    // Proxies and getters run user code: anything may throw while reading.
    const mark = at.length;
    try {
      if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof Uint8Array)) {
        return Array.from(value as unknown as ArrayLike<number | bigint>);
      }
      const proto = Object.getPrototypeOf(value);
      const isArray = Array.isArray(value);
      if (!isArray && proto !== Object.prototype && proto !== null) {
        const kind = (proto as { constructor?: { name?: unknown } })?.constructor?.name;
        report({ code: 'invalid_type', message: `expected a number, a string, a list or a mapping (got ${typeof kind === 'string' && kind ? `a ${excerpt(kind)}` : 'an object'})` });
        return undefined;
      }
      ancestors.add(value);
      if (isArray) {
        const list = value as unknown[];
        const out: unknown[] = new Array(list.length);
        for (let i = 0; i < list.length && !stopped; i++) {
          at.push(i);
          out[i] = copy(list[i], depth + 1);
          at.pop();
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (stopped) break;
        if (isPrototypeKey(key)) {
          report({ code: 'reserved_key', message: prototypeKeyMessage(key) }, key);
          continue;
        }
        at.push(key);
        const v = copy((value as Record<string, unknown>)[key], depth + 1);
        at.pop();
        if (v !== undefined) out[key] = v;
      }
      return out;
    } catch (err) {
      report({ code: 'invalid_type', message: 'cannot be read (a getter or proxy threw)' });
      at.length = mark;
      return undefined;
    } finally {
      ancestors.delete(value);
    }
  };
  const value = copy(input, 0);
  return { value, issues };
}
