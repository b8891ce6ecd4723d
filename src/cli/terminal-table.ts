/**
 * Tables for a terminal (the TTY half of every command's table; pipes and files keep their own
 * layout): columns that fit the width by priority, a units line, a legend that defines them,
 * and a row sampler that keeps long tables short. Never wraps: every line is at most the width.
 */

/** One column of a terminal table. */
export interface TermColumn<R> {
  /** Short header; its unit goes on the units line. */
  title: string;
  unit?: string;
  /** What the column is, for the legend (none: the header says it all). */
  legend?: string;
  /** Width of the cells; `narrow` is used when the table does not fit at full widths. */
  width: number;
  narrow?: number;
  /** Columns are dropped lowest priority first until the table fits. */
  priority: number;
  left?: boolean;
  /** The cell's text, at most `width` characters (fitNumber makes numbers fit). */
  cell(row: R, width: number): string;
  /** Colour for a cell that means something (amplifies/attenuates): the padded text, painted. */
  paint?(row: R, text: string): string;
}

export interface TableLayout<R> {
  columns: { column: TermColumn<R>; width: number }[];
  /** Columns left out to fit, in their table order. */
  hidden: TermColumn<R>[];
  /** Columns left out because every row shows the same text (fitTable), with that text: said once below the rows. */
  same?: { column: TermColumn<R>; text: string }[];
}

const GAP = 1;

function lineWidth(widths: number[]): number {
  return widths.reduce((a, w) => a + w, 0) + GAP * Math.max(0, widths.length - 1);
}

/**
 * The columns that fit in `maxWidth` characters: all at full width if they fit, else at their narrow
 * widths, dropping the lowest priority first until the rest fit (the highest one always stays).
 */
export function fitColumns<R>(columns: readonly TermColumn<R>[], maxWidth: number): TableLayout<R> {
  const widthOf = (c: TermColumn<R>, narrow: boolean) => Math.max(narrow ? (c.narrow ?? c.width) : c.width, c.title.length, c.unit?.length ?? 0);
  if (lineWidth(columns.map((c) => widthOf(c, false))) <= maxWidth) return { columns: columns.map((column) => ({ column, width: widthOf(column, false) })), hidden: [] };
  const kept = new Set(columns);
  const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
  while (kept.size > 1 && lineWidth([...kept].map((c) => widthOf(c, true))) > maxWidth) kept.delete(byPriority.find((c) => kept.has(c))!);
  return {
    columns: columns.filter((c) => kept.has(c)).map((column) => ({ column, width: widthOf(column, true) })),
    hidden: columns.filter((c) => !kept.has(c)),
  };
}

/**
 * fitColumns for a table whose rows are known: with two rows or more, a column whose every row shows the
 * same text (`v` = 1, `settle` = never) is left out before fitting, so it frees its width for a column
 * that says something, and is said once below the rows (sameLine). The first column (what a row is)
 * always stays.
 */
export function fitTable<R>(columns: readonly TermColumn<R>[], rows: readonly R[], maxWidth: number): TableLayout<R> {
  if (rows.length < 2) return fitColumns(columns, maxWidth);
  const same: { column: TermColumn<R>; text: string }[] = [];
  const varying = columns.filter((column, i) => {
    const text = column.cell(rows[0], column.width);
    if (i === 0 || rows.some((r) => column.cell(r, column.width) !== text)) return true;
    same.push({ column, text: text.trim() });
    return false;
  });
  return { ...fitColumns(varying, maxWidth), ...(same.length > 0 ? { same } : {}) };
}

/** The line below the rows naming the columns fitTable left out as the same on every row: `every row: v = 1, settle = never`. */
export function sameLine<R>(layout: TableLayout<R>, width: number): string[] {
  if (layout.same === undefined) return [];
  // One part never breaks across lines (fill keeps no-break spaces).
  const parts = layout.same.map(({ column, text }) => `${column.title} = ${text}${column.unit !== undefined && /\d$/.test(text) ? ` ${column.unit}` : ''}`.replaceAll(' ', '\u00a0'));
  return fill(`every row: ${parts.join(', ')}`, width);
}

