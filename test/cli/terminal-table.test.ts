import { fitNumber } from '../../src/util/table-number.js';
import { describe, expect, it } from 'vitest';
import { fill, fitColumns, fitTable, headerLines, movement, RowSampler, rowLine, SAMPLED_ROWS, sameLine, type TermColumn } from '../../src/cli/terminal-table.js';
import { runCli } from '../support/run-cli.js';

const column = (title: string, width: number, priority: number, narrow?: number): TermColumn<number> => ({ title, width, narrow, priority, cell: (r) => String(r) });

describe('fitColumns', () => {
  const columns = [column('a', 10, 10), column('b', 10, 5, 6), column('c', 10, 1), column('d', 10, 8)];

  it('keeps every column at full width when they fit (widths plus one space between)', () => {
    const layout = fitColumns(columns, 43);
    expect(layout.columns.map((c) => c.width)).toEqual([10, 10, 10, 10]);
    expect(layout.hidden).toEqual([]);
  });

  it('goes narrow, then drops the lowest priority first, keeping the table order', () => {
    expect(fitColumns(columns, 39).columns.map((c) => [c.column.title, c.width])).toEqual([['a', 10], ['b', 6], ['c', 10], ['d', 10]]);
    const layout = fitColumns(columns, 30);
    expect(layout.columns.map((c) => c.column.title)).toEqual(['a', 'b', 'd']);
    expect(layout.hidden.map((c) => c.title)).toEqual(['c']);
    expect(fitColumns(columns, 3).columns.map((c) => c.column.title)).toEqual(['a']);
  });

  it('a header line and a units line of the fitted widths, and rows no wider', () => {
    const layout = fitColumns<number>([{ ...column('gain', 6, 1), unit: 'dB' }, column('x', 3, 2)], 80);
    expect(headerLines(layout)).toEqual(['  gain   x', '    dB']);
    expect(rowLine(layout, 12345678)).toBe('12345… 12…');
  });
});

describe('fitTable: a column the same on every row is said once, not repeated', () => {
  type Row = { id: number; settle: string; lr: number };
  const table: TermColumn<Row>[] = [
    { title: 'stage', width: 5, priority: 100, cell: (r) => String(r.id) },
    { title: 'settle', unit: 'steps', width: 7, priority: 72, cell: (r) => r.settle },
    { title: 'lr', unit: 'x', width: 7, priority: 70, cell: (r) => String(r.lr) },
  ];
  const rows: Row[] = [1, 2, 3].map((id) => ({ id, settle: 'never', lr: id / 10 }));

  it('drops it before fitting, so a column that varies keeps the width it frees (settle: never on every row, lr shown)', () => {
    expect(fitColumns(table, 13).columns.map((c) => c.column.title)).toEqual(['stage', 'settle']);
    const layout = fitTable(table, rows, 13);
    expect(layout.columns.map((c) => c.column.title)).toEqual(['stage', 'lr']);
    expect(layout.hidden).toEqual([]);
    expect(sameLine(layout, 80)).toEqual(['every row: settle = never']);
  });

  it('names a number with its unit, never breaks a part across lines, and keeps the first column', () => {
    const same = rows.map((r) => ({ ...r, id: 7, lr: 0.5 }));
    const layout = fitTable(table, same, 80);
    expect(layout.columns.map((c) => c.column.title)).toEqual(['stage']);
    expect(sameLine(layout, 80)).toEqual(['every row: settle = never, lr = 0.5 x']);
    expect(sameLine(layout, 26)).toEqual(['every row: settle = never,', 'lr = 0.5 x']);
  });

  it('a table of one row keeps its columns: a single value is not "the same on every row"', () => {
    expect(fitTable(table, rows.slice(0, 1), 80).columns).toHaveLength(3);
    expect(sameLine(fitTable(table, rows.slice(0, 1), 80), 80)).toEqual([]);
  });
});

