import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TraceError, readTrace, readTraceBytes, type ReadTraceOptions } from '../../src/io/read-trace.js';
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
    const text = 'loss,grad\n1,0.1\n2,-2.5e-3\n3,0.30000000000000004\n';
    expect(read(text)).toEqual([
      { name: 'loss', values: [1, 2, 3] },
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
    expect(read(text, '.csv', { nonfinite: 'keep' })).toEqual([{ name: 'grad, clipped', values: [1, -Infinity] }, { name: 'loss', values: [NaN, 2] }]);
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
    const [grad] = readTrace(file(lines.join('\n'))).series;
    expect(grad.values.length).toBe(rows);
    expect(grad.steps).toEqual({ column: 'step', first: 1, spacing: 1 });
    for (const i of [0, 54_321, rows - 1]) expect(grad.values[i]).toBe(Number(String(Math.sin(i) / 3)));
  });
});

describe('readTrace: NDJSON and JSON', () => {
  it("reads NDJSON with one number per line, Python's NaN/Infinity as non-finite samples and a trailing null as missing", () => {
    expect(read('0.5\n\n-1\nNaN\n-Infinity\nnull\n', '.ndjson', { nonfinite: 'keep' })).toEqual([{ name: '0', values: [0.5, -1, NaN, -Infinity] }]);
    expect(traceError(() => read('0.5\n\n-1\nNaN\n', '.ndjson'))).toEqual({ code: 'non-finite', line: 4, message: 'FILE:4: column "0": non-finite sample (got nan)' });
  });

  it('reads NDJSON records, one series per numeric key, the step key an index', () => {
    const text = '{"step":1,"grad":0.5,"phase":"warmup"}\n{"step":2,"grad":NaN,"phase":"train","extra":3}\n';
    expect(read(text, '.jsonl', { nonfinite: 'keep' })).toEqual([{ name: 'grad', values: [0.5, NaN] }, { name: 'extra', values: [3] }]);
    expect(read(text, '.jsonl', { nonfinite: 'keep', columns: ['step', 'grad'] })).toEqual([{ name: 'step', values: [1, 2] }, { name: 'grad', values: [0.5, NaN] }]);
  });

  it('names the NDJSON line of bad JSON, a non-number and a change of record shape', () => {
    expect(traceError(() => read('1\n{oops\n', '.ndjson'))).toMatchObject({ code: 'bad-json', line: 2 });
    expect(traceError(() => read('{"g":1}\n{"g":"x"}\n', '.ndjson')).message).toBe('FILE:2: column "g": expected a number (got "\\"x\\"")');
    expect(traceError(() => read('1\n[1]\n', '.ndjson')).message).toBe('FILE:2: unsupported structure: a row after number records');
  });

  it('reads a JSON array of numbers, an object of arrays and an array of records', () => {
    expect(read('[1, 2.5, null]', '.json')).toEqual([{ name: '0', values: [1, 2.5] }]);
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
    // One line holding an object of arrays is JSON's name → array form, not an NDJSON row.
    expect(readTrace(file('{"g": [1, 3], "h": [2, 4]}', '.log')).series.map((s) => Array.from(s.values))).toEqual([[1, 3], [2, 4]]);
    expect(readTrace(file('g\n1\n', '.log')).format).toBe('csv');
  });
});

