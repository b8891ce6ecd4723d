import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TraceError, readTrace } from '../../src/io/read-trace.js';
import { parseNpyTrace } from '../../src/io/trace-npy.js';

const fixtures = new URL('../fixtures/spectral/', import.meta.url);
const fixturePath = (name: string): string => new URL(name, fixtures).pathname;
interface NpyFixture {
  files: Record<string, number[][]>;
  descr: Record<string, string>;
  refused: Record<string, string>;
  nonfinite: { file: string; columns: (number | null)[][]; where: [number, number][] };
}
const fixture = JSON.parse(readFileSync(fixturePath('npy.json'), 'utf8')) as NpyFixture;
const expected = fixture.files;

const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-npy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function file(bytes: Uint8Array): string {
  const path = join(dir, `t${counter++}.npy`);
  writeFileSync(path, bytes);
  return path;
}

/** A .npy file as numpy writes it: magic, version, header padded with spaces to 64 bytes, data. */
function npy(dict: string, data: Uint8Array, { major = 1, headerLength }: { major?: number; headerLength?: number } = {}): Uint8Array {
  const start = major === 1 ? 10 : 12;
  let text = dict;
  while ((start + text.length + 1) % 64 !== 0) text += ' ';
  text += '\n';
  const out = new Uint8Array(start + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, headerLength ?? text.length, true);
  else view.setUint32(8, headerLength ?? text.length, true);
  out.set(new TextEncoder().encode(text), start);
  out.set(data, start + text.length);
  return out;
}
const f8 = (values: number[]): Uint8Array => new Uint8Array(Float64Array.from(values).buffer);
const dict = (descr: string, shape: string, fortran = 'False') => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

function traceError(fn: () => unknown): { code: string; byteOffset?: number; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TraceError);
    const e = error as TraceError;
    return { code: e.code, byteOffset: e.byteOffset, message: e.message.replace(e.file, 'FILE') };
  }
  throw new Error('expected a TraceError');
}

