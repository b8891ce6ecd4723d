import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceError } from '../../src/io/trace-error.js';
import { parseCsvTrace } from '../../src/io/trace-csv.js';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The bytes cut at the given offsets (sorted, unique, inside), as a reader hands them over. */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const edges = [0, ...[...new Set(cuts.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b), bytes.length];
  return edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
}

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => x.toPrecision(17)),
  fc.double({ min: -1, max: 1, noNaN: true }).map((x) => x.toExponential(5)),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('.5', '-0', '5.', '1e22', '4.9e-324', '9007199254740993'),
);
/** A cell as users write them: a number, sometimes padded with blanks or quoted, or empty. */
const cell = fc.tuple(number, fc.constantFrom('', '', '', ' ', '\t'), fc.nat(20)).map(([n, pad, r]) => (r === 0 ? '' : r === 1 ? `"${n}"` : `${pad}${n}${pad}`));

describe('parseCsvTrace: values exactly as Number() reads each cell, however the bytes arrive', () => {
  it('reads random tables (padding, quotes, empty cells, CRLF, BOM, comments) cut into random chunks', () => {
    const table = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 30 })).chain(([w, h]) =>
      fc.tuple(fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 })));
    fc.assert(fc.property(table, ([rows, crlf, bom, cuts]) => {
      const width = rows[0].length;
      const eol = crlf ? '\r\n' : '\n';
      const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
      const text = `${bom ? '\uFEFF' : ''}${header}${eol}# a comment${eol}${rows.map((r) => r.join(',')).join(`${eol}${eol}`.slice(0, eol.length * (1 + (rows.length % 2))))}${eol}`;
      // Reference: split by hand, Number() of each trimmed, unquoted cell; empty cells are skipped.
      const want = Array.from({ length: width }, (_, c) => rows.map((r) => r[c].replace(/"/g, '').trim()).filter((s) => s !== '').map(Number));
      const bytes = encode(text);
      let got;
      try {
        got = parseCsvTrace(cut(bytes, cuts), 'x.csv', { nonfinite: 'keep' });
      } catch (error) {
        // Gaps (an empty cell between two values) are 'uneven-steps' errors; the reference has no rows API for them.
        expect((error as TraceError).code, String(error)).toMatch(/uneven-steps|empty/);
        return;
      }
      for (const s of got) {
        const c = Number(s.name.slice(1));
        expect(Array.from(s.values).map((v) => Object.is(v, -0) ? '-0' : v), s.name).toEqual(want[c].map((v) => Object.is(v, -0) ? '-0' : v));
      }
    }), { numRuns: 400 });
  });

  it('names the line of an error after many fast rows, whatever the chunking (line numbers survive the fast path)', () => {
    const lines = ['step,g,label'];
    for (let i = 1; i <= 2000; i++) lines.push(`${i},${Math.sin(i)},x`);
    lines.push('2001,oops,x');
    const bytes = encode(lines.join('\r\n'));
    for (const size of [7, 64, 1000, bytes.length]) {
      const chunks = cut(bytes, Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size));
      expect(() => parseCsvTrace(chunks, 'x.csv', { columns: ['g'] })).toThrow('x.csv:2002: column "g": expected a number (got "oops")');
    }
  });

  it('refuses a non-finite sample on a fast row, naming it as written, and steps that are not numbers', () => {
    expect(() => parseCsvTrace([encode('g\n1\n2\n-Infinity\n')], 'x.csv')).toThrow('x.csv:4: column "g": non-finite sample (got -Infinity)');
    expect(() => parseCsvTrace([encode('step,g\n1,1\nnan,2\n')], 'x.csv')).toThrow('x.csv:3: step column "step": expected a finite number (got "nan")');
    expect(() => parseCsvTrace([encode('a,b\n1,2\n3,4,5\n')], 'x.csv')).toThrow('x.csv:3: expected 2 cells like the first row, found 3');
    expect(() => parseCsvTrace([encode('a,b\n1,2\n3\n')], 'x.csv')).toThrow('x.csv:3: expected 2 cells like the first row, found 1');
  });
});
