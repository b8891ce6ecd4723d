import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { ResponseMapRecords } from '../figure-records.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { stageCountText } from './curve-figure.js';
import { frequencyAxis } from './frequency-axis.js';
import { plotTheme } from './theme.js';
import { NUMBER_LABELS } from './value-domain.js';
import { stepAxis, stepStart } from './step-axis.js';
import { quantityTip, topLevelSpec, type DataRow, type TopLevelSpec } from './vega-lite-spec.js';

const round = (a: ArrayLike<number>): (number | null)[] => Array.from(a, (x) => roundSig(x));

/**
 * The response map, the signature picture of a time-variant filter: training step on x (stages at
 * their real step spans), frequency on y, colour = frozen gain 20·log10|H_k(ω)| on a diverging scale
 * centred on 0 dB (amplified bands warm, attenuated bands cool, symmetric in dB).
 *
 * Size is bounded: at most `mapBins` columns × `mapRows` rows. When the schedule has more stages than
 * columns, consecutive stages are merged (the bins of the metrics and coefficients figures,
 * trainingBins: log-spaced on a log step axis when a transient at the start would be merged away,
 * such as a warm-up over the first 1 % of training); a merged column is coloured by the gain of its
 * step-weighted mean coefficients (ū, v̄), and its tooltip gives the lowest and highest gain over the
 * column's coefficient range (gainBoundsDb). Columns holding one stage are exact.
 *
 * Data: `mapRows` (one row per frequency) and `mapBins` (one row per column, gains as arrays over the
 * rows), expanded by flatten + lookup, so a 400 × 120 map inlines ~0.5 MB instead of 48 000 objects.
 */
export function responseMapSpec(records: ResponseMapRecords, options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const { rows, columns, firstOrder, aggregated } = records;
  const update = records.view === 'update';
  const rowIndex = rows.omega.length > 0 ? Array.from(rows.omega, (_, j) => j) : [];
  let extreme = 1;
  const binRows: DataRow[] = columns.map((c) => {
    const row: DataRow = { firstStep: stepStart(c.t0), lastStep: c.t1, firstStage: c.firstStage, lastStage: c.lastStage, u: roundSig(c.u), v: roundSig(c.v) };
    if (c.bounds) {
      Object.assign(row, {
        uMin: roundSig(c.uMin),
        uMax: roundSig(c.uMax),
        row: rowIndex,
        gainDb: round(c.gainDb),
        gainDbMin: round(c.bounds.min),
        gainDbMax: round(c.bounds.max),
      });
    } else {
      Object.assign(row, { row: rowIndex, gainDb: round(c.gainDb) });
    }
    for (const g of c.gainDb) if (Number.isFinite(g)) extreme = Math.max(extreme, Math.abs(g));
    return row;
  });
  // An even whole number of dB, so the legend's quarter marks (±limit/2) are whole too.
  const limit = 2 * Math.ceil(extreme / 2);
  const flat = aggregated ? ['row', 'gainDb', 'gainDbMin', 'gainDbMax'] : ['row', 'gainDb'];
  const lastStep = columns.length > 0 ? columns[columns.length - 1].t1 : records.steps;
  const step = stepAxis(lastStep, records.stepSpacing);

  const tooltip: StringFieldDef<Field>[] = [
    quantityTip('firstStep', 'first step'),
    quantityTip('lastStep', 'last step'),
    ...(aggregated
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
    quantityTip('frequency', axis.shortTitle, '.4~r'),
    quantityTip('gainDb', aggregated ? (firstOrder ? 'gain at mean (dB)' : 'gain of the middle stage (dB)') : 'gain (dB)', '.3~f'),
    ...(aggregated
      ? [
          quantityTip('gainDbMin', firstOrder ? 'lowest gain (dB)' : 'lowest gain, sampled (dB)', '.3~f'),
          quantityTip('gainDbMax', firstOrder ? 'highest gain (dB)' : 'highest gain, sampled (dB)', '.3~f'),
        ]
      : []),
  ];
  const merged = aggregated
    ? ` The ${records.stageCount} stages are merged into ${columns.length} columns${records.stepSpacing === 'log' ? ' log-spaced in step' : ''}; each is coloured by the gain of ${firstOrder ? 'its step-weighted mean coefficients' : 'its middle stage'}.`
    : '';
  return topLevelSpec({
    title: `${update ? 'Update map' : 'Response map'}: ${records.name}`,
    subtitle: update
      ? 'Update gain αₖ·|Hₖ(ω)| over training, the learning rate included: red = above 0 dB, blue = below'
      : 'Frozen gain |Hₖ(ω)| over training: red = amplified, blue = attenuated, white = 0 dB',
    description:
      `Response map of schedule ${records.name} (${stageCountText(records.stageCount)} over ${records.steps} steps): ` +
      `training step on ${records.stepSpacing === 'log' ? 'a log x axis' : 'x'}, ${axis.title.toLowerCase()} on a ${options.frequencyScale} y axis, colour = gain ` +
      `${update ? '20·log10(αₖ·|Hₖ(ω)|)' : '20·log10|Hₖ(ω)|'} in dB on a diverging scale from −${limit} to +${limit} dB centred on 0 dB.${merged}`,
    theme,
    width: options.width,
    datasets: { mapRows: rows.value.map((f, j) => ({ row: j, f0: roundSig(rows.lo[j]), f1: roundSig(rows.hi[j]), frequency: roundSig(f) })), mapBins: binRows },
    body: {
      width: options.width,
      height: options.height,
      data: { name: 'mapBins' },
      transform: [
        // A column of steps a…b spans [a, b + 1) on the step axis (stepAxis).
        { calculate: 'datum.lastStep + 1', as: 'stepEnd' },
        { flatten: flat },
        { lookup: 'row', from: { data: { name: 'mapRows' }, key: 'row', fields: ['f0', 'f1', 'frequency'] } },
      ],
      // aria: false — 48 000 cells with an aria-label each would triple the SVG.
      mark: { type: 'rect', aria: false },
      encoding: {
        x: {
          field: 'firstStep',
          type: 'quantitative',
          title: step.title,
          // round: cell edges on whole pixels — adjacent cells share an edge exactly (no seams), and
          // the SVG is 20 % the size of one with full-precision coordinates.
          scale: { ...step.scale, round: true },
          axis: { ...step.axis, grid: false },
        },
        x2: { field: 'stepEnd' },
        y: { field: 'f0', type: 'quantitative', title: axis.title, scale: { ...axis.scale, round: true }, axis: { ...NUMBER_LABELS, grid: false } },
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