describe('readTrace: .npy', () => {
  for (const name of Object.keys(expected)) {
    it(`reads ${name} (dtype ${fixture.descr[name]}) as np.load(...).astype(float64) does, one series per column`, () => {
      const trace = readTrace(fixturePath(name));
      expect(trace.format).toBe('npy');
      expect(trace.series.map((s) => Array.from(s.values))).toEqual(expected[name]);
      expect(trace.series.map((s) => s.name)).toEqual(expected[name].map((_, i) => String(i)));
    });
  }

  it('reads the same values from memory (stdin) as from a file', () => {
    for (const name of Object.keys(expected)) {
      const fromMemory = parseNpyTrace(readFileSync(fixturePath(name)), name);
      expect(fromMemory.map((s) => Array.from(s.values)), name).toEqual(expected[name]);
    }
  });

  it('selects columns of a 2-D array by index', () => {
    const [c2, c0] = readTrace(fixturePath('f8-2d-v2.npy'), { columns: [2, '0'] }).series;
    expect(Array.from(c2.values)).toEqual(expected['f8-2d-v2.npy'][2]);
    expect(Array.from(c0.values)).toEqual(expected['f8-2d-v2.npy'][0]);
  });

  for (const [name, code] of Object.entries(fixture.refused)) {
    it(`refuses ${name}, which numpy reads, with the reason '${code}' at the header offset`, () => {
      expect(traceError(() => readTrace(fixturePath(name)))).toMatchObject({ code, byteOffset: 10 });
    });
  }

  it('names the dtype it refuses and the ones it reads', () => {
    expect(traceError(() => readTrace(fixturePath('c16-1d.npy'))).message).toBe(
      "FILE: byte 10: unsupported dtype '<c16' (supported: floats f2, f4, f8 and integers i1–i8, u1–u8, either byte order)");
    expect(traceError(() => readTrace(fixturePath('structured-descr-name.npy'))).message).toMatch(/^FILE: byte 10: unsupported dtype \[\(/);
  });

  it('refuses a non-finite sample naming its [row, column], or drops or keeps it when asked', () => {
    const { file: name, columns, where } = fixture.nonfinite;
    const [row, column] = where[0];
    expect(traceError(() => readTrace(fixturePath(name)))).toEqual({
      code: 'non-finite', byteOffset: undefined, message: `FILE: [${row}, ${column}]: column "${column}": non-finite sample (got inf)`,
    });
    const dropped = readTrace(fixturePath(name), { nonfinite: 'drop' }).series;
    expect(dropped.map((s) => Array.from(s.values))).toEqual(columns.map((c) => c.filter((v) => v !== null)));
    expect(dropped.map((s) => s.dropped)).toEqual(columns.map((c) => c.filter((v) => v === null).length));
    const kept = readTrace(fixturePath(name), { nonfinite: 'keep' }).series;
    expect(kept[1].values[3]).toBeNaN();
    expect(kept[2].values[4]).toBe(-Infinity);
  });

  it('refuses a NaN in a 1-D float64 file naming its [index]', () => {
    const e = traceError(() => readTrace(file(npy(dict('<f8', '(3,)'), f8([1, NaN, 3])))));
    expect(e).toEqual({ code: 'non-finite', byteOffset: undefined, message: 'FILE: [1]: column "0": non-finite sample (got nan)' });
  });

  it('reports truncated data with the data offset and the byte counts', () => {
    const whole = readFileSync(fixturePath('f8-1d-v1.npy'));
    expect(traceError(() => readTrace(file(whole.subarray(0, whole.length - 3))))).toEqual({
      code: 'truncated', byteOffset: 128, message: 'FILE: byte 128: truncated data: shape needs 80 bytes, file has 77',
    });
    expect(traceError(() => readTrace(file(whole.subarray(0, 50)))).message).toBe('FILE: byte 50: truncated .npy header: needs 128 bytes, file has 50');
    expect(traceError(() => readTrace(file(whole.subarray(0, 4)))).code).toBe('truncated');
  });

  it('refuses a bad magic string, an unknown version and a huge or garbage header length', () => {
    expect(traceError(() => readTrace(file(new TextEncoder().encode('PK\x03\x04 not numpy'))))).toEqual({
      code: 'bad-magic', byteOffset: 0, message: 'FILE: byte 0: not a NumPy .npy file (bad magic string; expected \\x93NUMPY)',
    });
    expect(traceError(() => readTrace(file(npy(dict('<f8', '(1,)'), f8([1]), { major: 4 })))).code).toBe('bad-version');
    const huge = npy(dict('<f8', '(1,)'), f8([1]), { major: 2, headerLength: 0xffffffff });
    expect(traceError(() => readTrace(file(huge)))).toEqual({
      code: 'header-too-long', byteOffset: 8, message: 'FILE: byte 8: .npy header length 4294967295 exceeds the 65536-byte limit (corrupt file?)',
    });
    expect(traceError(() => readTrace(file(npy(dict('<f8', '(1,)'), f8([1]), { major: 2, headerLength: 70_000 })))).code).toBe('header-too-long');
    expect(traceError(() => readTrace(file(npy('garbage!', f8([1]))))).message).toBe(
      'FILE: byte 10: malformed .npy header: not a Python literal: unexpected name "garbage" at character 0');
    expect(traceError(() => readTrace(file(npy("[('descr', '<f8')]", f8([1]))))).message).toBe('FILE: byte 10: malformed .npy header: not a dictionary literal');
    expect(traceError(() => readTrace(file(npy("{'descr': '<f8', 'shape': (1,), }", f8([1]))))).code).toBe('bad-header');
  });

  it('parses the header as a Python dict literal, not by searching it for text', () => {
    const header = (text: string) => traceError(() => readTrace(file(npy(text, f8([1, 2, 3]))))).message.replace('FILE: byte 10: malformed .npy header: ', '');
    // numpy refuses keys other than descr, fortran_order and shape: a 'descr' inside another value is one of those.
    expect(header(`{'note': "'descr': '<f8'", 'descr': '<i8', 'fortran_order': False, 'shape': (3,)}`)).toBe("unexpected key 'note'");
    expect(header(`{"fortran_order": False, "shape": (3,)}`)).toBe("no 'descr'");
    expect(header(`{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}`)).toBe('fortran_order 0 is not True or False');
    expect(header(`{'descr': '<f8', 'fortran_order': False, 'shape': [3]}`)).toBe('shape [3] is not a tuple of non-negative integers');
    expect(header(`{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}`)).toBe('shape (-3,) is not a tuple of non-negative integers');
    expect(header(`{'descr': '<f8', 'fortran_order': False, 'shape': (3.0,)}`)).toBe('shape (3.0,) is not a tuple of non-negative integers');
    expect(header(`{'descr': 8, 'fortran_order': False, 'shape': (3,)}`)).toBe('descr 8 is not a dtype');
    expect(header(`{'descr': '<f8', 'fortran_order': False, 'shape': (3,)`)).toMatch(/^not a Python literal: expected ',' or '}' at character \d+$/);
    expect(header(`{'descr': '<f8, 'fortran_order': False, 'shape': (3,)}`)).toMatch(/^not a Python literal: /);
  });

  it("reads Python 2's long suffix in format 1.0 and 2.0 headers only, as numpy does", () => {
    const dict3 = "{'descr': '<f8', 'fortran_order': False, 'shape': (3L,), }";
    expect(Array.from(readTrace(file(npy(dict3, f8([1, 2, 3])))).series[0].values)).toEqual([1, 2, 3]);
    expect(Array.from(readTrace(file(npy(dict3, f8([1, 2, 3]), { major: 2 }))).series[0].values)).toEqual([1, 2, 3]);
    expect(traceError(() => readTrace(file(npy(dict3, f8([1, 2, 3]), { major: 3 })))).code).toBe('bad-header');
  });

  it('uses the last of duplicate keys, as Python and numpy do', () => {
    const twice = "{'descr': '<i8', 'fortran_order': False, 'shape': (9,), 'descr': '<f8', 'shape': (3,)}";
    expect(Array.from(readTrace(file(npy(twice, f8([1.5, 2.5, 3.5])))).series[0].values)).toEqual([1.5, 2.5, 3.5]);
  });

  it('refuses 0-D and 3-D shapes but reads an empty 1-D array', () => {
    expect(traceError(() => readTrace(file(npy(dict('<f8', '()'), f8([1])))))).toMatchObject({ code: 'unsupported-shape' });
    expect(traceError(() => readTrace(file(npy(dict('<f8', '(1, 1, 1)'), f8([1])))))).toMatchObject({ code: 'unsupported-shape' });
    expect(readTrace(file(npy(dict('<f8', '(0,)'), new Uint8Array(0)))).series[0].values).toHaveLength(0);
    expect(traceError(() => readTrace(file(new Uint8Array(0)))).code).toBe('empty');
  });

  it('decodes in-memory data at an unaligned offset the same as aligned data', () => {
    const bytes = npy(dict('<f8', '(3, 2)'), f8([1, 2, 3, 4, 5, 6]));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const a = parseNpyTrace(bytes, 'a.npy');
    const b = parseNpyTrace(shifted.subarray(3), 'b.npy');
    expect(b).toEqual(a);
    expect(a.map((s) => Array.from(s.values))).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it('reads a .npy file whatever its extension by sniffing the magic string', () => {
    const path = join(dir, 'grads.bin');
    copyFileSync(fixturePath('f8-1d-v3.npy'), path);
    expect(Array.from(readTrace(path).series[0].values)).toEqual(expected['f8-1d-v3.npy'][0]);
  });
});
