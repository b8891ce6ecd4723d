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
