import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../src/io/read-trace.js';
import { npyBytes } from '../../src/io/trace-npy-bytes.js';
import { writeTrace } from '../../src/io/trace-writer.js';

const a = Float64Array.from([1.5, -2, 1e-300, 0.1 + 0.2, 7]);
// A series that ended early (as simulate pads a shorter schedule's output): NaN is missing.
const b = Float64Array.from([0, 3, -0.25, NaN, NaN]);

describe('writeTrace', () => {
  it('writes csv, ndjson, json and npy that readTrace reads back exactly, a NaN tail as missing values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-trace-'));
    for (const format of ['csv', 'ndjson', 'json', 'npy'] as const) {
      const file = join(dir, `t.${format}`);
      await writeTrace(file, format, [{ name: 'x', values: a }, { name: 'y, quoted', values: b }]);
      const series = readTrace(file, { nonfinite: format === 'npy' ? 'keep' : 'error' }).series;
      const values = (name: string, index: number) => (format === 'npy' ? series[index] : series.find((s) => s.name === name)!).values;
      expect(Array.from(values('x', 0)), format).toEqual(Array.from(a));
      if (format === 'npy') expect(Array.from(values('y, quoted', 1)), format).toEqual(Array.from(b));
      else {
        expect(Array.from(values('y, quoted', 1)), format).toEqual([0, 3, -0.25]);
        expect(series.map((s) => s.steps), format).toEqual([{ column: 'step', first: 1, spacing: 1 }, { column: 'step', first: 1, spacing: 1 }]);
        expect(readTrace(file, { columns: ['step'] }).series[0].values, format).toEqual(Float64Array.from([1, 2, 3, 4, 5]));
      }
    }
    expect(readFileSync(join(dir, 't.csv'), 'utf8').split('\n').slice(3, 5)).toEqual(['3,1e-300,-0.25', '4,0.30000000000000004,']);
  });
});

describe('npyBytes', () => {
  it('writes the NumPy format 1.0 header with data aligned to 64 bytes, as np.save does', () => {
    const bytes = npyBytes([a, b]);
    const headerLength = bytes[8] | (bytes[9] << 8);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(5, 2\), \} *\n$/);
    expect(bytes.length).toBe(10 + headerLength + 5 * 2 * 8);
    const data = new DataView(bytes.buffer, 10 + headerLength);
    expect(data.getFloat64(8, true)).toBe(0); // row 0, column 1 (C order)
    expect(data.getFloat64(16, true)).toBe(-2); // row 1, column 0
    expect(new TextDecoder().decode(npyBytes([a]).subarray(10, 70))).toContain("'shape': (5,), }");
  });
});
