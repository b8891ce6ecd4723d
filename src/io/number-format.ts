/**
 * Numbers as JSON/CSV text: shortest round-trip decimal (ECMAScript Number::toString), −0 as 0,
 * and non-finite values as JSON null / an empty CSV cell, so output is always valid and identical
 * across runs and machines. The JSON half and terminal tables' numbers live in the core
 * (src/util/json-value.ts, src/util/table-number.ts), which the explore page shares.
 */

export function csvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return x === 0 ? '0' : String(x);
}

