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
        out.push({ code: issue.code, path, message: what, received: Array.isArray(input) ? input : input });
        break;
      }
      default:
        out.push({ code: issue.code, path, message: issue.message, ...(input !== undefined && typeof input !== 'object' ? { received: input } : {}) });
    }
  }
  return out;
}
