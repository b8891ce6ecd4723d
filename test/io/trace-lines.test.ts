import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLine, forEachLineBytes, LineTooLongError, MAX_LINE_CHARS } from '../../src/io/trace-lines.js';

/** The bytes cut at the given offsets, as a reader hands them over. */
const cut = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const edges = [0, ...[...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b), bytes.length];
  return edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
};

/** Reference: the lines of the whole text, split by hand (leading BOM dropped, '\r' before '\n' dropped). */
const reference = (text: string): string[] => {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (body.endsWith('\n')) lines.pop(); // a final line break ends the last line; it starts none
  return lines;
};

describe('forEachLineBytes and forEachLine', () => {
  const text = fc.tuple(fc.boolean(), fc.array(fc.constantFrom('a', '1', ',', ' ', '\r', '\n', '\r\n', 'é', '😀', '\uFEFF'), { maxLength: 60 })).map(([bom, parts]) => `${bom ? '\uFEFF' : ''}${parts.join('')}`);

  it('give the lines of the whole text with their numbers, however the bytes are chunked, with or without a fast reader taking some', () => {
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (s, cuts, fast) => {
      const chunks = cut(new TextEncoder().encode(s), cuts);
      const got: string[] = [];
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      // A fast reader that takes the lines starting with 'a' (and stops at any other).
      const readLines = (b: Uint8Array, start: number, end: number, firstLine: number) => {
        let p = start, lines = 0;
        while (p < end && b[p] === 97) {
          const nl = b.indexOf(10, p);
          got[firstLine + lines - 1] = decoder.decode(b.subarray(p, nl > p && b[nl - 1] === 13 ? nl - 1 : nl));
          lines++;
          p = nl + 1;
        }
        return { next: p, lines };
      };
      forEachLineBytes(chunks, (b, start, end, n) => { got[n - 1] = decoder.decode(b.subarray(start, end)); }, fast ? readLines : undefined);
      expect(got).toEqual(reference(s));
      const strings: string[] = [];
      forEachLine(chunks, (line, n) => { strings[n - 1] = line; });
      expect(strings).toEqual(reference(s));
    }), { numRuns: 500 });
  });

  it('refuses a line longer than MAX_LINE_CHARS characters, naming its number', () => {
    const chunk = new Uint8Array(1 << 20).fill(120);
    const endless = function* () { yield new TextEncoder().encode('ok\n'); for (;;) yield chunk; };
    expect(() => forEachLineBytes(endless(), () => {})).toThrow(LineTooLongError);
    expect(() => forEachLineBytes(endless(), () => {})).toThrow(`line 2 is longer than ${MAX_LINE_CHARS} characters`);
  });
});
