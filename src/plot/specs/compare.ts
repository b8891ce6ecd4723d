import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { LookupTransform } from 'vega-lite/types_unstable/transform.js';
import type { PlotOptions } from '../plot-options.js';
import { roundSig } from '../../util/round-sig.js';
import { curveDatasets, type CurveSource } from './curve-datasets.js';
import { CURVE_QUANTITY } from './curve-panel.js';
import { frequencyAxis } from './frequency-axis.js';
import { LINE_LEGEND } from './legends.js';
import { fieldValues, NUMBER_LABELS, paddedDomain, VALUE_AXIS } from './value-domain.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type LayerItem, type SpecBody, type TopLevelSpec } from './vega-lite-spec.js';

/** "50 %": a training position as users say it. */
export function positionLabel(fraction: number): string {
  return `${roundSig(fraction * 100, 3)} %`;
}

/** The position label of a schedule with a single stage: the same filter at every step. */
export const ALL_STEPS = 'all steps';

/**
 * Several schedules' magnitude responses in one figure, for "EMA vs Standard vs FSGDM" questions:
 * each schedule at a few training positions (start, middle, end by default).
 *
 * - overlay: one panel, colour = schedule, dash = training position.
 * - facet: one panel per schedule, colour = training position (early dark, late light).
 */
export function compareSpec(sources: readonly CurveSource[], options: PlotOptions): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const data = curveDatasets(sources, axis, ['gainDb']);
  const schedules = [...new Set(sources.map((s) => s.schedule ?? s.records.name))];
  // Training order, "all steps" last.
  const positions = [...new Set(sources.map((s) => s.position ?? ''))].sort((a, b) => rank(a) - rank(b));
  const facet = options.compareLayout === 'facet';

  const x = { field: 'frequency', type: 'quantitative', title: axis.title, scale: axis.scale, axis: NUMBER_LABELS } satisfies Encoding<Field>['x'];
  const y = {
    field: 'gainDb',
    type: 'quantitative',
    title: CURVE_QUANTITY.gainDb.title,
    scale: paddedDomain(fieldValues(data.curves, 'gainDb'), { include: [0] }),
    axis: VALUE_AXIS,
  } satisfies Encoding<Field>['y'];
  const scheduleChannel = { field: 'schedule', type: 'nominal', title: 'Schedule', scale: { domain: schedules, scheme: theme.categoryScheme }, legend: LINE_LEGEND } satisfies Encoding<Field>['color'];
  const positionChannel = { field: 'position', type: 'ordinal', title: 'Training position', scale: { domain: positions }, legend: LINE_LEGEND } satisfies Encoding<Field>['strokeDash'];
  const responseTip: StringFieldDef<Field>[] = data.hasExact ? [{ field: 'response', type: 'nominal', title: 'response' }] : [];
  const encoding: Encoding<Field> = {
    x,
    y,
    ...(facet
      ? { color: { ...positionChannel, scale: { domain: positions, scheme: theme.stageScheme } }, ...(data.hasExact ? { strokeDash: EXACT_DASH } : {}) }
      : {
          color: scheduleChannel,
          strokeDash: { ...positionChannel, scale: { domain: positions, range: dashes(positions) } },
          // Dashes already tell positions apart: the exact response is a wide, translucent line.
          ...(data.hasExact ? { strokeWidth: EXACT_WIDTH, opacity: EXACT_OPACITY } : {}),
        }),
    detail: data.hasExact
      ? [
          { field: 'curve', type: 'nominal' },
          { field: 'response', type: 'nominal' },
        ]
      : { field: 'curve', type: 'nominal' },
    tooltip: [
      { field: 'schedule', type: 'nominal', title: 'schedule' },
      { field: 'position', type: 'ordinal', title: 'position' },
      { field: 'stage', type: 'quantitative', title: 'stage' },
      { field: 'u', type: 'quantitative', title: 'u', format: '.6~g' },
      { field: 'v', type: 'quantitative', title: 'v', format: '.6~g' },
      { field: 'frequency', type: 'quantitative', title: axis.shortTitle, format: '.4~r' },
      { field: 'gainDb', type: 'quantitative', title: 'gain (dB)', format: '.4~r' },
      ...responseTip,
    ],
  };
  const lookup: LookupTransform = {
    lookup: 'curve',
    from: { data: { name: 'curveStages' }, key: 'curve', fields: ['schedule', 'position', 'stage', 'startStep', 'endStep', 'u', 'v'] },
  };
  // One 0 dB rule per panel: aggregate to a single row (per facet) instead of one rule per data row.
  const zeroRule: LayerItem = {
    transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: facet ? ['schedule'] : [] }],
    mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1, color: theme.muted },
    encoding: { y: { datum: 0 } },
  };
  const lines: LayerItem = { mark: { type: 'line', clip: true }, encoding };
  const panel = { width: options.width, height: options.height, layer: [zeroRule, lines] };
  const body: SpecBody = facet
    ? {
        data: { name: 'curves' },
        transform: [lookup],
        facet: { field: 'schedule', type: 'nominal', title: null, sort: schedules },
        columns: Math.min(3, schedules.length),
        spec: { ...panel, width: Math.round(options.width / Math.min(2, schedules.length)) },
      }
    : { data: { name: 'curves' }, transform: [lookup], ...panel };
  const percents = positions.filter((p) => p !== ALL_STEPS);
  const where =
    (percents.length > 0 ? `at ${percents.join(', ')} of training` : '') +
    (positions.includes(ALL_STEPS) ? `${percents.length > 0 ? '; ' : ''}one-stage schedules at all steps` : '');
  return topLevelSpec({
    title: `Compare: ${schedules.join(' vs ')}`,
    subtitle: `Magnitude |H(ω)| of each schedule's stage ${where}`,
    description:
      `Magnitude responses in dB of ${schedules.length} schedules (${schedules.join(', ')}), each ${where}, against ${axis.title.toLowerCase()} on a ` +
      `${options.frequencyScale} axis; ${facet ? 'one panel per schedule, colour = training position' : 'colour = schedule, dash pattern = training position'}; dashed line at 0 dB.` +
      (data.hasExact
        ? ` The exact time-variant response at the last step of each drawn stage is overlaid (${facet ? 'dashed' : 'wide translucent lines'}).`
        : ''),
    theme,
    width: options.width,
    datasets: { curveStages: data.curveStages, curves: data.curves },
    body,
  });
}