describe('fill', () => {
  it('fills words into lines of at most the width, indenting continuations, cutting a word longer than a line', () => {
    expect(fill('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(fill('aa bb cc', 6, '  ')).toEqual(['aa bb', '  cc']);
    expect(fill('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
  });

  it('ends on a terminal no wider than the indent, cutting one character after the indent per line and losing none', () => {
    for (const width of [0, 1, 2, 3]) {
      const lines = fill('low-pass throughout; DC gain falls', width, '  ');
      expect(lines.join('').replaceAll(' ', '')).toBe('low-passthroughout;DCgainfalls');
      for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(Math.max(width, 3));
    }
    expect(fill('abcd', 2, '  ')).toEqual(['abc', '  d']);
  });
});

describe('fitNumber', () => {
  it('drops significant digits until the number fits, then falls back to one-digit exponents', () => {
    expect(fitNumber(0.968054211, 9, 6)).toBe('0.968054');
    expect(fitNumber(0.968054211, 6, 6)).toBe('0.9681');
    expect(fitNumber(-1.234567e-300, 7)).toBe('-1e-300');
    expect(fitNumber(null, 7)).toBe('–');
    expect(fitNumber(Infinity, 7)).toBe('∞');
    for (const x of [1e300, -1e-300, -123456.789, 5e-5, -0.000123456]) expect(fitNumber(x, 7).length).toBeLessThanOrEqual(7);
  });
});

describe('RowSampler', () => {
  it('shows a short table whole', () => {
    const s = new RowSampler(2 * SAMPLED_ROWS);
    expect(Array.from({ length: 2 * SAMPLED_ROWS }, (_, i) => s.keep(i, {})).every(Boolean)).toBe(true);
    expect(s.omitted).toBe(0);
  });

  it('of a long table keeps the first, the last, SAMPLED_ROWS evenly spaced rows and the rows where something changes', () => {
    const n = 301;
    const s = new RowSampler(n);
    const kept = Array.from({ length: n }, (_, i) => i).filter((i) => s.keep(i, { changed: i === 1 || i === 150 }));
    const spaced = Array.from({ length: SAMPLED_ROWS }, (_, j) => Math.round((j * (n - 1)) / (SAMPLED_ROWS - 1)));
    expect(kept).toEqual([...new Set([...spaced, 1, 150])].sort((a, b) => a - b));
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(s.omitted).toBe(n - kept.length);
  });

  it('spaces its rows in steps when rows say theirs: 100 one-step stages then ten of 100 steps: the one-step stages get the two samples in their steps, not most of the twelve', () => {
    // Steps 1–100 one per row, then rows of 100 steps each, to step 1100.
    const rows: [number, number][] = [...Array.from({ length: 100 }, (_, i): [number, number] => [i + 1, i + 1]), ...Array.from({ length: 10 }, (_, k): [number, number] => [101 + 100 * k, 200 + 100 * k])];
    const s = new RowSampler(rows.length, [1, 1100]);
    const kept = rows.map((steps, i) => i).filter((i) => s.keep(i, { steps: rows[i] }));
    // Brute force: the row holding each of SAMPLED_ROWS evenly spaced steps 1 + j·1099/11.
    const targets = Array.from({ length: SAMPLED_ROWS }, (_, j) => 1 + (j * 1099) / (SAMPLED_ROWS - 1));
    const holding = targets.map((t) => rows.findIndex(([a, b]) => b + 1 > t && t >= a));
    expect(kept).toEqual([...new Set(holding)]);
    expect(kept.filter((i) => i < 100)).toEqual([0, 99]);
    expect(s.omitted).toBe(rows.length - kept.length);
  });

  it('keeps rows where the numbers move, spread over the movement: a ramp in the middle of a flat table gets the extra rows', () => {
    const n = 1000;
    // u is flat but for a linear ramp 0.5 → 0.9 over rows 400–499 (none of them evenly spaced in count but 454).
    const u = (i: number) => (i < 400 ? 0.5 : i >= 500 ? 0.9 : 0.5 + (0.4 * (i - 399)) / 100);
    const s = new RowSampler<number>(n);
    for (let i = 0; i < n; i++) s.keep(i, { moved: movement([u(i)], i === 0 ? undefined : [u(i - 1)]) }, i);
    const spaced = Array.from({ length: SAMPLED_ROWS }, (_, j) => Math.round((j * (n - 1)) / (SAMPLED_ROWS - 1)));
    const extra = s.rows().filter((i) => !spaced.includes(i));
    expect(extra.length).toBeGreaterThanOrEqual(6);
    expect(extra.every((i) => i >= 400 && i < 500)).toBe(true);
  });

  it('count 0 (--all): every row', () => {
    const s = new RowSampler(0);
    expect([0, 1, 2, 1000].every((i) => s.keep(i, {}))).toBe(true);
  });
});

describe('movement', () => {
  it('is the largest relative change |Δx|/max(|x|, |x′|) over the numbers, skipping missing ones; 0 for the first row', () => {
    expect(movement([0.9, 1], [0.6, 1])).toBeCloseTo(0.3 / 0.9, 15);
    expect(movement([0.5, 2], [0.5, 1])).toBe(0.5);
    expect(movement([null, 0.5, undefined], [1, 0.25, 3])).toBe(0.5);
    expect(movement([0, 0], [0, 0])).toBe(0);
    expect(movement([1], undefined)).toBe(0);
  });
});

describe('fill keeps numbers whole', () => {
  it('never breaks inside a digit group or between a number and its unit', () => {
    expect(fill('DC gain rises from 0 dB to +29.9 dB by step 117 000', 22)).toEqual(['DC gain rises from', '0 dB to +29.9 dB by', 'step 117 000']);
    expect(fill('aa 117 000 steps', 14)).toEqual(['aa', '117 000 steps']);
  });
});

describe('commands that fill words on a terminal', () => {
  // fill cut a word longer than the line into pieces of `width` characters after the indent: with a
  // width not wider than the indent no piece got shorter, and the command never ended.
  it('end on a terminal one or two columns wide (presets, analyze --compare, tune)', async () => {
    const commands = [
      ['presets'],
      ['analyze', 'configs/ema-sgdm.yaml', 'configs/standard-sgdm.yaml', '--compare'],
      ['tune', '--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'last.dcGainDb=10'],
    ];
    for (const columns of [1, 2]) {
      for (const args of commands) {
        const r = await runCli(args, { tty: true, columns });
        expect(r.code, `${args.join(' ')} at ${columns} columns: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    }
  });
});
