import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/io/table-csv.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The text cut into chunks of `size` bytes: a line may span any number of them. */
const chunks = (text: string, size: number): Uint8Array[] => {
  const all = bytes(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
};
const parse = (text: string, steps: number, column?: string | number, size = 1 << 20) => [...parseCsvTable(chunks(text, size), 't.csv', { steps, column, delimiter: ',' }).values];
const problem = (text: string, steps: number, column?: string | number): string => {
  try {
    parse(text, steps, column);
    return 'no problem';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('parseCsvTable: one value per row, row r being step r', () => {
  it('says on which line step 1 is: after comments and the header, or the first line without a header', () => {
    expect(parseCsvTable([new TextEncoder().encode('# c\n\nlr\n0.1\n')], 't.csv', { steps: 1, delimiter: ',' }).firstLine).toBe(4);
    expect(parseCsvTable([new TextEncoder().encode('0.1\n0.2\n')], 't.csv', { steps: 2, delimiter: ',' }).firstLine).toBe(1);
  });

  it('reads the same values whatever the chunks (lines cut anywhere, CRLF, quoted names, a UTF-8 BOM)', () => {
    const text = '\uFEFF"step","lr"\r\n1,0.5\r\n2,0.25\r\n3,1e-3\r\n';
    for (const size of [1, 2, 3, 7, 1 << 20]) expect(parse(text, 3, 'lr', size)).toEqual([0.5, 0.25, 1e-3]);
  });

  it('comment lines before the header are skipped (np.savetxt), anywhere else they are not numbers', () => {
    expect(parse('# lr dumped\nlr\n0.1\n', 1)).toEqual([0.1]);
    expect(problem('lr\n0.1\n# end\n', 2)).toBe('t.csv:3: column "lr": expected a number (got "# end")');
  });

  it('a row of another width than the header, NaN and inf are errors at their line', () => {
    expect(problem('step,lr\n1,0.1,9\n', 1)).toBe('t.csv:2: 3 cells where the header has 2');
    expect(problem('lr\nnan\n', 1)).toBe('t.csv:2: column "lr": not a finite number (got nan)');
    expect(problem('lr\n0.1\n-inf\n', 2)).toBe('t.csv:3: column "lr": not a finite number (got -inf)');
  });

  it('a column asked for that is not there names the columns there are', () => {
    expect(problem('step,lr\n1,0.1\n', 1, 'momentum')).toBe('t.csv:1: no column "momentum" (columns: "step", "lr")');
    expect(problem('step,lr\n1,0.1\n', 1, 2)).toBe('t.csv:1: no column 2 (counting from 0): the file has 2 ("step", "lr")');
    expect(problem('', 1)).toBe('t.csv: no header and no rows');
  });
});

describe('parseCsvTable reads quoted cells per RFC 4180, as pandas and Python\'s csv module write them', () => {
  const fixture = (name: string) => readFileSync(`test/fixtures/tables/${name}`, 'utf8');
  const lr = Array.from({ length: 6 }, (_, i) => (i + 1) / 40);

  it('a quoted column name holding the separator is one column (pandas writes `"lr, warm"`), minimal or full quoting, any chunking', () => {
    for (const name of ['quoted-minimal.csv', 'quoted-all.csv']) {
      for (const size of [1, 5, 1 << 20]) expect(parse(fixture(name), 6, 'lr, warm', size)).toEqual(lr);
      expect(parse(fixture(name), 6, 1)).toEqual(lr);
    }
  });

  it('a quoted text cell holding separators and doubled quotes is one cell, named with its quotes undone', () => {
    expect(problem(fixture('quoted-minimal.csv'), 6)).toBe('t.csv:1: 2 columns besides "step" ("lr, warm", "note \\"x\\""): name the one to read with column:');
    expect(problem(fixture('quoted-minimal.csv'), 6, 'note "x"')).toBe('t.csv:2: column "note \\"x\\"": expected a number (got "epoch 0, batch 0 \\"1\\"")');
  });

  it('a quoted number is read; a separator inside quotes keeps the row one cell wide', () => {
    expect(parse('"lr"\n"0.5"\n" 0.25 "\n', 2)).toEqual([0.5, 0.25]);
    expect(problem('lr\n0.1\n"1,5"\n', 2)).toBe('t.csv:3: column "lr": expected a number (got "1,5")');
    expect(problem('step,lr\n1,"0.1,2"\n', 1)).toBe('t.csv:2: column "lr": expected a number (got "0.1,2")');
  });

  it('rows without a quote are split at every separator as before, beside quoted ones', () => {
    expect(parse('step,"lr"\n1,0.5\n"2",0.25\n3,"0.125"\n', 3, 'lr')).toEqual([0.5, 0.25, 0.125]);
  });
});
