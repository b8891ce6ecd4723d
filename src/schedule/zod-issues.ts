import type { z } from 'zod';
import { didYouMean } from '../util/suggest.js';
import type { ConfigIssue } from './issues.js';

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

/**
 * zod issues → ConfigIssues with the words a YAML author understands. `knownKeys(path)` lists the
 * keys allowed at an object path, for "did you mean" on unknown keys.
 */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  basePath: (string | number)[],
  knownKeys: (path: PropertyKey[]) => string[],
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  // One line per bounded value: z.int() adds its own bound (2⁵³ − 1) beside the schema's (steps ≤ 10¹²),
  // so a value past both has two too_big issues; the tighter bound is the one to say.
  const bounds = new Map<string, { at: number; bound: number }>();
  for (const issue of issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])];
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ code: 'unknown_key', path: [...path, key], message: `unknown key${didYouMean(key, knownKeys(issue.path))}` });
        }
        break;
      case 'invalid_type':
        if (input === undefined) out.push({ code: 'missing_key', path, message: `is required (${TYPE_NAMES[issue.expected] ?? issue.expected})` });
        else out.push({ code: 'invalid_type', path, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`, received: input });
        break;
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const inclusive = issue.inclusive !== false;
        const op = issue.code === 'too_small' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
        const what = issue.origin === 'array' ? `must have ${op} ${String(bound)} items` : issue.origin === 'string' ? `must have ${op} ${String(bound)} characters` : `must be ${op} ${String(bound)}`;
        const found: ConfigIssue = { code: issue.code, path, message: what, received: input };
        const key = `${issue.code} ${JSON.stringify(path)}`;
        const before = bounds.get(key);
        const value = Number(bound);
        if (before === undefined) {
          bounds.set(key, { at: out.length, bound: value });
          out.push(found);
        } else if (issue.code === 'too_big' ? value < before.bound : value > before.bound) {
          out[before.at] = found;
          before.bound = value;
        }
        break;
      }
      case 'invalid_value': {
        // An enum (anneal_strategy: cos | linear), in the words of the other messages.
        const values = issue.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
        const strings = issue.values.filter((v): v is string => typeof v === 'string');
        const hint = typeof input === 'string' ? didYouMean(input, strings) : '';
        out.push({ code: 'invalid_value', path, message: `must be ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}${hint}`, received: input });
        break;
      }
      case 'invalid_union': {
        const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
        if (discriminator !== undefined && options !== undefined && issue.errors.length === 0) {
          // A discriminated union (`scheduler:`) whose key is missing or names no option; the input is the mapping.
          const names = `one of ${options.map(String).join(', ')}`;
          const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[discriminator] : input;
          out.push(given === undefined ? { code: 'missing_key', path, message: `is required (${names})` } : { code: 'invalid_value', path, message: `must be ${names}`, received: given });
          break;
        }
        // The one form the value is written in (a list, { piecewise }, { scheduler }) reports its own
        // problems, located inside the value; otherwise the union's message (or the forms' types).
        const form = writtenForm(issue.errors);
        const misspelt = form ? [] : misspeltFormKeys(input, knownKeys(issue.path as PropertyKey[]));
        if (form) out.push(...fromZodIssues(form, path, (at) => knownKeys([...issue.path, ...at])));
        else if (misspelt.length > 0) out.push(...misspelt.map(([key, hint]) => ({ code: 'unknown_key', path: [...path, key], message: `unknown key${hint}` })));
        else if (issue.message === 'Invalid input' && input === undefined) out.push({ code: 'missing_key', path, message: `is required (${formTypes(issue.errors)})` });
        else if (issue.message === 'Invalid input') out.push({ code: 'invalid_type', path, message: `expected ${formTypes(issue.errors)}`, received: input });
        else out.push({ code: issue.code, path, message: issue.message, ...(input !== undefined && typeof input !== 'object' ? { received: input } : {}) });
        break;
      }
      default: {
        // A parameter's bounds (value-schema.ts's scheduled()) come as custom issues that carry their code.
        const code = (issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code) || issue.code;
        out.push({ code, path, message: issue.message, ...(input !== undefined && typeof input !== 'object' ? { received: input } : {}) });
      }
    }
  }
  return out;
}

/**
 * The issues of the only union option whose form the value has: its type matched (no type issue at the
 * value itself) and so did its shape (no required key missing at the top, the key that names the form:
 * `piecewise`, `scheduler`, `table`, whatever its own type). Undefined when no option or several match (`{ foo: 1 }`, `true`).
 */
function writtenForm(options: readonly (readonly ZodIssue[])[]): ZodIssue[] | undefined {
  const matching = options.filter((issues) =>
    issues.every((i) => !(i.code === 'invalid_type' && i.path.length === 0) && !((i.code === 'invalid_type' || i.code === 'invalid_union') && i.path.length === 1 && (i as { input?: unknown }).input === undefined)),
  );
  return matching.length === 1 ? [...matching[0]] : undefined;
}

/**
 * The keys of an object value that no form knows but one form's key is close to (`{ tabel: lr.npy }`:
 * "table"), with their "did you mean": such a value matches no form, and the union's message alone
 * would not say which key is wrong.
 */
function misspeltFormKeys(input: unknown, forms: readonly string[]): [string, string][] {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || forms.length === 0) return [];
  return Object.keys(input)
    .filter((key) => !forms.includes(key))
    .map((key): [string, string] => [key, didYouMean(key, forms)])
    .filter(([, hint]) => hint !== '');
}

/** "a number or a string": the types the union's options expected of the value itself. */
function formTypes(options: readonly (readonly ZodIssue[])[]): string {
  const names = new Set<string>();
  for (const issues of options) {
    for (const i of issues) if (i.code === 'invalid_type' && i.path.length === 0) names.add(TYPE_NAMES[i.expected] ?? i.expected);
  }
  return names.size > 0 ? [...names].join(' or ') : 'another value';
}
