import { METRIC_TITLES } from './metric-title.js';

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

/** Axis labels that do not collide: nice numbers, overlapping ones dropped (also with a browser's wider fonts). */
export const SPACED_LABELS = { format: '~g', labelOverlap: 'greedy', labelSeparation: 6, labelFlush: true } as const;
