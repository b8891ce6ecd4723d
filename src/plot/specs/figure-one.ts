import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { SeriesBandRecord } from '../../spectral/series-bands.js';
import type { StageGainRecord } from '../../spectral/stage-gain-records.js';
import type { TimeSeriesRecord } from '../../spectral/plot-records.js';
import { LABEL_LIMIT } from './legends.js';
import { stackedTitle } from './stacked-title.js';
import { stepAxis } from './step-axis.js';
import { plotTheme } from './theme.js';
import { NUMBER_LABELS } from './value-domain.js';
import { SPECTRAL_WIDTH, topLevelSpec, type DataRow, type LayerItem, type TopLevelSpec } from './vega-lite-spec.js';

type Scheduled<T> = T & { schedule: string };

const INPUT = '#b0b0b0';
const MOMENTUM = '#1f77b4';
/** Colours of the reference frequencies of the gain panels (low, high, …), apart from the series'. */
const REFERENCE_COLOURS = ['#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/**
 * Caption of the gain panels. A faint dot is a stage measured but not judged (StageGainRecord.memoryLimited):
 * its filter's memory τ is beyond what the estimate's bias was measured for (MEMORY_BIAS: τ > nperseg,
 * or τ ≥ nperseg/4 with other segment lengths); a shorter memory is judged within the measured bias.
 */
export const GAIN_CAPTION = ['gain per stage: frozen |Hₖ| (lines), measured |P_xy/P_xx| (dots, where coherent;', 'faint: measured, not judged: memory beyond the measured bias)'];

/** Legend entries of the gain panels' dots (a judged measurement, a faint one not judged), keyed by StageGainRecord.memoryLimited. */
export const DOT_LABELS = { judged: 'measured |P_xy/P_xx|', notJudged: 'measured, not judged (memory too long)' } as const;
/** Grey of the dots' legend symbols: the dots take their frequency's colour, which the colour legend gives. */
const DOT_SYMBOL = '#555555';

/**
 * The paper's Figure 1: per schedule, the input g_t and the momentum buffer m_t against the step
 * and, with `gains`, a panel below of each stage's gain at the reference frequencies: the frozen
 * |H_k| (a segment over the stage's steps) and the measured |P_xy/P_xx| (a dot at the stage's
 * centre; absent where the coherence is too low).
 *
 * `records` are min/max bands (seriesBands) or single values (timeSeriesRecords, `value`); when a
 * band spans more than one step the series are drawn as bands, else as lines. Values are in the
 * input's units (the test signal's amplitude is 1). `signal` names the input in the title.
 */
export function figureOneSpec(
  records: readonly (Scheduled<SeriesBandRecord> | Scheduled<TimeSeriesRecord>)[],
  schedules: readonly string[],
  gains: readonly Scheduled<StageGainRecord>[] = [],
  signal = 'a noisy sinusoid',
): TopLevelSpec {
  const theme = plotTheme('light');
  const rows: DataRow[] = records.map((r) => 'value' in r
    ? { schedule: r.schedule, series: r.series, step: r.step, low: r.value, high: r.value }
    : { schedule: r.schedule, series: r.series, step: r.step, low: r.low, high: r.high });
  const binSteps = Math.max(1, ...records.map((r) => ('endStep' in r ? r.endStep - r.startStep + 1 : 1)));
  const banded = binSteps > 1;
  const references = [...new Set(gains.map((g) => g.reference))];
  const colour: Encoding<Field>['color'] = {
    field: 'series', type: 'nominal', title: null,
    // Symbols as the marks: a square for the input and momentum bands, a stroke for lines.
    legend: { labelLimit: LABEL_LIMIT, symbolType: 'stroke', symbolStrokeWidth: 2, ...(banded ? { encode: { symbols: { update: { shape: { signal: "datum.value === 'input' || datum.value === 'momentum' ? 'square' : 'stroke'" } } } } } : {}) },
    scale: { domain: ['input', 'momentum', ...references], range: [INPUT, MOMENTUM, ...REFERENCE_COLOURS.slice(0, references.length)] },
  };
  // The schedule's last step: a band's last, a value's own step, a stage's end.
  const lastStep = (schedule: string) => {
    let last = 1;
    for (const r of records) if (r.schedule === schedule) last = Math.max(last, 'endStep' in r ? r.endStep : r.step);
    for (const g of gains) if (g.schedule === schedule) last = Math.max(last, g.endStep);
    return last;
  };
  // Steps count from 1 (stepAxis): step s spans [s, s + 1), so a stage of steps a…b spans [a, b + 1).
  const x = (schedule: string, title: string | null, field = 'step'): Encoding<Field>['x'] => {
    const { scale, axis } = stepAxis(lastStep(schedule));
    return { field, type: 'quantitative', title, scale, axis };
  };

  const seriesPanel = (schedule: string, last: boolean): LayerItem => ({
    title: { text: schedule, anchor: 'start', fontSize: 12, fontWeight: 'normal', offset: 4 },
    width: SPECTRAL_WIDTH,
    height: 120,
    // The wider band first, the narrower on top: whichever of input and momentum spans more (a low-pass
    // EMA narrows the input, SGD's v = 1 widens it up to 1/(1 − u) times) would hide the other.
    layer: drawOrder(rows, schedule).map((name, i) => ({
      data: { name: 'series' },
      transform: [{ filter: { and: [{ field: 'schedule', equal: schedule }, { field: 'series', equal: name }] } }],
      mark: banded ? { type: 'area', opacity: i === 0 ? 1 : 0.85, clip: true } : { type: 'line', strokeWidth: 1, clip: true },
      encoding: {
        x: x(schedule, last && gains.length === 0 ? 'Training step' : null),
        y: { field: 'low', type: 'quantitative', title: stackedTitle('Value (input units)'), axis: { ...NUMBER_LABELS } },
        ...(banded ? { y2: { field: 'high' } } : {}),
        color: colour,
      },
    })),
  });

  // The dots' own legend (their opacity: a circle per kind, grey, the faint one faint): only the kinds drawn.
  const measured = gains.filter((g) => g.measuredDb !== null);
  const dots = [
    ...(measured.some((g) => !g.memoryLimited) ? [DOT_LABELS.judged] : []),
    ...(measured.some((g) => g.memoryLimited) ? [DOT_LABELS.notJudged] : []),
  ];
  const dotLegend = dots.length === 0 ? null : { title: null, labelLimit: LABEL_LIMIT, symbolType: 'circle', symbolFillColor: DOT_SYMBOL, symbolStrokeColor: '#ffffff', symbolSize: 60 };
  const dotOpacity = (label: string) => (label === DOT_LABELS.judged ? 1 : 0.3);

  const gainPanel = (schedule: string, first: boolean, last: boolean): LayerItem => ({
    ...(first ? { title: { text: GAIN_CAPTION, anchor: 'start', fontSize: 10, fontWeight: 'normal', color: theme.muted, offset: 2 } } : {}),
    width: SPECTRAL_WIDTH,
    height: 80,
    data: { name: 'gains' },
    transform: [{ filter: { field: 'schedule', equal: schedule } }, { calculate: '(datum.startStep + datum.endStep + 1) / 2', as: 'step' }, { calculate: 'datum.endStep + 1', as: 'stageEnd' }, { calculate: 'datum.reference', as: 'series' },
      { calculate: `datum.memoryLimited ? ${JSON.stringify(DOT_LABELS.notJudged)} : ${JSON.stringify(DOT_LABELS.judged)}`, as: 'dot' }],
    layer: [
      // A display stage's frozen |H_k| is a range over its real stages: shaded behind its last step's line.
      ...(gains.some((g) => g.schedule === schedule && g.theoryLowDb != null) ? [{
        transform: [{ filter: 'isValid(datum.theoryLowDb) && isValid(datum.theoryHighDb)' }],
        mark: { type: 'rect' as const, opacity: 0.2 },
        encoding: { x: x(schedule, null, 'startStep'), x2: { field: 'stageEnd' }, y: { field: 'theoryLowDb', type: 'quantitative' as const }, y2: { field: 'theoryHighDb' }, color: colour },
      }] : []),
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x: x(schedule, last ? 'Training step' : null, 'startStep'),
          x2: { field: 'stageEnd' },
          y: { field: 'theoryDb', type: 'quantitative', title: stackedTitle('Gain (dB)'), scale: { zero: false, padding: 6 }, axis: { ...NUMBER_LABELS } },
          color: colour,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 22, opacity: 1, stroke: '#ffffff', strokeWidth: 0.7, tooltip: true },
        encoding: {
          x: x(schedule, last ? 'Training step' : null),
          y: { field: 'measuredDb', type: 'quantitative' },
          color: colour,
          // A stage whose memory is beyond what the estimate's bias was measured for is measured, not judged: a faint dot.
          opacity: { field: 'dot', type: 'ordinal', sort: null, scale: { domain: dots, range: dots.map(dotOpacity) }, legend: dotLegend },
          tooltip: [
            { field: 'stages', type: 'nominal', title: 'stage' },
            { field: 'frequency', type: 'quantitative', title: 'bin (cycles/step)', format: NUMBER_LABELS.format },
            { field: 'measuredDb', type: 'quantitative', title: 'measured (dB)', format: '.3~f' },
            { field: 'theoryDb', type: 'quantitative', title: 'frozen |Hₖ| (dB)', format: '.3~f' },
            { field: 'memoryLimited', type: 'nominal', title: 'not judged (memory beyond the measured bias)' },
          ],
        },
      },
    ],
  });

  const withGains = schedules.filter((s) => gains.some((g) => g.schedule === s));
  const panels = schedules.flatMap((s, i) => {
    const last = i === schedules.length - 1;
    return withGains.includes(s) ? [seriesPanel(s, false), gainPanel(s, s === withGains[0], last)] : [seriesPanel(s, last)];
  });
  const bandText = banded ? `min–max band per ${binSteps} steps` : 'every step';
  return topLevelSpec({
    title: `Momentum on ${signal}`,
    subtitle: `input gₜ (grey) and momentum buffer mₜ (blue), ${bandText}`,
    description: `Time series of the test input and the filtered output for ${schedules.length} schedule(s): ${schedules.join(', ')}${gains.length > 0 ? ', with the measured and frozen gain of each stage' : ''}.`,
    theme,
    datasets: { series: rows, ...(gains.length > 0 ? { gains: gains.map((g) => ({ ...g })) } : {}) },
    body: {
      data: { name: 'series' },
      vconcat: panels,
      spacing: 10,
      resolve: { scale: { x: 'independent', y: 'independent', color: 'shared' } },
    },
  });
}

/** 'input' and 'momentum' in drawing order for one schedule: the one whose values span more (mean high − low, or mean |value|) first. */
function drawOrder(rows: readonly DataRow[], schedule: string): ['input', 'momentum'] | ['momentum', 'input'] {
  const spread = (name: string) => {
    let sum = 0;
    let n = 0;
    for (const r of rows) {
      if (r.schedule !== schedule || r.series !== name) continue;
      const lo = Number(r.low), hi = Number(r.high);
      if (Number.isFinite(lo) && Number.isFinite(hi)) {
        sum += hi > lo ? hi - lo : Math.abs(hi);
        n++;
      }
    }
    return n === 0 ? 0 : sum / n;
  };
  return spread('momentum') > spread('input') ? ['momentum', 'input'] : ['input', 'momentum'];
}