/** The header line, and the units line when any column has a unit (dimmed by `dim`). */
export function headerLines<R>(layout: TableLayout<R>, bold: (s: string) => string = (s) => s, dim: (s: string) => string = (s) => s): string[] {
  const line = (text: (c: TermColumn<R>) => string) => layout.columns.map(({ column, width }) => align(text(column), width, column.left)).join(' ').trimEnd();
  const lines = [bold(line((c) => c.title))];
  if (layout.columns.some(({ column }) => column.unit !== undefined)) lines.push(dim(line((c) => c.unit ?? '')));
  return lines;
}

/** One row; a cell that comes out too long is cut (the column's cell() should prevent it). */
export function rowLine<R>(layout: TableLayout<R>, row: R): string {
  const cells = layout.columns.map(({ column, width }) => {
    let text = column.cell(row, width);
    if (text.length > width) text = `${text.slice(0, width - 1)}…`;
    const padded = align(text, width, column.left);
    return column.paint ? column.paint(row, padded) : padded;
  });
  return cells.join(' ').replace(/\s+$/, '');
}

function align(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

/**
 * The legend: "title: definition" for each shown column that has one, then which columns were left
 * out to fit; filled into lines of at most `width` characters at word boundaries.
 */
export function legendLines<R>(layout: TableLayout<R>, width: number, extra: string[] = []): string[] {
  const parts = layout.columns.filter(({ column }) => column.legend !== undefined).map(({ column }) => `${column.title}: ${column.legend}`);
  if (layout.hidden.length > 0) parts.push(`not shown at this width: ${layout.hidden.map((c) => c.title).join(', ')} (a wider terminal, or --format csv)`);
  return fill([...parts, ...extra].map((p, i, all) => (i < all.length - 1 ? `${p};` : `${p}.`)).join(' '), width);
}

/** Spaces a line must not break at: inside a digit group (117 000) and before a unit (−5.9 dB, 390 steps). */
const UNBREAKABLE = /(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=(dB|steps?|bins?)\b)/g;

/**
 * Words filled into lines of at most `width` characters, continuation lines indented by `indent`;
 * a number stays with its digit groups and its unit.
 */
export function fill(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(UNBREAKABLE, '\u00a0').split(' ').map((w) => w.replaceAll('\u00a0', ' '))) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = indent + word;
    }
    // A word longer than the line is cut where the line ends; each cut line keeps at least one
    // character after the indent, so a width not wider than the indent still ends (a wider line then).
    const cut = Math.max(width, indent.length + 1);
    while (line.length > cut) {
      lines.push(line.slice(0, cut));
      line = indent + line.slice(cut);
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}


/** Rows a summarised table keeps: about this many evenly spaced ones… */
export const SAMPLED_ROWS = 12;
/** …and at most this many more where something changes. */
const CHANGE_ROWS = 24;

/**
 * Which rows of a long table a terminal shows, decided one row at a time (the table streams): the
 * first and the last, SAMPLED_ROWS evenly spaced between, and each row where something changes
 * (up to CHANGE_ROWS of them). A table of up to 2·SAMPLED_ROWS rows is shown whole.
 */
export class RowSampler {
  /** Rows not shown so far. */
  omitted = 0;
  private changes = 0;
  private readonly all: boolean;

  constructor(readonly count: number) {
    this.all = count <= 2 * SAMPLED_ROWS; // 0 too: --all
  }

  /** Whether row `position` (0-based, in order) is shown; `changed`: something changed since the row before. */
  keep(position: number, changed: boolean): boolean {
    if (this.all || this.spaced(position)) return true;
    if (changed && this.changes < CHANGE_ROWS) {
      this.changes++;
      return true;
    }
    this.omitted++;
    return false;
  }

  private spaced(position: number): boolean {
    const step = (this.count - 1) / (SAMPLED_ROWS - 1);
    return position === Math.round(Math.round(position / step) * step);
  }
}
