import { roundSig } from '../../util/round-sig.js';
import { METRIC_TITLES } from './metric-title.js';
import { NUMBER_LABELS, numberLabelExpr } from './value-domain.js';

/**
 * A metric's values span decades when all finite ones are positive and the largest is at least
 * DECADES_RATIO times the smallest: a linear colour or y scale would then spend most of its range
 * on a few points (a DC gain of 3…202 shows one shade over most of the map).
 */
export const DECADES_RATIO = 10;

/** Whether `values` (NaN: no value) call for a log scale (see DECADES_RATIO). */
export function spansDecades(values: ArrayLike<number>): boolean {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const z = values[i];
    if (!Number.isFinite(z)) continue;
    if (z <= 0) return false;
    if (z < lo) lo = z;
    if (z > hi) hi = z;
  }
  return lo <= hi && hi >= DECADES_RATIO * lo;
}

/** The metric's title with its unit (METRIC_TITLES), or its key when it has none. */
export function metricTitle(metric: string): string {
  return (METRIC_TITLES as Record<string, string>)[metric] ?? metric;
}

/** The title without its trailing unit in parentheses, for a figure's title ("DC gain |H(ω = 0)|"). */
export function metricName(metric: string): string {
  return metricTitle(metric).replace(/ \([^()]*\)$/, '');
}

/** Axis labels that do not collide: plain numbers (NUMBER_LABELS), overlapping ones dropped (also with a browser's wider fonts). */
export const SPACED_LABELS = { ...NUMBER_LABELS, labelOverlap: 'greedy', labelSeparation: 6 } as const;

/** A swept axis of at most this many grid values gets a tick at each of them. */
export const MAX_GRID_TICKS = 12;

/**
 * The axis of a swept parameter: a tick and label at every grid value when there are few
 * (MAX_GRID_TICKS), so the first and last points are labelled (0.9 … 0.99), else vega's nice ticks.
 * Grid labels are centred on their ticks (not flush with the panel's ends, which pushes the end
 * labels onto their neighbours, so the overlap rule dropped 0.91 and 0.99) and show the value to
 * the fewest significant digits (at most 4: gridDigits) that keep the grid's values apart (vega's
 * precision comes from its own tick step: 25 750 read "30000"; 6 digits, "0.0928571", left room for
 * half of 8 labels). Where labels still collide every other one is dropped ('parity'), so the
 * labelled values stay evenly spaced.
 */
export function gridAxis(values: readonly number[]) {
  if (values.length > MAX_GRID_TICKS) return SPACED_LABELS;
  return {
    ...SPACED_LABELS,
    labelOverlap: 'parity' as const,
    values: values.map((x) => roundSig(x) ?? x),
    labelFlush: false,
    labelExpr: numberLabelExpr(`format(datum.value, '.${gridDigits(values)}~r')`),
  };
}

/** Most significant digits of a grid label (gridDigits). */
export const MAX_GRID_DIGITS = 4;

/**
 * Significant digits of a grid's labels: the fewest (≤ MAX_GRID_DIGITS) that write every value
 * exactly (0.9, 0.91, …; 25750), else 3, or 4 where 3 would merge two values: 0.05…0.2 in 8 steps
 * reads 0.05, 0.0714, 0.0929, … (a label off by less than 0.1 %, never a rounder wrong one: 25 750 is
 * not "30000").
 */
export function gridDigits(values: readonly number[]): number {
  const exact = (x: number, p: number) => Number(x.toPrecision(p)) === (roundSig(x) ?? x);
  for (let p = 1; p <= MAX_GRID_DIGITS; p++) if (values.every((x) => exact(x, p))) return p;
  const distinct = new Set(values).size;
  return new Set(values.map((x) => Number(x.toPrecision(3)))).size === distinct ? 3 : MAX_GRID_DIGITS;
}

/**
 * A legend's title in lines of at most `width` characters, broken at spaces (vega cuts a long
 * legend title with "…": "Effective learning rate …").
 */
export function titleLines(title: string, width = 24): string | string[] {
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length === 1 ? lines[0] : lines;
}