describe('readTrace: step columns, missing values and non-finite samples', () => {
  const series = (content: string, ext = '.csv', options: ReadTraceOptions = {}) =>
    readTrace(file(content, ext), options).series.map((s) => ({ ...s, values: Array.from(s.values) }));

  const LIGHTNING = [
    'epoch,step,train_loss,val_loss',
    '0,49,0.9,',
    '0,99,0.8,',
    '0,99,,0.85',
    '0,149,0.7,',
    '0,199,0.6,',
    '0,199,,0.65',
    '1,249,0.5,',
    '1,299,0.45,',
    '1,299,,0.5',
  ];

  it("reads PyTorch Lightning's metrics.csv: epoch and step are indices, empty cells are skipped and counted", () => {
    expect(series(LIGHTNING.join('\n'))).toEqual([
      { name: 'train_loss', values: [0.9, 0.8, 0.7, 0.6, 0.5, 0.45], skipped: 3, dropped: 0, steps: { column: 'step', first: 49, spacing: 50 } },
      { name: 'val_loss', values: [0.85, 0.65, 0.5], skipped: 6, dropped: 0, steps: { column: 'step', first: 99, spacing: 100 } },
    ]);
  });

  it('refuses samples that are not equally spaced in the step column, naming both rows', () => {
    const missing = LIGHTNING.filter((line) => !line.startsWith('0,149,'));
    expect(traceError(() => read(missing.join('\n')))).toEqual({
      code: 'uneven-steps', line: 5,
      message: 'FILE:5: column "train_loss": samples are not equally spaced in "step": 99 (line 3) to 199 (line 5) is 100, the samples before are 50 apart',
    });
    expect(traceError(() => read('step,g\n1,1\n1,2\n')).message).toBe(
      'FILE:3: column "g": samples are not equally spaced in "step": 1 (line 2) to 1 (line 3) does not increase');
  });

  it('without a step column, an empty cell between two samples is a gap in the rows', () => {
    expect(traceError(() => read('grad,loss\n1,1\n2,2\n,3\n4,4\n')).message).toBe(
      'FILE:5: column "grad": samples are not equally spaced: line 3 to line 5 is 2 rows, the samples before are 1 row apart');
    // Leading and trailing empty cells only shorten the series.
    expect(series('grad,loss\n,1\n2,2\n3,3\n,4\n')[0]).toEqual({ name: 'grad', values: [2, 3], skipped: 2, dropped: 0 });
  });

  it("treats TensorBoard's Wall time and Step columns as indices", () => {
    const text = 'Wall time,Step,Value\n1700000000.1,0,0.5\n1700000001.2,10,0.4\n1700000003.9,20,0.3\n';
    expect(series(text)).toEqual([{ name: 'Value', values: [0.5, 0.4, 0.3], skipped: 0, dropped: 0, steps: { column: 'Step', first: 0, spacing: 10 } }]);
  });

  it('reads an index column as a series when it is named, and refuses a trace of index columns only', () => {
    expect(series('step,g\n1,5\n2,6\n', '.csv', { columns: ['step'] })[0].values).toEqual([1, 2]);
    expect(traceError(() => read('step,epoch\n1,0\n2,0\n'))).toEqual({
      code: 'no-series', line: undefined, message: 'FILE: no series besides the index columns "step", "epoch" (name one to read it as a series)',
    });
  });

  it('refuses a non-finite CSV sample naming its line and column, or drops it and counts it', () => {
    expect(traceError(() => read('step,g\n1,0.5\n2,nan\n'))).toEqual({ code: 'non-finite', line: 3, message: 'FILE:3: column "g": non-finite sample (got nan)' });
    expect(traceError(() => read('g\n1\n-1e999\n')).message).toBe('FILE:3: column "g": non-finite sample (got -1e999)');
    // A dropped sample still counts for the spacing: dropping it is the user's explicit choice.
    expect(series('step,g\n1,1\n2,-inf\n3,3\n', '.csv', { nonfinite: 'drop' })).toEqual([
      { name: 'g', values: [1, 3], skipped: 0, dropped: 1, steps: { column: 'step', first: 1, spacing: 1 } },
    ]);
  });

  it('refuses a row with a value but no step', () => {
    expect(traceError(() => read('step,g\n1,1\n,2\n'))).toEqual({
      code: 'not-a-number', line: 3, message: 'FILE:3: step column "step": expected a finite number (got "")',
    });
    expect(traceError(() => read('step,g\n1,1\nnan,2\n')).message).toBe('FILE:3: step column "step": expected a finite number (got "nan")');
  });

  it('refuses a named series without any value, and leaves it out by default', () => {
    expect(traceError(() => read('step,g,h\n1,1,\n2,2,\n', '.csv', { columns: ['h'] }))).toEqual({
      code: 'empty', line: undefined, message: 'FILE: column "h": no values (2 empty)',
    });
    expect(read('step,g,h\n1,1,\n2,2,\n')).toEqual([{ name: 'g', values: [1, 2] }]);
  });

  it('checks JSON arrays against a step array, naming elements by path', () => {
    expect(series('{"step": [10, 20, 30], "g": [1, null, 3]}', '.json')).toEqual([
      { name: 'g', values: [1, 3], skipped: 1, dropped: 0, steps: { column: 'step', first: 10, spacing: 20 } },
    ]);
    expect(traceError(() => read('{"step": [10, 20, 30, 40], "g": [1, null, 3, 4]}', '.json')).message).toBe(
      'FILE: g[3]: column "g": samples are not equally spaced in "step": 30 (g[2]) to 40 (g[3]) is 10, the samples before are 20 apart');
    expect(traceError(() => read('{"step": [1, 2], "g": [1, 2, 3]}', '.json')).message).toBe(
      'FILE: step[2]: step column "step": expected a finite number (got "")');
    expect(traceError(() => read('{"g": [1, NaN]}', '.json'))).toMatchObject({ code: 'non-finite', message: 'FILE: g[1]: column "g": non-finite sample (got nan)' });
  });

  it('reads NDJSON records whose keys come and go (Weights & Biases style), each key its own series', () => {
    const text = '{"_step":0,"loss":1}\n{"_step":0,"val":5}\n{"_step":1,"loss":2}\n{"_step":2,"loss":3}\n{"_step":2,"val":6}\n';
    expect(series(text, '.ndjson')).toEqual([
      { name: 'loss', values: [1, 2, 3], skipped: 2, dropped: 0, steps: { column: '_step', first: 0, spacing: 1 } },
      { name: 'val', values: [5, 6], skipped: 3, dropped: 0, steps: { column: '_step', first: 0, spacing: 2 } },
    ]);
    expect(traceError(() => read('{"step":1,"g":1}\n{"step":2,"g":2}\n{"step":4,"g":3}\n', '.ndjson')).message).toBe(
      'FILE:3: column "g": samples are not equally spaced in "step": 2 (line 2) to 4 (line 3) is 2, the samples before are 1 apart');
    expect(traceError(() => read('{"step":1,"g":1}\n{"g":2}\n', '.ndjson')).message).toBe('FILE:2: step column "step": expected a finite number (got "")');
  });

  it('reads a JSON array of records with a step key like NDJSON, naming elements by index', () => {
    expect(traceError(() => read('[{"step": 1, "g": 1}, {"step": 2, "g": Infinity}]', '.json')).message).toBe(
      'FILE: [1]: column "g": non-finite sample (got inf)');
  });
});

describe('readTraceBytes: a trace already in memory (an in-process stdin) reads as the same file would', () => {
  it('CSV, NDJSON, JSON and .npy bytes give the series readTrace gives for the file; empty is the same error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-bytes-'));
    const npy = readFileSync('test/fixtures/spectral/grad-trace.npy');
    const cases: [string, Uint8Array][] = [
      ['a.csv', Buffer.from('w0,w1\n1,2\n3,4.5\n-1e-3,7\n')],
      ['a.ndjson', Buffer.from('{"w0":1,"w1":2}\n{"w0":3,"w1":4.5}\n')],
      ['a.json', Buffer.from('{"w0":[1,3],"w1":[2,4.5]}')],
      ['a.npy', npy],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const fromFile = readTrace(path).series.map((s) => [s.name, Array.from(s.values)]);
      expect(readTraceBytes(bytes, '<stdin>').series.map((s) => [s.name, Array.from(s.values)]), name).toEqual(fromFile);
    }
    expect(() => readTraceBytes(new Uint8Array(0), '<stdin>')).toThrow(TraceError);
    rmSync(dir, { recursive: true });
  });
});
