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

/** …and at most this many where the coefficients move (evenly spaced in how far they have moved). */
const MOVED_ROWS = 12;

/** How far a row's numbers moved from the row before: the largest relative change |Δx|/max(|x|, |x'|), 0 when none. */
export function movement(now: readonly (number | null | undefined)[], before: readonly (number | null | undefined)[] | undefined): number {
  if (before === undefined) return 0;
  let most = 0;
  for (const [i, x] of now.entries()) {
    const y = before[i];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const scale = Math.max(Math.abs(x), Math.abs(y));
    if (scale > 0) most = Math.max(most, Math.abs(x - y) / scale);
  }
  return most;
}

/** Where a row sits, for the evenly spaced rows: its steps `[first, last]` out of the table's `span` (rows spaced in steps, not in count). */
export interface RowAt {
  /** Something discrete changed since the row before (type, verdict, peak). */
  changed?: boolean;
  /** How far the coefficients moved since the row before (movement). */
  moved?: number;
  /** The row's first and last step. */
  steps?: readonly [number, number];
}

/**
 * Which rows of a long table a terminal shows, offered one row at a time (the table streams): the
 * first and the last; SAMPLED_ROWS evenly spaced between (in steps when the rows say theirs, so a
 * warm-up of many one-step stages does not take every sample); each row where something discrete
 * changes (up to CHANGE_ROWS); and up to MOVED_ROWS where the coefficients move, evenly spaced in
 * their accumulated movement (so a warm-up where u, v or lr change most gets its rows). A table of
 * up to 2·SAMPLED_ROWS rows is shown whole. Memory: the rows kept, never the table.
 */
export class RowSampler<R = unknown> {
  /** Rows not shown. */
  get omitted(): number {
    return this.count === 0 ? 0 : this.seen - this.kept.length - this.moved.length;
  }

  private readonly all: boolean;
  private changes = 0;
  private seen = 0;
  private readonly kept: { position: number; row: R }[] = [];
  /** Rows where the accumulated movement crossed a multiple of `grain`, thinned by doubling it. */
  private moved: { position: number; row: R; from: number; to: number }[] = [];
  private total = 0;
  private grain = 1 / 64;

  /** `count` rows (0: every row, --all); `span`: the table's first and last step, when rows say theirs. */
  constructor(readonly count: number, private readonly span?: readonly [number, number]) {
    this.all = count <= 2 * SAMPLED_ROWS; // 0 too: --all
  }

  /** Offers row `position` (0-based, in order); true when it is surely shown (with --all: every row, to stream). */
  keep(position: number, at: RowAt, row?: R): boolean {
    this.seen++;
    const sure = this.all || position === 0 || position === this.count - 1 || this.spaced(position, at.steps) || (at.changed === true && this.changes++ < CHANGE_ROWS);
    if (sure) {
      // --all's rows stream: none held.
      if (this.count > 0) this.kept.push({ position, row: row as R });
      return true;
    }
    const from = this.total;
    this.total += at.moved ?? 0;
    if (Math.floor(this.total / this.grain) > Math.floor(from / this.grain)) {
      this.moved.push({ position, row: row as R, from, to: this.total });
      while (this.moved.length > MOVED_ROWS) {
        this.grain *= 2;
        this.moved = this.moved.filter((m) => Math.floor(m.to / this.grain) > Math.floor(m.from / this.grain));
      }
    }
    return false;
  }

  /** The rows shown, in order (with --all: none, they streamed). A row is kept surely or for its movement, never both. */
  rows(): R[] {
    return [...this.kept, ...this.moved].sort((a, b) => a.position - b.position).map((k) => k.row);
  }

  private spaced(position: number, steps: readonly [number, number] | undefined): boolean {
    if (steps !== undefined && this.span !== undefined) {
      // The rows holding steps evenly spaced over the span; step s holds [s, s + 1) (stepAxis), so a
      // spaced point between two steps' numbers (100.9) is in a row.
      const [a, b] = this.span;
      const gap = (b - a) / (SAMPLED_ROWS - 1);
      if (gap <= 0) return true;
      const j = Math.ceil((steps[0] - a) / gap - 1e-9);
      return a + j * gap < steps[1] + 1;
    }
    const step = (this.count - 1) / (SAMPLED_ROWS - 1);
    return position === Math.round(Math.round(position / step) * step);
  }
}
