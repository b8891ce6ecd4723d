import { describe, expect, it } from 'vitest';
import { ColumnBuilder, selectColumns } from '../../src/io/trace-columns.js';
import { TraceError } from '../../src/io/trace-error.js';

describe('ColumnBuilder', () => {
  it('gives back exactly the samples pushed, in order, at every length around its block edges', () => {
    // Blocks hold 1024, 2048, … 65 536 samples: lengths on, before and after each edge, and past several full blocks.
    const edges = [1024, 3072, 7168, 15_360, 31_744, 64_512, 130_048, 195_584];
    const lengths = [0, 1, ...edges.flatMap((e) => [e - 1, e, e + 1]), 400_000];
    for (const n of lengths) {
      const builder = new ColumnBuilder();
      const want = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        want[i] = Math.sin(i) * 1e3 + i; // distinct values, so a misplaced sample shows
        builder.push(want[i]);
      }
      expect(builder.length).toBe(n);
      const got = builder.finish();
      expect(got.length, `length ${n}`).toBe(n);
      expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer)), `length ${n}`).toBe(true);
    }
  });

  it('keeps −0, NaN and ±Infinity bit for bit, and finishes again after more samples', () => {
    const builder = new ColumnBuilder();
    for (const v of [-0, NaN, Infinity, -Infinity]) builder.push(v);
    expect([...builder.finish()]).toEqual([-0, NaN, Infinity, -Infinity]);
    builder.push(5);
    expect([...builder.finish()]).toEqual([-0, NaN, Infinity, -Infinity, 5]);
  });
});

describe('selectColumns', () => {
  it('takes names, 0-based indices and digit strings, in the order asked, and names the columns there are when one is unknown', () => {
    const names = ['step', 'w0', 'w1'];
    expect(selectColumns(names, undefined, 'x.csv')).toEqual([0, 1, 2]);
    expect(selectColumns(names, ['w1', 0, '1'], 'x.csv')).toEqual([2, 0, 1]);
    expect(() => selectColumns(names, ['w2'], 'x.csv')).toThrow(TraceError);
    expect(() => selectColumns(names, [3], 'x.csv')).toThrow(TraceError);
  });
});
