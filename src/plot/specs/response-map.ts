import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import { frozenResponse } from '../../filter/frozen-response.js';
import type { Schedule } from '../../types.js';
import { frequencyAxis } from '../frequency-axis.js';
import { gainBoundsDb } from '../gain-bounds-db.js';
import { autoOmegaMin } from '../plot-grid.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stepBins } from '../step-bins.js';
import { middleStage, sampleStages } from '../bin-stages.js';
import { isFirstOrder, stageResponse } from '../../filter/stage-filter.js';
import { mapRows } from './map-rows.js';
import { stageCountText } from './curve-figure.js';
import { plotTheme } from './theme.js';
import { quantityTip, STEP_AXIS, topLevelSpec, type DataRow, type TopLevelSpec } from './vega-lite-spec.js';

const round = (a: ArrayLike<number>): (number | null)[] => Array.from(a, (x) => roundSig(x));

/**
 * The response map, the signature picture of a time-variant filter: training step on x (stages at
 * their real step spans), frequency on y, colour = frozen gain 20·log10|H_k(ω)| on a diverging scale
 * centred on 0 dB (amplified bands warm, attenuated bands cool, symmetric in dB).
 *
 * Size is bounded: at most `mapBins` columns × `mapRows` rows. When the schedule has more stages than
 * columns, consecutive stages are merged (stepBins); a merged column is coloured by the gain of its
 * step-weighted mean coefficients (ū, v̄), and its tooltip gives the lowest and highest gain over the
 * column's coefficient range (gainBoundsDb). Columns holding one stage are exact.
 *
 * Data: `mapRows` (one row per frequency) and `mapBins` (one row per column, gains as arrays over the
 * rows), expanded by flatten + lookup, so a 400 × 120 map inlines ~0.5 MB instead of 48 000 objects.
 */
