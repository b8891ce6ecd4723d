/**
 * Numbers as JSON/CSV text: shortest round-trip decimal (ECMAScript Number::toString), −0 as 0,
 * and non-finite values as JSON null / an empty CSV cell, so output is always valid and identical
 * across runs and machines. The JSON half lives in the core (src/util/json-value.ts).
 */

export function csvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return x === 0 ? '0' : String(x);
}

/** Terminal tables' numbers live in the core (the explore page prints them too). */
export { tableNumber } from '../util/table-number.js';
