import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCells, csvField, csvFields, csvLine, type CsvCell } from '../../src/io/csv-line.js';
import { parseRfc4180 } from '../support/rfc4180.js';

describe('csvField', () => {
  it('quotes a field with a comma, a quote, CR or LF, doubling the quotes (RFC 4180 §2.6–7)', () => {
    expect(csvField('a"b,c')).toBe('"a""b,c"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('a\\"b')).toBe('"a\\""b"');
  });

  it('leaves other text, numbers and booleans unquoted, and writes null, undefined and non-finite numbers as empty cells', () => {
    expect(['low-pass', 'a b', 'β₁ → ω', ''].map(csvField)).toEqual(['low-pass', 'a b', 'β₁ → ω', '']);
    expect([0.1, -0, 1e21, 5e-324, true, false].map(csvField)).toEqual(['0.1', '0', '1e+21', '5e-324', 'true', 'false']);
    expect([null, undefined, NaN, Infinity, -Infinity].map(csvField)).toEqual(['', '', '', '', '']);
  });
});

// Text with everything CSV must escape, and the characters JSON escapes.
const nastyText = fc.string({ unit: fc.constantFrom('a', 'B', '7', ' ', ',', '"', '\n', '\r', '\\', '\t', '\u0001', 'é', '\u2028', 'null', '-', '.', '_') });
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  nastyText,
  fc.constantFrom('null', 'true', '', 'low-pass'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('csvLine', () => {
  it('the reference reader refuses JSON escaping, which is not RFC 4180', () => {
    expect(() => parseRfc4180('"a\\"b,c",1\n')).toThrow(/text after a closing quote/);
    expect(parseRfc4180('"a""b,c",1\r\nx,\n')).toEqual([['a"b,c', '1'], ['x', '']]);
  });

  it('round-trips any text through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(nastyText, { minLength: 1, maxLength: 6 }), (fields) => {
        const parsed = parseRfc4180(csvLine(fields) + csvLine(fields));
        expect(parsed).toEqual([fields, fields]);
      }),
    );
  });

  it('writes the same text as csvField cell by cell, on its fast path too', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), (cells) => {
        expect(csvFields(cells)).toBe(cells.map(csvField).join(','));
        expect(csvLine(cells)).toBe(`${cells.map(csvField).join(',')}\n`);
      }),
    );
  });

  it('numbers read back as the same doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }), (xs) => {
        const [fields] = parseRfc4180(csvLine(xs));
        expect(fields.map(Number)).toEqual(xs.map((x) => (Object.is(x, -0) ? 0 : x)));
      }),
    );
  });
});

describe('csvCells', () => {
  it('splits at commas outside quotes and unquotes "" (RFC 4180)', () => {
    expect(csvCells('a,,"b,c","d""e"')).toEqual(['a', '', 'b,c', 'd"e']);
    expect(csvCells('')).toEqual(['']);
  });

  it('reads a line as the strict RFC 4180 reader does, for any text without line breaks', () => {
    const oneLine = nastyText.filter((t) => !/[\r\n]/.test(t));
    fc.assert(
      fc.property(fc.array(oneLine, { minLength: 1, maxLength: 6 }), (fields) => {
        const line = csvFields(fields);
        expect(csvCells(line)).toEqual(parseRfc4180(line)[0] ?? ['']);
      }),
    );
  });
});