export function responseMapSpec(schedule: Schedule, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const table = schedule.stages;
  const bins = stepBins(table, options.mapBins);
  const rows = mapRows(options.mapRows, options.frequencyScale, options.omegaMin ?? autoOmegaMin([schedule]), axis);
  const rowIndex = rows.omega.length > 0 ? Array.from(rows.omega, (_, j) => j) : [];

  // First-order stages are exact per column, and merged columns use their mean (ū, v̄) with exact
  // bounds (gainBoundsDb); a filter bank or rational filter cannot be averaged, so a merged column
  // shows its middle stage and bounds over a sample of its stages.
  const firstOrder = isFirstOrder(schedule);
  let extreme = 1;
  const binRows: DataRow[] = [];
  for (let b = 0; b < bins.count; b++) {
    const middle = firstOrder ? -1 : middleStage(table, bins, b);
    const gain = firstOrder ? frozenResponse(bins.uMean[b], bins.vMean[b], rows.omega).magnitudeDb : stageResponse(schedule, middle, rows.omega).magnitudeDb;
    const row: DataRow = {
      t0: bins.t0[b],
      t1: bins.t1[b],
      firstStage: bins.firstStage[b],
      lastStage: bins.lastStage[b],
      u: roundSig(firstOrder ? bins.uMean[b] : table.u[middle]),
      v: roundSig(firstOrder ? bins.vMean[b] : table.v[middle]),
    };
    if (bins.aggregated) {
      const bounds = firstOrder ? gainBoundsDb(bins.uMin[b], bins.uMax[b], bins.vMin[b], bins.vMax[b], rows.omega) : sampledBounds(schedule, sampleStages(bins, b, 9), rows.omega);
      Object.assign(row, {
        uMin: roundSig(bins.uMin[b]),
        uMax: roundSig(bins.uMax[b]),
        row: rowIndex,
        gainDb: round(gain),
        gainDbMin: round(bounds.min),
        gainDbMax: round(bounds.max),
      });
    } else {
      Object.assign(row, { row: rowIndex, gainDb: round(gain) });
    }
    for (const g of gain) if (Number.isFinite(g)) extreme = Math.max(extreme, Math.abs(g));
    binRows.push(row);
  }
  // An even whole number of dB, so the legend's quarter marks (±limit/2) are whole too.
  const limit = 2 * Math.ceil(extreme / 2);
  const flat = bins.aggregated ? ['row', 'gainDb', 'gainDbMin', 'gainDbMax'] : ['row', 'gainDb'];
  const lastStep = bins.count > 0 ? bins.t1[bins.count - 1] : schedule.steps;

  const tooltip: StringFieldDef<Field>[] = [
    quantityTip('t0', 'from step (elapsed)'),
    quantityTip('t1', 'to step'),
    ...(bins.aggregated
      ? [
          quantityTip('firstStage', 'first stage'),
          quantityTip('lastStage', 'last stage'),
          quantityTip('u', firstOrder ? 'mean u' : 'u of the middle stage', '.6~g'),
          quantityTip('uMin', 'min u', '.6~g'),
          quantityTip('uMax', 'max u', '.6~g'),
          quantityTip('v', firstOrder ? 'mean v' : 'v of the middle stage', '.6~g'),
        ]
      : [
          quantityTip('firstStage', 'stage'),
          quantityTip('u', 'u', '.6~g'),
          quantityTip('v', 'v', '.6~g'),
        ]),
    quantityTip('frequency', axis.shortTitle, '.4~g'),
    quantityTip('gainDb', bins.aggregated ? (firstOrder ? 'gain at mean (dB)' : 'gain of the middle stage (dB)') : 'gain (dB)', '.3~f'),
    ...(bins.aggregated
      ? [
          quantityTip('gainDbMin', firstOrder ? 'lowest gain (dB)' : 'lowest gain, sampled (dB)', '.3~f'),
          quantityTip('gainDbMax', firstOrder ? 'highest gain (dB)' : 'highest gain, sampled (dB)', '.3~f'),
        ]
      : []),
  ];
  const merged = bins.aggregated
    ? ` The ${table.count} stages are merged into ${bins.count} columns; each is coloured by the gain of ${firstOrder ? 'its step-weighted mean coefficients' : 'its middle stage'}.`
    : '';
  return topLevelSpec({
    title: `Response map: ${schedule.name}`,
    subtitle: 'Frozen gain |H_k(ω)| over training: red = amplified, blue = attenuated, white = 0 dB',
    description:
      `Response map of schedule ${schedule.name} (${stageCountText(table.count)} over ${schedule.steps} steps): ` +
      `training step on x, ${axis.title.toLowerCase()} on a ${options.frequencyScale} y axis, colour = gain ` +
      `20·log10|H_k(ω)| in dB on a diverging scale from −${limit} to +${limit} dB centred on 0 dB.${merged}`,
    theme,
    datasets: { mapRows: rows.value.map((f, j) => ({ row: j, f0: roundSig(rows.lo[j]), f1: roundSig(rows.hi[j]), frequency: roundSig(f) })), mapBins: binRows },
    body: {
      width: options.width,
      height: options.height,
      data: { name: 'mapBins' },
      transform: [
        { flatten: flat },
        { lookup: 'row', from: { data: { name: 'mapRows' }, key: 'row', fields: ['f0', 'f1', 'frequency'] } },
      ],
      // aria: false — 48 000 cells with an aria-label each would triple the SVG.
      mark: { type: 'rect', aria: false },
      encoding: {
        x: {
          field: 't0',
          type: 'quantitative',
          title: 'Training step',
          // round: cell edges on whole pixels — adjacent cells share an edge exactly (no seams), and
          // the SVG is 20 % the size of one with full-precision coordinates.
          scale: { domain: [0, lastStep], nice: false, zero: false, round: true },
          axis: { ...STEP_AXIS, grid: false },
        },
        x2: { field: 't1' },
        y: { field: 'f0', type: 'quantitative', title: axis.title, scale: { ...axis.scale, round: true }, axis: { format: '~g', grid: false } },
        y2: { field: 'f1' },
        color: {
          field: 'gainDb',
          type: 'quantitative',
          title: 'Gain (dB)',
          scale: {
            scheme: theme.divergingScheme.name,
            reverse: theme.divergingScheme.reverse,
            domain: [-limit, limit],
            domainMid: 0,
            clamp: true,
          },
          // Both ends and the centre, whatever the range: 0 dB is the boundary the reader looks for.
          legend: { values: [-limit, -limit / 2, 0, limit / 2, limit], format: 'd' },
        },
        // Tooltips only on the HTML page: vega formats one per cell even when rendering headless,
        // which more than doubles the time to write the SVG.
        ...(options.interactive ? { tooltip } : {}),
      },
    },
  });
}

/** Lowest and highest gain (dB) over the given stages at each ω. */
function sampledBounds(schedule: Schedule, stages: readonly number[], omega: Float64Array): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array(omega.length).fill(Infinity);
  const max = new Float64Array(omega.length).fill(-Infinity);
  for (const k of stages) {
    const g = stageResponse(schedule, k, omega).magnitudeDb;
    for (let j = 0; j < omega.length; j++) {
      if (g[j] < min[j]) min[j] = g[j];
      if (g[j] > max[j]) max[j] = g[j];
    }
  }
  return { min, max };
}
