/**
 * Numbers as JSON text: shortest round-trip decimal (ECMAScript Number::toString), −0 as 0, and
 * non-finite values as null, so output is always valid and identical across runs and machines.
 * Pure (no I/O): analyze()'s toJSON and the writers of src/io share it.
 */
export function jsonNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'null';
  return x === 0 ? '0' : String(x);
}

/** JSON.stringify already writes NaN/±Infinity as null and −0 as 0, and its number formatting is
 *  about twice as fast as String(x) per element, which dominates the cost of a large analysis. */
export function jsonArray(values: ArrayLike<number>): string {
  return JSON.stringify(Array.from(values));
}

/** JSON for plain records: typed arrays become arrays, non-finite numbers become null. */
export function jsonValue(value: unknown): string {
  if (typeof value === 'number') return jsonNumber(value);
  if (value === null || value === undefined) return 'null';
  if (ArrayBuffer.isView(value)) return jsonArray(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return `[${value.map(jsonValue).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${JSON.stringify(k)}:${jsonValue(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}
