import { roundSig } from '../util/round-sig.js';

/** One bin of a long series: the range of its values over steps `startStep` … `endStep`. */
export interface SeriesBandRecord {
  series: string;
  /** Centre of the bin, in steps (the step itself when a bin holds one step). */
  step: number;
  /** First and last 1-based step of the bin. */
  startStep: number;
  endStep: number;
  /** Smallest and largest finite value in the bin (equal for a one-step bin); null when none is finite. */
  low: number | null;
  high: number | null;
}

/**
 * A series reduced to at most `maxBins` bins of equal length (the last may be shorter), each
 * carrying the minimum and maximum of its values: a min/max band keeps every excursion (a spike,
 * a transient, the envelope of a noisy sine) that taking every k-th sample would alias away or
 * hide, at a size independent of the series' length. Series of at most `maxBins` steps keep
 * every step (bins of one step, low = high).
 *
 * All series share one bin length, ⌈longest/maxBins⌉, so their bins line up.
 */
export function seriesBands(series: readonly { name: string; values: ArrayLike<number> }[], maxBins = 1000): SeriesBandRecord[] {
  const longest = Math.max(0, ...series.map((s) => s.values.length));
  const size = Math.max(1, Math.ceil(longest / maxBins));
  const rows: SeriesBandRecord[] = [];
  for (const s of series) {
    const n = s.values.length;
    for (let from = 0; from < n; from += size) {
      const to = Math.min(n, from + size);
      let low = Infinity, high = -Infinity;
      for (let t = from; t < to; t++) {
        const x = s.values[t];
        if (!Number.isFinite(x)) continue;
        if (x < low) low = x;
        if (x > high) high = x;
      }
      const finite = low <= high;
      rows.push({ series: s.name, step: (from + 1 + to) / 2, startStep: from + 1, endStep: to, low: finite ? roundSig(low) : null, high: finite ? roundSig(high) : null });
    }
  }
  return rows;
}
