import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableFile, tableReader } from '../../src/io/read-table.js';
import { readTrace } from '../../src/io/read-trace.js';
import type { ReadTable } from '../../src/schedule/table-values.js';
import { npyBytes } from '../../src/io/trace-npy-bytes.js';
import { ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mfr-table-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** A 1-D .npy of `descr` ('<f4', '<i4', '>f8' …) written byte by byte as numpy's format 1.0 does. */
function npy(descr: string, values: number[]): Uint8Array {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${values.length},), }`;
  dict += ' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64) + '\n';
  const size = Number(descr.slice(2));
  const out = new Uint8Array(10 + dict.length + values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8]);
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i);
  const view = new DataView(out.buffer, 10 + dict.length);
  const little = descr[0] === '<';
  values.forEach((v, i) => {
    if (descr.endsWith('f4')) view.setFloat32(i * 4, v, little);
    else if (descr.endsWith('f8')) view.setFloat64(i * 8, v, little);
    else view.setInt32(i * 4, v, little);
  });
  return out;
}

const read = (path: string, steps: number, column?: string | number) => [...readTableFile(path, { file: path.slice(dir.length + 1), column, steps })];
const problem = (path: string, steps: number, column?: string | number): string => {
  const got = tableReader(join(dir, 'run.yaml'), '/')({ file: path.slice(dir.length + 1), column, steps });
  return 'message' in got ? got.message : 'no problem';
};

describe('readTableFile: a per-step table from a CSV column, a 1-D .npy or a JSON array', () => {
  it('CSV: the named column, its numbers exactly as written (shortest round-trip), a step column counting 1, 2, 3 …', () => {
    const lr = [0.1, 0.09000000000000001, 0.08100000000000002, 1e-7];
    const path = file('lr.csv', `step,lr,momentum\n${lr.map((v, i) => `${i + 1},${v},0.9`).join('\n')}\n`);
    expect(read(path, 4, 'lr')).toEqual(lr);
    expect(read(path, 4, 2)).toEqual([0.9, 0.9, 0.9, 0.9]);
  });

  it('CSV: a single column besides the step column needs no column:, several do', () => {
    const path = file('one.csv', 'step,lr\n1,0.5\n2,0.25\n');
    expect(read(path, 2)).toEqual([0.5, 0.25]);
    const two = file('two.csv', 'lr,momentum\n0.1,0.9\n0.2,0.8\n');
    expect(problem(two, 2)).toBe('two.csv:1: 2 columns ("lr", "momentum"): name the one to read with column:');
  });

  it('.npy: float64, float32 and int32, either byte order, as float64', () => {
    expect(read(file('f8.npy', npyBytes([Float64Array.of(0.1, 0.2, 0.3)])), 3)).toEqual([0.1, 0.2, 0.3]);
    expect(read(file('f4.npy', npy('<f4', [0.1, 0.5])), 2)).toEqual([Math.fround(0.1), 0.5]);
    expect(read(file('i4.npy', npy('>i4', [3, -2, 1000])), 3)).toEqual([3, -2, 1000]);
  });

  it('JSON: an array of numbers, or one array of an object named by column:', () => {
    expect(read(file('u.json', '[0.5, 0.6, 0.7]'), 3)).toEqual([0.5, 0.6, 0.7]);
    expect(read(file('o.json', '{"step": [1, 2], "lr": [0.1, 0.2], "momentum": [0.9, 0.8]}'), 2, 'momentum')).toEqual([0.9, 0.8]);
  });

  it('JSON is parsed whole, so a file far larger than its steps could need is refused by its size before it is read', () => {
    const big = file('big.json', `[${'0.1, '.repeat(30_000)}0.1]`);
    expect(problem(big, 10)).toBe('big.json: 150005 bytes is more than a JSON table of 10 steps needs (at most 68096); check steps and the file, or use CSV or .npy');
    expect(read(big, 30_001)).toHaveLength(30_001);
  });

  it('a bad cell is named by the file\'s own line and column', () => {
    const path = file('bad.csv', `step,lr\n${Array.from({ length: 15 }, (_, i) => `${i + 1},0.1`).join('\n')}\n16,x\n17,0.1\n`);
    expect(problem(path, 17, 'lr')).toBe('bad.csv:17: column "lr": expected a number (got "x")');
    expect(problem(file('nan.json', '[0.1, NaN]'), 2)).toBe('nan.json: step 2 ([1]): not a finite number (got nan)');
  });

  it('too short and too long tables are refused with both numbers, whatever the format (never cut or padded)', () => {
    const csv = file('ten.csv', `lr\n${'0.1\n'.repeat(10)}`);
    expect(problem(csv, 12)).toBe('ten.csv: column "lr": has 10 values for 12 steps: a table gives exactly one value per optimizer step (it is not cut or padded; check steps and the file)');
    expect(problem(csv, 8)).toMatch(/^ten\.csv: column "lr": has 10 values for 8 steps:/);
    expect(problem(file('ten.npy', npyBytes([new Float64Array(10)])), 8)).toMatch(/^ten\.npy: has 10 values for 8 steps:/);
    expect(problem(file('ten.json', JSON.stringify(new Array(10).fill(0.5))), 11)).toMatch(/^ten\.json: has 10 values for 11 steps:/);
  });

  it('a .npy\'s length is checked from its header, before its data is read (a header of 10⁹ rows is refused, not allocated)', () => {
    const bytes = npyBytes([new Float64Array(2)]);
    const header = new TextDecoder('latin1').decode(bytes.subarray(10, bytes.length - 16)).replace('(2,)', '(1000000000,)').padEnd(bytes.length - 26, ' ');
    const big = new Uint8Array(bytes.length);
    big.set(bytes.subarray(0, 10));
    for (let i = 0; i < header.length; i++) big[10 + i] = header.charCodeAt(i);
    big[10 + header.length - 1] = 10;
    expect(problem(file('huge.npy', big), 5)).toMatch(/^huge\.npy: has 1000000000 values for 5 steps:/);
    expect(problem(file('2d.npy', npyBytes([new Float64Array(3), new Float64Array(3)])), 3)).toBe('2d.npy: shape (3, 2): a table is 1-D (one value per step)');
  });

  it('a step column must count the optimizer steps 1, 2, 3 …; an empty cell is a missing step', () => {
    expect(problem(file('zero.csv', 'step,lr\n0,0.1\n1,0.2\n'), 2)).toBe('zero.csv:2: column "step": must count 1, 2, 3 … (row 1 says 0): a table\'s rows are optimizer steps as torch counts them');
    expect(problem(file('dup.csv', 'step,lr\n1,0.1\n1,0.2\n'), 2)).toBe('dup.csv:3: column "step": must count 1, 2, 3 … (row 2 says 1): a table\'s rows are optimizer steps as torch counts them');
    expect(problem(file('gap.csv', 'step,lr\n1,0.1\n2,\n3,0.3\n'), 3, 'lr')).toBe('gap.csv:3: column "lr": empty cell (a table has one value per step)');
  });

  it('says where each step\'s value is in the file: a CSV line after the header, an element of an array', () => {
    const at = (path: string, step: number, column?: string) => {
      const got = tableReader(join(dir, 'run.yaml'), '/')({ file: path.slice(dir.length + 1), column, steps: 3 });
      return 'place' in got ? got.place(step) : got;
    };
    expect(at(file('p.csv', '# dumped\nstep,lr\n1,0.1\n2,0.1\n3,0.1\n'), 3)).toBe('p.csv:5');
    expect(at(file('p.npy', npyBytes([new Float64Array(3)])), 3)).toBe('p.npy: [2]');
    expect(at(file('p.json', '{"lr": [1, 2, 3]}'), 1)).toBe('p.json: "lr"[0]');
    expect(at(file('q.json', '[1, 2, 3]'), 2)).toBe('q.json: [1]');
  });

  it('the file is relative to the config file\'s directory; a missing one is named as written', () => {
    mkdirSync(join(dir, 'runs'), { recursive: true });
    file('runs/lr.csv', 'lr\n0.5\n');
    const values = (got: ReturnType<ReadTable>) => ('values' in got ? got.values : got);
    expect(values(tableReader(join(dir, 'run.yaml'), '/')({ file: 'runs/lr.csv', steps: 1 }))).toEqual(Float64Array.of(0.5));
    expect(values(tableReader('run.yaml', dir)({ file: 'runs/lr.csv', steps: 1 }))).toEqual(Float64Array.of(0.5));
    expect(values(tableReader(undefined, join(dir, 'runs'))({ file: 'lr.csv', steps: 1 }))).toEqual(Float64Array.of(0.5));
    expect(tableReader(join(dir, 'run.yaml'), '/')({ file: 'nope.csv', steps: 1 })).toEqual({ message: 'nope.csv: cannot read: no such file or directory' });
  });
});

describe('a table\'s rows are its steps: nothing is skipped, every problem is named in table words at its line', () => {
  it('an empty line in a one-column CSV (pandas writes NaN as an empty cell) is an error at its line, not a shift of the later values', () => {
    const shift = file('g_shift.csv', `lr\n${'0.1\n'.repeat(50)}\n${'0.001\n'.repeat(50)}`);
    expect(problem(shift, 100)).toBe('g_shift.csv:52: column "lr": empty cell (a table has one value per step)');
    expect(problem(shift, 101)).toBe('g_shift.csv:52: column "lr": empty cell (a table has one value per step)');
    const wide = file('wide.csv', `step,lr\n1,0.1\n\n2,0.1\n`);
    expect(problem(wide, 2)).toBe('wide.csv:3: empty line (a table has one value per step)');
    expect(problem(file('headerless.csv', '0.1\n\n0.2\n'), 2)).toBe('headerless.csv:2: empty cell (a table has one value per step)');
  });

  it('JSON null and NaN name the step (from 1) and the element as Python indexes it; a string is quoted once', () => {
    const values = Array.from({ length: 50 }, () => 0.1) as unknown[];
    values[40] = null;
    expect(problem(file('lr_ml.json', JSON.stringify(values)), 50)).toBe('lr_ml.json: step 41 ([40]): null (a table has a number at every step)');
    expect(problem(file('s.json', '[0.1, 0.1, 0.1, "0.1"]'), 4)).toBe('s.json: step 4 ([3]): expected a number (got "0.1")');
    expect(problem(file('o2.json', '{"lr": [0.1, null]}'), 2, 'lr')).toBe('o2.json: step 2 ("lr"[1]): null (a table has a number at every step)');
  });

  it('.npy: a NaN names its step from 1, without a column; a 0-d or 3-D array is refused as not 1-D', () => {
    const nan = new Float64Array(60).fill(0.1);
    nan[50] = NaN;
    expect(problem(file('lrnan.npy', npyBytes([nan])), 60)).toBe('lrnan.npy: step 51 ([50]): not a finite number (got nan)');
    // Buffer's latin1 maps bytes 1:1; TextDecoder('latin1') is windows-1252 on Node ≥ 22 (0x93 → U+201C).
    const zeroD = Buffer.from(npyBytes([Float64Array.of(1)])).toString('latin1').replace("'shape': (1,)", "'shape': ()  ");
    expect(problem(file('0d.npy', Uint8Array.from(zeroD, (c) => c.charCodeAt(0))), 1)).toBe('0d.npy: shape (): a table is 1-D (one value per step)');
    const threeD = Buffer.from(npyBytes([Float64Array.of(1)])).toString('latin1').replace("'shape': (1,)", "'shape': (1,1,1)");
    expect(problem(file('3d.npy', Uint8Array.from(threeD, (c) => c.charCodeAt(0))), 1)).toBe('3d.npy: shape (1, 1, 1): a table is 1-D (one value per step)');
  });

  it('a UTF-16 CSV is said to be not UTF-8, not read as odd column names', () => {
    const text = 'lr\n0.1\n';
    const bytes = new Uint8Array(2 + 2 * text.length);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(problem(file('u16.csv', bytes), 1)).toBe('u16.csv:1: not UTF-8 text (UTF-16?): save the table as UTF-8');
  });

  it('a column name twice in the header is refused, whichever is asked for', () => {
    expect(problem(file('twice.csv', 'lr,lr\n0.1,0.2\n'), 1, 'lr')).toBe('twice.csv:1: column "lr" appears twice in the header (columns 0 and 1, counting from 0)');
  });

  it('only a column named step is a step column: epoch and time are columns like any other', () => {
    expect(problem(file('epoch.csv', 'epoch,lr\n0,0.1\n0,0.2\n'), 2)).toBe('epoch.csv:1: 2 columns ("epoch", "lr"): name the one to read with column:');
    expect(read(file('epoch.csv', 'epoch,lr\n0,0.1\n0,0.2\n'), 2, 'lr')).toEqual([0.1, 0.2]);
    expect(problem(file('time.csv', 'time,lr\n0,0.1\n'), 1)).toBe('time.csv:1: 2 columns ("time", "lr"): name the one to read with column:');
    expect(problem(file('Step.csv', 'Step,lr\n2,0.1\n'), 1)).toMatch(/^Step\.csv:2: column "Step": must count 1, 2, 3 …/);
  });

  it('formats other than .csv, .tsv, .npy and .json are refused by name; .tsv is tab-separated', () => {
    expect(problem(file('lr.txt', 'lr\n0.1\n'), 1)).toBe('lr.txt: a table is a .csv, .tsv, .npy or .json file (got ".txt"; np.savetxt(…, delimiter=",") writes CSV)');
    expect(problem(file('lr.ndjson', '0.1\n'), 1)).toMatch(/^lr\.ndjson: a table is a \.csv/);
    expect(read(file('lr.tsv', 'step\tlr\n1\t0.5\n'), 1)).toEqual([0.5]);
  });
});

describe('docs/examples/schedule.csv, what docs/own-run.md\'s dump script wrote with torch', () => {
  it('holds LambdaLR\'s lr = 0.1·λ(t − 1), λ(s) = min(1, (s + 1)/4)·0.9^max(0, s − 3), and momentum 0.9, for steps 1–12', () => {
    const path = join(ROOT, 'docs', 'examples', 'schedule.csv');
    const lr = [...readTableFile(path, { file: 'schedule.csv', column: 'lr', steps: 12 })];
    const want = Array.from({ length: 12 }, (_, s) => 0.1 * (Math.min(1, (s + 1) / 4) * 0.9 ** Math.max(0, s - 3)));
    // 0.9 ** n: V8's and glibc's pow may differ in the last bit (torch-scheduled.test.ts measured it too): 2 ulp.
    lr.forEach((x, i) => expect(Math.abs(x - want[i]), `step ${i + 1}`).toBeLessThanOrEqual(2 * 2 ** -52 * want[i]));
    expect([...readTableFile(path, { file: 'schedule.csv', column: 'momentum', steps: 12 })]).toEqual(new Array(12).fill(0.9));
  });
});

describe('readTrace maxSamples: memory bounded by the steps whatever the file holds', () => {
  it('keeps the first maxSamples samples of each series and counts the rest', () => {
    const path = file('long.csv', `a,b\n${Array.from({ length: 5000 }, (_, i) => `${i},${-i}`).join('\n')}\n`);
    const [a, b] = readTrace(path, { maxSamples: 3 }).series;
    expect([...a.values]).toEqual([0, 1, 2]);
    expect([a.excess, b.excess]).toEqual([4997, 4997]);
    expect(readTrace(path).series[0].excess).toBeUndefined();
  });
});
