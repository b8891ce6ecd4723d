import { describe, expect, it } from 'vitest';
import { jsonArray, jsonNumber, jsonValue } from '../../src/util/json-value.js';

describe('jsonValue (JSON text of plain records: analyze()\'s toJSON and the writers)', () => {
  it('writes numbers as the shortest round-trip decimal, −0 as 0 and non-finite values as null', () => {
    expect([0.1, -0, 1e21, 5e-324, NaN, Infinity, -Infinity].map(jsonNumber)).toEqual(['0.1', '0', '1e+21', '5e-324', 'null', 'null', 'null']);
    expect(jsonNumber(null)).toBe('null');
    expect(jsonNumber(undefined)).toBe('null');
  });

  it('writes typed arrays as arrays, with the same number rules as jsonNumber', () => {
    const x = new Float64Array([1 / 3, -0, NaN, Infinity]);
    expect(jsonArray(x)).toBe('[0.3333333333333333,0,null,null]');
    expect(jsonValue(x)).toBe(jsonArray(x));
    expect(JSON.parse(jsonValue(x))).toEqual([1 / 3, 0, null, null]);
  });

  it('leaves out undefined members, keeps null ones, and quotes keys and strings as JSON does', () => {
    expect(jsonValue({ a: undefined, b: null, 'c"d': 'é\n', e: [1, undefined, true], f: new Int32Array([2, -3]) })).toBe('{"b":null,"c\\"d":"é\\n","e":[1,null,true],"f":[2,-3]}');
  });

  it('agrees with JSON.stringify on every plain value JSON.stringify writes the same way', () => {
    const value = { name: 'x', n: [1, 2.5, -7e-8], nested: { ok: false, list: [[1], []] } };
    expect(jsonValue(value)).toBe(JSON.stringify(value));
  });
});
