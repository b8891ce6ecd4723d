import { roundSig } from '../../util/round-sig.js';
import { cellEdges } from './cell-edges.js';
import { stackedTitle } from './stacked-title.js';
import { linearStepTicks, stepStart } from './step-axis.js';
import { STEP_LABELS } from './step-labels.js';
import { plotTheme } from './theme.js';
import { NUMBER_LABELS } from './value-domain.js';
import { SPECTRAL_WIDTH, topLevelSpec, type DataRow, type TopLevelSpec } from './vega-lite-spec.js';
import type { SpectrogramRecord } from '../../spectral/plot-records.js';

/**
 * Spectrograms as heat maps (time × frequency, colour = power in dB), one panel per series.
 *
 * Both axes are quantitative: each cell spans halfway to its neighbours (cellEdges), so cells tile
 * the panel with no gap whatever the number of segments, and the axes get nice ticks (0, 0.1, …, 0.5
 * cycles/step; 500, 1k, … steps) instead of one label per segment. The frequency cells are clipped
 * to the spectrum's own range, so the DC and Nyquist cells are half as tall as the others (a bin's
 * band ends there).
 *
 * `frequencyTitle` and `timeTitle` carry their units ("Frequency (cycles/step)"). Without `timeTitle`
 * the records' times are steps (fs = 1): the axis counts them from 1 like every step axis (a record's
 * segment centre t, 0-based, is at step t + 1: stepStart), its ticks those of linearStepTicks inside
 * the cells' span, never "0". With one (units of 1/fs), times are drawn as they are.
 */
export function spectrogramSpec(records: readonly SpectrogramRecord[], frequencyTitle: string, timeTitle?: string): TopLevelSpec {
  const theme = plotTheme('light');
  const series = [...new Set(records.map((r) => r.series))];
  const panels = series.map(panelName);
  const steps = timeTitle === undefined;
  const title = timeTitle ?? 'Training step (segment centre)';
  const inSteps = (t: number | null) => (steps && t !== null ? stepStart(t) : t);
  const cells: DataRow[] = [];
  for (const name of series) {
    const rows = records.filter((r) => r.series === name);
    const times = edgesOf(rows.map((r) => r.time), false);
    const frequencies = edgesOf(rows.map((r) => r.frequency), true);
    for (const r of rows) {
      const t = times.get(r.time), f = frequencies.get(r.frequency);
      if (t === undefined || f === undefined) continue;
      cells.push({ series: panelName(r.series), time: inSteps(r.time), frequency: r.frequency, t0: inSteps(t[0]), t1: inSteps(t[1]), f0: f[0], f1: f[1], valueDb: r.valueDb });
    }
  }
  const timeAxis = steps ? { ...STEP_LABELS, values: stepTicks(cells) } : { ...NUMBER_LABELS };
  return topLevelSpec({
    title: 'Spectrogram',
    subtitle: 'short-time power spectra (colour = power in dB), one panel per series',
    description: `Spectrogram of ${series.join(', ')}.`,
    theme,
    datasets: { cells },
    body: {
      data: { name: 'cells' },
      facet: { row: { field: 'series', type: 'nominal', title: null, sort: panels, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
      spec: {
        width: SPECTRAL_WIDTH,
        height: 160,
        mark: { type: 'rect', tooltip: true },
        encoding: {
          x: { field: 't0', type: 'quantitative', title, scale: { nice: false, zero: false }, axis: { ...timeAxis, grid: false } },
          x2: { field: 't1' },
          y: { field: 'f0', type: 'quantitative', title: stackedTitle(frequencyTitle), scale: { nice: false, zero: false }, axis: { ...NUMBER_LABELS, grid: false } },
          y2: { field: 'f1' },
          color: colourScale(cells.map((c) => c.valueDb as number | null)),
          tooltip: [
            { field: 'time', type: 'quantitative', title, format: NUMBER_LABELS.format },
            { field: 'frequency', type: 'quantitative', title: frequencyTitle, format: NUMBER_LABELS.format },
            { field: 'valueDb', type: 'quantitative', title: 'Power (dB)', format: '.3~f' },
          ],
        },
      },
    },
  });
}

/** The step ticks (linearStepTicks) inside the cells' time span. */
function stepTicks(cells: readonly DataRow[]): number[] {
  let lo = Infinity, hi = -Infinity;
  for (const c of cells) {
    if (typeof c.t0 === 'number' && c.t0 < lo) lo = c.t0;
    if (typeof c.t1 === 'number' && c.t1 > hi) hi = c.t1;
  }
  if (!(lo <= hi)) return [];
  return linearStepTicks(Math.max(1, Math.floor(hi) - 1)).filter((t) => t >= lo && t <= hi);
}

/** Cells beyond these percentiles of the cells' dB count as outliers when they stretch the colour scale. */
export const COLOUR_PERCENTILES = [1, 99] as const;

/**
 * Power in dB on viridis. One outlier cell (a spike, a −300 dB exact zero) would stretch the scale over
 * 100 dB and leave the rest of the map one colour, so a side whose cells reach beyond the
 * COLOUR_PERCENTILES (nearest rank) by more than the span between them ends at that percentile
 * instead, clamped (those cells take the end colour), and the legend title says so ("clipped at p99": the percentile). White noise's own
 * spread (a χ² tail of ~15 dB below a ~26 dB span) is not cut.
 */
function colourScale(db: readonly (number | null)[]): Record<string, unknown> {
  const sorted = db.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const plain = { field: 'valueDb', type: 'quantitative', title: 'Power (dB)', scale: { scheme: 'viridis' }, legend: { ...NUMBER_LABELS } };
  if (sorted.length === 0) return plain;
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const lo = rank(COLOUR_PERCENTILES[0]), hi = rank(COLOUR_PERCENTILES[1]);
  const min = sorted[0], max = sorted[sorted.length - 1];
  const cutLow = lo - min > hi - lo, cutHigh = max - hi > hi - lo;
  if (!cutLow && !cutHigh) return plain;
  const at = [...(cutLow ? [`p${COLOUR_PERCENTILES[0]}`] : []), ...(cutHigh ? [`p${COLOUR_PERCENTILES[1]}`] : [])].join(', ');
  return {
    ...plain,
    title: ['Power (dB)', `clipped at ${at}`],
    scale: { scheme: 'viridis', domain: [cutLow ? lo : min, cutHigh ? hi : max], clamp: true },
  };
}

/** A trace's columns without a header are numbered: "column 0" (the 0-based index that selects a column) rather than a bare "0" above a panel or in a legend. */
export function panelName(series: string): string {
  return /^\d+$/.test(series) ? `column ${series}` : series;
}

/** Value → [lower, upper] cell edge; frequency cells are clipped to the spectrum's own range. */
function edgesOf(values: readonly (number | null)[], clip: boolean): Map<number | null, [number | null, number | null]> {
  const sorted = [...new Set(values.filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const edges = cellEdges(sorted);
  const lo = sorted[0], hi = sorted[sorted.length - 1];
  const bound = (e: number) => roundSig(clip ? Math.min(hi, Math.max(lo, e)) : e);
  return new Map(sorted.map((v, i) => [v, [bound(edges[i]), bound(edges[i + 1])]]));
}
