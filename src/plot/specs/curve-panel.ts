import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { TopLevelParameter } from 'vega-lite/types_unstable/spec/toplevel.js';
import type { Transform } from 'vega-lite/types_unstable/transform.js';
import type { FrequencyAxis } from './frequency-axis.js';
import type { CurveQuantity } from './curve-datasets.js';
import type { PlotTheme } from './theme.js';
import { LINE_LEGEND, stageColor } from './legends.js';
import { fieldValues, NUMBER_LABELS, paddedDomain, VALUE_AXIS } from './value-domain.js';
import { zeroDbRule, type DataRow, type LayerItem } from './vega-lite-spec.js';

/** Axis titles (with units) and tooltip names of the curve quantities. */
export const CURVE_QUANTITY: Record<CurveQuantity, { title: string; short: string }> = {
  gainDb: { title: 'Gain |H| (dB)', short: 'gain (dB)' },
  phase: { title: 'Phase φ (rad)', short: 'phase (rad)' },
  groupDelay: { title: 'Group delay τ (steps)', short: 'group delay (steps)' },
};

/**
 * The interactive magnitude plot's slider: its value is a position among the drawn curves (0 … n − 1),
 * not a stage index, so that every position it can take is a drawn stage (the drawn stages are a
 * selection, e.g. 41 of 301, and a range input only steps evenly).
 */
export const CURVE_SLIDER = 'curveSlider';
/** The stage the slider's position draws: what the highlighted curve, its annotation and the page show. */
export const HIGHLIGHTED_STAGE = 'highlightedStage';

export interface CurvePanelOptions {
  quantity: CurveQuantity;
  axis: FrequencyAxis;
  theme: PlotTheme;
  width: number;
  height: number;
  hasExact: boolean;
  /** How many stages are drawn: one curve gets a plain colour and no stage legend. */
  curveCount: number;
  /** Fade the curves and add a highlighted curve that follows HIGHLIGHTED_STAGE. */
  interactive: boolean;
  /** The `curves` rows drawn, for the value axis's padded domain (paddedDomain). */
  curves: readonly DataRow[];
  /** false: no x-axis title (a panel stacked over another with the same axis). */
  xTitle?: boolean;
}

/** Stage facts for tooltips (the stage index itself is on every curve row). */
const STAGE_FIELDS = ['startStep', 'endStep', 'u', 'v'];

/** Join the stage facts onto the per-frequency rows. */
function lookupStage(): Transform {
  return { lookup: 'curve', from: { data: { name: 'curveStages' }, key: 'curve', fields: STAGE_FIELDS } };
}

/** Keep the rows of the highlighted stage. */
function highlightedStageFilter(): Transform {
  return { filter: `datum.stage == ${HIGHLIGHTED_STAGE}` };
}

/**
 * One panel of frozen-response curves against frequency, one line per stage coloured by stage on a
 * sequential scale (early = dark); exact responses, when present, dashed. Used by the magnitude,
 * phase, group-delay and Bode figures. Data come from the top-level `curves`/`curveStages` datasets.
 */
export function curvePanel(o: CurvePanelOptions): LayerSpec<Field> {
  const q = CURVE_QUANTITY[o.quantity];
  const x = { field: 'frequency', type: 'quantitative', title: o.xTitle === false ? null : o.axis.title, scale: o.axis.scale, axis: NUMBER_LABELS } satisfies Encoding<Field>['x'];
  // The 0 dB line is part of a magnitude panel, so its domain holds 0 dB.
  const domain = paddedDomain(fieldValues(o.curves, o.quantity), { include: o.quantity === 'gainDb' ? [0] : [] });
  const y = { field: o.quantity, type: 'quantitative', title: q.title, scale: domain, axis: VALUE_AXIS } satisfies Encoding<Field>['y'];
  const detail: Encoding<Field>['detail'] = o.hasExact
    ? [
        { field: 'curve', type: 'nominal' },
        { field: 'response', type: 'nominal' },
      ]
    : { field: 'curve', type: 'nominal' };
  const strokeDash: Pick<Encoding<Field>, 'strokeDash'> = o.hasExact
    ? {
        strokeDash: {
          field: 'response',
          type: 'nominal',
          title: 'Response',
          scale: { domain: ['frozen', 'exact'], range: [[1, 0], [6, 3]] },
          legend: LINE_LEGEND,
        },
      }
    : {};
  const responseTip: StringFieldDef<Field>[] = o.hasExact ? [{ field: 'response', type: 'nominal', title: 'response' }] : [];
  const tooltip: Encoding<Field>['tooltip'] = [
    { field: 'stage', type: 'quantitative', title: 'stage' },
    { field: 'startStep', type: 'quantitative', title: 'first step' },
    { field: 'endStep', type: 'quantitative', title: 'last step' },
    { field: 'u', type: 'quantitative', title: 'u', format: '.6~g' },
    { field: 'v', type: 'quantitative', title: 'v', format: '.6~g' },
    { field: 'frequency', type: 'quantitative', title: o.axis.shortTitle, format: '.4~r' },
    { field: o.quantity, type: 'quantitative', title: q.short, format: '.4~r' },
    ...responseTip,
  ];
  const curves: LayerItem = {
    data: { name: 'curves' },
    transform: [lookupStage()],
    mark: { type: 'line', clip: true, ...(o.interactive ? { opacity: 0.35 } : {}) },
    encoding: {
      x,
      y,
      color: o.curveCount > 1 ? stageColor(o.theme, o.curveCount) : { value: o.theme.singleCurve },
      detail,
      ...strokeDash,
      tooltip,
    },
  };
  const layer: LayerItem[] = [];
  if (o.quantity === 'gainDb') layer.push(zeroDbRule(o.theme));
  layer.push(curves);
  if (o.interactive) {
    layer.push({
      name: 'highlight',
      data: { name: 'curves' },
      transform: [lookupStage(), highlightedStageFilter()],
      mark: { type: 'line', clip: true, strokeWidth: 3, color: o.theme.foreground },
      encoding: { x, y, detail, ...strokeDash, tooltip },
    });
    layer.push({
      name: 'highlightLabel',
      data: { name: 'curveStages' },
      transform: [
        highlightedStageFilter(),
        {
          calculate: `'stage ' + datum.stage + ' (steps ' + datum.startStep + '–' + datum.endStep + '): u = ' + format(datum.u, '.4~f') + ', v = ' + format(datum.v, '.4~f')`,
          as: 'label',
        },
      ],
      mark: { type: 'text', align: 'right', baseline: 'top', dx: -6, dy: 6, fontSize: 11 },
      encoding: { x: { value: o.width }, y: { value: 0 }, text: { field: 'label' }, color: { value: o.theme.foreground } },
    });
  }
  return { width: o.width, height: o.height, layer };
}

/**
 * The slider's parameters: a range input over the positions of the drawn `stages` in training order,
 * starting at the last, and the stage at the slider's position.
 */
export function stageSliderParams(stages: readonly number[]): TopLevelParameter[] {
  const ordered = [...new Set(stages)].sort((a, b) => a - b);
  const last = ordered.length - 1;
  return [
    { name: CURVE_SLIDER, value: last, bind: { input: 'range', min: 0, max: last, step: 1, name: 'Highlighted stage ' } },
    { name: HIGHLIGHTED_STAGE, expr: `[${ordered.join(',')}][${CURVE_SLIDER}]` },
  ];
}
