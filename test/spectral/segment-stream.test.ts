import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentStream, streamSegments } from '../../src/spectral/segment-stream.js';

/** The signal cut at the given offsets, as a reader hands it over. */
const cut = (x: Float64Array, cuts: number[]): Float64Array[] => {
  const edges = [0, ...[...new Set(cuts.map((c) => c % (x.length + 1)))].sort((a, b) => a - b), x.length];
  return edges.slice(1).map((end, i) => x.slice(edges[i], end));
};

describe('SegmentStream', () => {
  it('hands over exactly the segments x[s·step, s·step + nperseg) of the whole signal, however it is chunked', () => {
    const input = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 300 }), fc.array(fc.nat(), { maxLength: 30 }));
    fc.assert(fc.property(input, ([nperseg, overlap, n, cuts]) => {
      const noverlap = overlap % nperseg;
      const step = nperseg - noverlap;
      const x = Float64Array.from({ length: n }, (_, i) => i);
      const got: number[][] = [];
      const starts: number[] = [];
      const stream = new SegmentStream(nperseg, step, 2, ([a, b], start) => {
        got.push([...a]);
        expect([...b]).toEqual([...a].map((v) => -v));
        starts.push(start);
      });
      for (const chunk of cut(x, cuts)) stream.push([chunk, chunk.map((v) => -v)]);
      const segments = Math.max(0, Math.floor((n - noverlap) / step));
      expect(starts).toEqual(Array.from({ length: segments }, (_, s) => s * step));
      expect(got).toEqual(starts.map((s) => [...x.subarray(s, s + nperseg)]));
    }), { numRuns: 300 });
  });

  it('refuses chunks that do not add up to the length announced, or channels of different lengths', () => {
    const chunk = new Float64Array(5);
    expect(() => streamSegments([[chunk]], 6, 2, 1, 1, () => {}, 'welchPsdChunks')).toThrow('welchPsdChunks: expected 6 samples, got 5');
    expect(() => streamSegments([[chunk, new Float64Array(4)]], 5, 2, 1, 2, () => {}, 'csdChunks')).toThrow('csdChunks: each chunk needs 2 arrays of one length');
  });
});
