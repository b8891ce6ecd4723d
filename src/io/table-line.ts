/**
 * One line of a fixed-width terminal table: each cell padded to its column's width (right-aligned,
 * or left-aligned for the columns in `left`), cells joined by one space, trailing blanks trimmed.
 * A cell wider than its column pushes the rest of the line right rather than being cut. Widths
 * count UTF-16 code units, so pad a cell before colouring it.
 */
export function tableLine(cells: readonly string[], widths: readonly number[], left: ReadonlySet<number> = NO_COLUMNS): string {
  return cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' ').trimEnd();
}

const NO_COLUMNS: ReadonlySet<number> = new Set();
