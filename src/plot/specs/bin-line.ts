import { stepStart } from './step-axis.js';

/** One bin of the step axis, in steps elapsed (stepBins), and whether it merges several stages. */
export interface LineBin {
  t0: number;
  t1: number;
  merged: boolean;
}

/** The first point of a line (start of training) or its last (end of training). */
export type LineEdge = 'first' | 'last';

/**
 * The points of a line over step bins, drawn with linear interpolation: a bin of one stage is a flat
 * segment over its steps (its first step and the end of its last: stepAxis), a merged bin one point
 * at its middle step, carrying the bin's step-weighted mean (the value of a linear ramp at its middle).
 * A quantity that changes every step (a warm-up, a bias correction) is thus drawn as the ramp it is,
 * where a step line through merged bins' means draws stairs one bin wide; a jump inside a merged bin
 * becomes a slope one bin wide, inside the bin's min–max band. The first and last bins reach the
 * axis' ends. There a merged bin's mean would misstate where training starts or ends (OneCycleLR's
 * last bin averages 1.4e-6 where its last step has 4e-7), so the first point is marked 'first' and
 * the last 'last': the row there carries the first (last) stage's own value, and the line ends at
 * the real value.
 *
 * `row(b, step, edge)` builds the row of bin b at a step; returns the rows in step order.
 */
export function binLineRows<R>(bins: readonly LineBin[], row: (b: number, step: number, edge?: LineEdge) => R): R[] {
  const rows: R[] = [];
  bins.forEach(({ t0, t1, merged }, b) => {
    const start = stepStart(t0);
    const end = stepStart(t1);
    if (!merged || b === 0) rows.push(row(b, start, b === 0 ? 'first' : undefined));
    if (merged) rows.push(row(b, (start + end) / 2));
    if (!merged || b === bins.length - 1) rows.push(row(b, end, b === bins.length - 1 ? 'last' : undefined));
  });
  return rows;
}
