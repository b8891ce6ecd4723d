import { frequencyAxis } from './frequency-axis.js';
import type { PlotOptions } from '../plot-options.js';
import type { ResponseRecords } from '../response-records.js';
import { curveDatasets, type CurveQuantity } from './curve-datasets.js';
import { curvePanel, stageSliderParams } from './curve-panel.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';

/** "stages 0, 42, 85 … 300" (or "stage 7"): the stages drawn, shortened for titles and descriptions. */
export function stageList(indices: readonly number[]): string {
  const word = indices.length === 1 ? 'stage' : 'stages';
  if (indices.length <= 6) return `${word} ${indices.join(', ')}`;
  return `${word} ${indices.slice(0, 3).join(', ')} … ${indices.slice(-2).join(', ')}`;
}

/** "1 stage", "301 stages". */
export function stageCountText(count: number): string {
  return `${count} stage${count === 1 ? '' : 's'}`;
}

/** "schedule fsgdm (301 stages over 117000 steps)" */
export function scheduleSummary(name: string, stageCount: number, steps: number): string {
  return `schedule ${name} (${stageCountText(stageCount)} over ${steps} steps)`;
}

/** "; only 3 stage filters differ, every other stage repeats one of them" when `distinct` is set, else "". */
export function distinctNote(records: ResponseRecords): string {
  return records.distinct === undefined ? '' : `; only ${records.distinct} stage filter${records.distinct === 1 ? '' : 's'} differ${records.distinct === 1 ? 's' : ''}, every other stage repeats ${records.distinct === 1 ? 'it' : 'one of them'}`;
}

export interface CurveFigureText {
  title: string;
  subtitle: string;
  /** What is drawn, completed with the stages and axis by curveFigure. */
  what: string;
  /** What the dashed curves are, when stages carry an exact response (default: at the stage end). */
  exact?: string;
}

/**
 * A single-panel figure of one curve quantity (magnitude, phase or group delay) for the chosen
 * stages of one schedule; with `options.interactive`, a slider highlights one stage's curve.
 */
export function curveFigure(
  records: ResponseRecords,
  options: PlotOptions,
  quantity: CurveQuantity,
  text: CurveFigureText,
  stageCount?: number,
): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const data = curveDatasets([{ records }], axis, [quantity]);
  const { stages } = data;
  const interactive = options.interactive && stages.length > 1;
  const total = stageCount ?? stages.length;
  return topLevelSpec({
    title: `${text.title}: ${records.name}`,
    subtitle: `${text.subtitle}${distinctNote(records)}`,
    description:
      `${text.what} of ${stageList(stages)} of ${scheduleSummary(records.name, total, records.steps)}, ` +
      `against ${axis.title.toLowerCase()} on a ${options.frequencyScale} axis${stages.length > 1 ? '; colour = stage (early dark, late light)' : ''}` +
      `${data.hasExact ? `; dashed: ${text.exact ?? 'exact time-variant response at the stage end'}` : ''}.`,
    theme,
    width: options.width,
    datasets: { curveStages: data.curveStages, curves: data.curves },
    body: {
      ...(interactive ? { params: stageSliderParams(stages) } : {}),
      ...curvePanel({
        quantity,
        axis,
        theme,
        width: options.width,
        height: options.height,
        hasExact: data.hasExact,
        curveCount: stages.length,
        interactive,
        curves: data.curves,
      }),
    },
  });
}
