import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding } from 'vega-lite/types_unstable/encoding.js';
import type { PlotTheme } from './theme.js';

/**
 * Widest legend label (px) before it is cut with "…": vega's default, 160 px, cut schedule names
 * such as "fsgdm-cifar100-official" (23 characters, ≈ 150 px at 11 px) beside a free margin.
 */
export const LABEL_LIMIT = 360;

/**
 * Legend symbols of line marks: a stroke long enough to show a dash pattern (a symbol of size s is
 * a √s px line: 20 px holds a period of every dash pattern used, up to [12, 3, 3, 3]), in the width
 * and opacity the marks encode (a fixed symbol width would hide a strokeWidth channel). Legends of
 * colour or dash on line figures use it, so each entry looks like its curve.
 */
export const LINE_LEGEND = { symbolType: 'stroke', symbolSize: 400, labelLimit: LABEL_LIMIT } as const;

/** Discrete stage legends list at most this many stages; more curves get a gradient of stage order. */
export const MAX_LISTED_STAGES = 12;

/**
 * The colour channel of curves that stand for stages (early dark, late light on the theme's
 * sequential scheme): a few stages get one legend entry each, a stroke of the curve's colour, as
 * discrete curves should; many (more than MAX_LISTED_STAGES) a gradient of the stage index.
 */
export function stageColor(theme: PlotTheme, curveCount: number): Encoding<Field>['color'] {
  if (curveCount <= MAX_LISTED_STAGES) {
    return { field: 'stage', type: 'ordinal', title: 'Stage', scale: { scheme: theme.stageScheme }, legend: LINE_LEGEND };
  }
  return { field: 'stage', type: 'quantitative', title: 'Stage', scale: { scheme: theme.stageScheme }, legend: { format: 'd', tickMinStep: 1 } };
}