const RESPONSES = ['frozen', 'exact'];
const EXACT_DASH: Encoding<Field>['strokeDash'] = { field: 'response', type: 'nominal', title: 'Response', scale: { domain: RESPONSES, range: [[1, 0], [6, 3]] }, legend: LINE_LEGEND };
const EXACT_WIDTH: Encoding<Field>['strokeWidth'] = { field: 'response', type: 'ordinal', title: 'Response', scale: { domain: RESPONSES, range: [1.6, 4] }, legend: LINE_LEGEND };
const EXACT_OPACITY: Encoding<Field>['opacity'] = { field: 'response', type: 'ordinal', title: 'Response', scale: { domain: RESPONSES, range: [1, 0.4] }, legend: LINE_LEGEND };

/** Dash patterns of training positions: solid first, then progressively sparser dashes. */
const POSITION_DASHES = [[1, 0], [8, 3], [3, 3], [1, 3], [6, 2, 1, 2]];
/** "all steps" (one filter throughout): dash-dot, unlike every position, so its legend entry is told apart. */
const ALL_STEPS_DASH = [12, 3, 3, 3];

/** One dash pattern per position, all different (patterns repeat only beyond five positions). */
function dashes(positions: readonly string[]): number[][] {
  let i = 0;
  return positions.map((p) => (p === ALL_STEPS ? ALL_STEPS_DASH : POSITION_DASHES[i++ % POSITION_DASHES.length]));
}

/** Sort key of a position label: its percentage, "all steps" after every percentage. */
function rank(label: string): number {
  return label === ALL_STEPS ? Infinity : Number.parseFloat(label);
}
