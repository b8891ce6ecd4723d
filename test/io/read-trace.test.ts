import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TraceError, readTrace, type ReadTraceOptions } from '../../src/io/read-trace.js';
import { parseCsvTrace } from '../../src/io/trace-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** Writes `content` to a fresh temp file with the given extension and returns its path. */
function file(content: string | Uint8Array, ext = '.csv'): string {
  const path = join(dir, `t${counter++}${ext}`);
  writeFileSync(path, content);
  return path;
}

const read = (content: string, ext = '.csv', options: ReadTraceOptions = {}) =>
  readTrace(file(content, ext), options).series.map((s) => ({ name: s.name, values: Array.from(s.values) }));

/** The TraceError thrown by fn, with a path-independent message. */
function traceError(fn: () => unknown): { code: string; line?: number; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TraceError);
    const e = error as TraceError;
    return { code: e.code, line: e.line, message: e.message.replace(e.file, 'FILE') };
  }
  throw new Error('expected a TraceError');
}

describe('readTrace: CSV', () => {
  it('reads a CSV with a header row, one series per column, numbers exactly as Number() reads them', () => {
    const text = 'step,grad\n1,0.1\n2,-2.5e-3\n3,0.30000000000000004\n';
    expect(read(text)).toEqual([
      { name: 'step', values: [1, 2, 3] },
      { name: 'grad', values: [0.1, -2.5e-3, 0.30000000000000004] },
    ]);
  });

  it('selects columns by name, by 0-based index and by a digit string, in the order asked', () => {
    const path = file('a,b,c\n1,2,3\n4,5,6\n');
    const names = (columns: (string | number)[]) => readTrace(path, { columns }).series.map((s) => `${s.name}=${Array.from(s.values)}`);
    expect(names(['c', 0])).toEqual(['c=3,6', 'a=1,4']);
    expect(names(['1'])).toEqual(['b=2,5']);
  });

  it('reads a headerless numeric CSV with columns named by index', () => {
    expect(read('1,2\n3,4\n')).toEqual([{ name: '0', values: [1, 3] }, { name: '1', values: [2, 4] }]);
  });

  it('handles CRLF, a byte-order mark, comments, blank lines, quotes and a missing final newline', () => {
    const text = '\uFEFF# logged by train.py\r\n"grad, clipped",loss\r\n\r\n1,nan\r\n-inf,"2"';
    expect(read(text)).toEqual([{ name: 'grad, clipped', values: [1, -Infinity] }, { name: 'loss', values: [NaN, 2] }]);
  });

  it('detects tab, semicolon and blank-run (np.savetxt) delimiters', () => {
    expect(read('a\tb\n1\t2\n', '.tsv')[1]).toEqual({ name: 'b', values: [2] });
    expect(read('a;b\n1;2\n')[1]).toEqual({ name: 'b', values: [2] });
    expect(read('1.000000000000000000e+00 2.500000000000000000e-01\n3.0   4.0\n')[1]).toEqual({ name: '1', values: [0.25, 4] });
  });

  it('ignores a text column that is not selected but rejects it when selected', () => {
    const text = 'phase,grad\nwarmup,0.5\ntrain,0.25\n';
    expect(read(text, '.csv', { columns: ['grad'] })).toEqual([{ name: 'grad', values: [0.5, 0.25] }]);
    expect(traceError(() => read(text))).toEqual({
      code: 'not-a-number', line: 2, message: 'FILE:2: column "phase": expected a number (got "warmup")',
    });
  });

  it('names the line of a ragged row and says how many cells it has', () => {
    expect(traceError(() => read('a,b\n1,2\n3\n')).message).toBe('FILE:3: expected 2 cells like the first row, found 1');
    expect(traceError(() => read('a,b\n1,2\n\n3,4,5\n')).message).toBe('FILE:4: expected 2 cells like the first row, found 3');
  });

  it('rejects an empty file, a header without rows and an unknown column', () => {
    expect(traceError(() => read(''))).toEqual({ code: 'empty', line: undefined, message: 'FILE: file is empty' });
    expect(traceError(() => read('a,b\n')).message).toBe('FILE: no data rows');
    expect(traceError(() => read('a,b\n1,2\n', '.csv', { columns: ['grad'] })).message).toBe('FILE: no column "grad" (columns: "a", "b")');
    expect(traceError(() => read('a,b\n1,2\n', '.csv', { columns: [2] })).message).toBe('FILE: no column 2 (columns: "a", "b")');
  });

  it('reports a missing file as an io TraceError', () => {
    const e = traceError(() => readTrace(join(dir, 'nope.csv')));
    expect(e.code).toBe('io');
    expect(e.message).toBe('FILE: cannot read: no such file or directory');
  });

  it('gives the same series however the bytes are split into chunks', () => {
    const text = 'größe,Δ\n1,2\n-3.25,4e2\n5,6\n0.1234567890123456789,7';
    const bytes = new TextEncoder().encode(text);
    const whole = parseCsvTrace([bytes], 'x.csv');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), (cuts) => {
        const edges = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
        expect(parseCsvTrace(chunks, 'x.csv')).toEqual(whole);
      }),
    );
    expect(whole.map((s) => s.name)).toEqual(['größe', 'Δ']);
  });

  it('reads a multi-megabyte CSV across chunk boundaries without losing a row', () => {
    const rows = 200_000;
    const lines = ['step,grad'];
    for (let i = 0; i < rows; i++) lines.push(`${i + 1},${Math.sin(i) / 3}`);
    const [step, grad] = readTrace(file(lines.join('\n'))).series;
    expect(step.values.length).toBe(rows);
    expect(step.values[rows - 1]).toBe(rows);
    for (const i of [0, 54_321, rows - 1]) expect(grad.values[i]).toBe(Number(String(Math.sin(i) / 3)));
  });
});

