import { documentHeader } from '../tool.js';
import { jsonValue } from './json-value.js';

/** Where a document's text goes: a TextSink, or anything with the same `write`. */
export interface TextTarget {
  write(text: string): Promise<void> | void;
}

/**
 * The opening of every JSON document the tool writes, up to (not including) the separator of the
 * next key: `{\n  "schemaVersion": 1,\n  "tool": {"name":…,"version":…}`, the keys of
 * documentHeader() in its order. `jsonDocument(…).header()` writes it, and the sweep (whose rows
 * are formatted elsewhere) prefixes it.
 */
export function documentOpening(): string {
  return `{${Object.entries(documentHeader()).map(([key, value]) => `\n  ${JSON.stringify(key)}: ${jsonValue(value)}`).join(',')}`;
}

/** A value given as JSON text already formatted (a `jsonArray` of a large typed array, a hand-spaced record). */
export class JsonText {
  constructor(readonly json: string) {}
}

export function jsonText(json: string): JsonText {
  return new JsonText(json);
}

/** Compact JSON of a value as the documents write it (typed arrays as arrays, non-finite as null). */
function text(value: unknown): string {
  return value instanceof JsonText ? value.json : jsonValue(value);
}

interface Level {
  kind: 'object' | 'array';
  items: number;
}

/**
 * A JSON document written as it is produced, so a result larger than memory streams through:
 *
 * ```
 * {
 *   "schemaVersion": 1,
 *   "tool": {"name":"momentum-fr","version":"…"},
 *   "key": value,
 *   "list": [
 *     {"one":"record","per":"line"},
 *     …
 *   ]
 * }
 * ```
 *
 * Containers (`object`, `array`) open on their own line and indent by two spaces per level; a
 * `record` or `field` value is compact JSON on one line (diffs and `grep` work per record). An
 * empty container closes on the same line (`[]`). `header()` writes `documentOpening()` once;
 * every command's JSON starts with it.
 */
export interface JsonDocument {
  /** `{`, then `schemaVersion` and `tool`. Call once, first. */
  header(): Promise<void> | void;
  /** A key and its compact value, in the current object. */
  field(key: string, value: unknown): Promise<void> | void;
  /** Opens an array: under `key` in an object, or as the next element of an array (no key). */
  array(key?: string): Promise<void> | void;
  /** Opens an object: under `key` in an object, or as the next element of an array (no key). */
  object(key?: string): Promise<void> | void;
  /** One element of the current array, compact on one line. */
  record(value: unknown): Promise<void> | void;
  /** Elements of the current array given as compact JSON texts, in one write (many small records). */
  records(jsons: readonly string[]): Promise<void> | void;
  /** Closes the innermost open array or object. */
  close(): Promise<void> | void;
  /** Closes every open container and the document, ending with a newline. */
  end(): Promise<void> | void;
}

export function jsonDocument(target: TextTarget): JsonDocument {
  const stack: Level[] = [];
  const indent = () => '  '.repeat(stack.length);
  // The separator and indentation before the next item of the innermost container.
  const next = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('jsonDocument: header() first');
    return `${top.items++ > 0 ? ',' : ''}\n${indent()}`;
  };
  const keyed = (key: string | undefined): string => {
    const top = stack[stack.length - 1];
    if ((key === undefined) !== (top?.kind === 'array')) throw new Error(`jsonDocument: ${key === undefined ? 'an object member needs a key' : 'array elements have no key'}`);
    return `${next()}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
  };
  const open = (kind: Level['kind'], key: string | undefined) => {
    const head = `${keyed(key)}${kind === 'array' ? '[' : '{'}`;
    stack.push({ kind, items: 0 });
    return target.write(head);
  };
  const closing = (): string => {
    const top = stack.pop()!;
    return `${top.items > 0 ? `\n${indent()}` : ''}${top.kind === 'array' ? ']' : '}'}`;
  };
  return {
    header: () => {
      if (stack.length > 0) throw new Error('jsonDocument: header() written twice');
      stack.push({ kind: 'object', items: 2 });
      return target.write(documentOpening());
    },
    field: (key, value) => target.write(`${keyed(key)}${text(value)}`),
    array: (key) => open('array', key),
    object: (key) => open('object', key),
    record: (value) => target.write(`${keyed(undefined)}${text(value)}`),
    records: (jsons) => {
      let out = '';
      for (const json of jsons) out += `${keyed(undefined)}${json}`;
      return target.write(out);
    },
    close: () => target.write(closing()),
    end: () => {
      let tail = '';
      while (stack.length > 0) tail += closing();
      return target.write(`${tail}\n`);
    },
  };
}
