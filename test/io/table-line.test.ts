import { describe, expect, it } from 'vitest';
import { tableLine } from '../../src/io/table-line.js';

describe('tableLine', () => {
  it('pads each cell to its width, right-aligned unless listed as left, one space between, no trailing blanks', () => {
    expect(tableLine(['0', '1–390', '0.9', ''], [6, 17, 10, 4], new Set([1]))).toBe(`${' '.repeat(5)}0 1–390${' '.repeat(12)} ${' '.repeat(7)}0.9`);
    expect(tableLine(['a', 'b'], [3, 3])).toBe('  a   b');
  });

  it('lets a cell wider than its column push the rest right instead of cutting it', () => {
    expect(tableLine(['frequency', 'a-long-series-name', 'x'], [6, 4, 2])).toBe('frequency a-long-series-name  x');
  });
});