describe('readTrace: NDJSON and JSON', () => {
  it('reads NDJSON with one number per line, null and Python NaN/Infinity included', () => {
    expect(read('0.5\n\n-1\nnull\nNaN\n-Infinity\n', '.ndjson')).toEqual([{ name: '0', values: [0.5, -1, NaN, NaN, -Infinity] }]);
  });

  it('reads NDJSON records, one series per numeric key of the first record', () => {
    const text = '{"step":1,"grad":0.5,"phase":"warmup"}\n{"step":2,"grad":NaN,"phase":"train","extra":3}\n';
    expect(read(text, '.jsonl')).toEqual([{ name: 'step', values: [1, 2] }, { name: 'grad', values: [0.5, NaN] }]);
  });

  it('names the NDJSON line of bad JSON, a missing key and a non-number', () => {
    expect(traceError(() => read('1\n{oops\n', '.ndjson'))).toMatchObject({ code: 'bad-json', line: 2 });
    expect(traceError(() => read('{"g":1}\n{"h":2}\n', '.ndjson')).message).toBe('FILE:2: missing key "g" present in the first record');
    expect(traceError(() => read('{"g":1}\n{"g":"x"}\n', '.ndjson')).message).toBe('FILE:2: column "g": expected a number (got "\\"x\\"")');
    expect(traceError(() => read('1\n[1]\n', '.ndjson')).message).toBe('FILE:2: unsupported structure: a row after number records');
  });

  it('reads a JSON array of numbers, an object of arrays and an array of records', () => {
    expect(read('[1, 2.5, null]', '.json')).toEqual([{ name: '0', values: [1, 2.5, NaN] }]);
    expect(read('{"grad": [1, 2], "loss": [3], "steps": 2}', '.json')).toEqual([
      { name: 'grad', values: [1, 2] }, { name: 'loss', values: [3] },
    ]);
    expect(read('[{"g": 1}, {"g": 2}]', '.json')).toEqual([{ name: 'g', values: [1, 2] }]);
  });

  it('locates JSON errors by line or by element path', () => {
    expect(traceError(() => read('[1,\n2\n', '.json'))).toMatchObject({ code: 'bad-json', line: 3 });
    expect(traceError(() => read('[1,\n2,\n]', '.json'))).toEqual({
      code: 'bad-json', line: undefined, message: "FILE: invalid JSON: Unexpected token ']'",
    });
    expect(traceError(() => read('{"g": [1, "x"]}', '.json')).message).toBe('FILE: g[1]: column "g": expected a number (got "\\"x\\"")');
    expect(traceError(() => read('[[1, 2], [3]]', '.json')).message).toBe('FILE: [1]: expected 2 cells like the first row, found 1');
    expect(traceError(() => read('"hello"', '.json')).code).toBe('bad-structure');
  });

  it('sniffs the format of a file without a known extension', () => {
    expect(readTrace(file('[1, 2]', '')).format).toBe('json');
    expect(readTrace(file('{"g": 1}\n{"g": 2}\n', '.log')).format).toBe('ndjson');
    expect(readTrace(file('{\n"g": [1]\n}', '.log')).format).toBe('json');
    expect(readTrace(file('g\n1\n', '.log')).format).toBe('csv');
  });
});
