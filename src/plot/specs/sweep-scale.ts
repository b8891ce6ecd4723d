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
 * labels onto their neighbours, so the overlap rule dropped 0.91 and 0.99) and show the value to 6
 * significant digits (vega's precision comes from its own tick step: 25 750 read "30000").
 */
export function gridAxis(values: readonly number[]) {
  if (values.length > MAX_GRID_TICKS) return SPACED_LABELS;
  return {
    ...SPACED_LABELS,
    values: values.map((x) => roundSig(x) ?? x),
    labelFlush: false,
    labelExpr: numberLabelExpr("format(datum.value, '~r')"),
  };
}
