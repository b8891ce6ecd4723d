import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrace, type ReadTraceOptions } from '../../src/io/read-trace.js';
import { openTraceStream } from '../../src/io/trace-stream.js';

const fixtures = join(import.meta.dirname, '../fixtures/spectral');
const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every chunk of every series, joined: what the estimates see. */
function streamed(path: string, options: ReadTraceOptions, chunkSamples: number) {
  const stream = openTraceStream(path, { ...options, chunkSamples });
  if (stream === null) throw new Error('not streamable');
  return stream.names.map((name, k) => {
    const values = [...stream.chunks(k)].flatMap((c) => [...c]);
    expect(values.length).toBe(stream.lengths[k]);
    return { name, values, dropped: stream.dropped[k] };
  });
}

/** The message of the error fn throws. */
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('openTraceStream: .npy series in chunks, as readTrace reads them whole', () => {
  const files = ['grad-trace.npy', 'f8-2d-v2.npy', 'f8-fortran.npy', 'f4-fortran-big-endian.npy', 'f2-2d.npy', 'i8-extremes.npy', 'u2-be.npy', 'f8-column.npy', 'f8-big-endian.npy'];
  it('gives the same values, names and counts for every dtype, order and shape, with chunks of 1, 3 and 1000 rows', () => {
    for (const name of files) {
      const path = join(fixtures, name);
      const whole = readTrace(path).series.map((s) => ({ name: s.name, values: [...s.values], dropped: s.dropped }));
      for (const size of [1, 3, 1000]) expect(streamed(path, {}, size), `${name} in chunks of ${size}`).toEqual(whole);
    }
    const path = join(fixtures, 'f8-2d-v2.npy');
    expect(streamed(path, { columns: [1, '0'] }, 2)).toEqual(readTrace(path, { columns: [1, '0'] }).series.map((s) => ({ name: s.name, values: [...s.values], dropped: s.dropped })));
  });

  it('applies the non-finite policy as readTrace does: the same error for the first such sample, or dropped and counted', () => {
    const path = join(fixtures, 'f8-nonfinite.npy');
    expect(message(() => streamed(path, {}, 2))).toBe(message(() => readTrace(path)));
    expect(message(() => streamed(path, {}, 2))).toMatch(/non-finite sample/);
    const drop = readTrace(path, { nonfinite: 'drop' }).series.map((s) => ({ name: s.name, values: [...s.values], dropped: s.dropped }));
    expect(streamed(path, { nonfinite: 'drop' }, 2)).toEqual(drop);
    // Two columns: the first non-finite sample in file order, whichever column it is in.
    const twoColumns = join(dir, 'two.npy');
    const head = "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 2), }";
    const header = Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]), Buffer.from(`${head.padEnd(117)}\n`, 'latin1')]);
    writeFileSync(twoColumns, Buffer.concat([header, Buffer.from(new Float64Array([1, 2, 3, NaN, Infinity, 6, 7, 8]).buffer)]));
    expect(message(() => streamed(twoColumns, {}, 1))).toBe(message(() => readTrace(twoColumns)));
    expect(message(() => streamed(twoColumns, {}, 1))).toContain('[1, 1]');
  });

  it('leaves text formats and truncated files to readTrace and its errors', () => {
    expect(openTraceStream(join(fixtures, 'grad-trace.csv'))).toBeNull();
    const truncated = join(dir, 'short.npy');
    writeFileSync(truncated, readFileSync(join(fixtures, 'grad-trace.npy')).subarray(0, 200));
    expect(message(() => openTraceStream(truncated))).toBe(message(() => readTrace(truncated)));
  });
});
