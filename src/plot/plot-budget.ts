import { selectStages } from '../analysis/stage-selection.js';
import { exactWalkSeconds } from '../analysis/exact-cost.js';
import { counted, COST_NS, overBudget, type BudgetIssue } from '../schedule/budgets.js';
import { LIBRARY_VOCABULARY, type Vocabulary } from '../vocabulary.js';
import { coefficientColumns } from '../schedule/coefficient-columns.js';
import type { Schedule } from '../types.js';
import type { PlotFormat } from './plot-format.js';
import type { PlotKind } from './plot-kind.js';
import type { PlotOptions } from './plot-options.js';

/** What `plot` will draw, known before any figure is built. */
export interface PlotPlan {
  schedules: readonly Schedule[];
  kinds: readonly PlotKind[];
  formats: readonly PlotFormat[];
  plot: PlotOptions;
  pngScale: number;
  /** Dashed exact responses over the frozen curves (plot --exact). */
  exact: boolean;
  /** The words messages use for the knobs (default: the library's). */
  vocabulary?: Vocabulary;
}

/**
 * Memory per data point: every figure's dataset is built first (rows of a few numbers, about 300 bytes
 * each), then each figure is serialised or rendered in turn (about 1 KB more per point: a 2·10⁶-point
 * figure took 2.3 GB as .vl.json and 2.2 GB as .svg, a 5·10⁵-point SVG 650 MB).
 */
const POINT_BYTES = { held: 300, output: 1000 };
/** A PNG is rasterised at 4 bytes per pixel; titles, axes and legends add about this much around a panel. */
const PNG_MARGIN = { width: 250, height: 200 };

/**
 * Budgets of a plot: memory (POINT_BYTES: every figure's data, the largest figure's output, a PNG's
 * pixels), time (points × COST_NS.plotPoint per format, and the exact walks of --exact) and nothing for
 * output (the files are the figures: their size follows the points).
 */
export function plotBudgets(plan: PlotPlan): { memory?: BudgetIssue; time?: BudgetIssue } {
  const { schedules, kinds, plot } = plan;
  const want = new Set(kinds);
  let total = 0;
  let largest = 0;
  let largestPanels = 1;
  let exactSeconds = 0;
  const figure = (points: number, panels = 1) => {
    total += points;
    if (points > largest) [largest, largestPanels] = [points, panels];
  };
  for (const s of schedules) {
    const curves = curveStages(s, plot, plan.formats.includes('html'));
    const bins = Math.min(plot.mapBins, s.stages.count) + 1;
    const line = curves.count * plot.frequencies * (plan.exact ? 2 : 1);
    if (want.has('magnitude')) figure(line);
    if (want.has('phase')) figure(line);
    if (want.has('group-delay')) figure(line);
    if (want.has('bode')) figure(2 * line, 2);
    if (want.has('response-map')) figure(bins * plot.mapRows);
    if (want.has('coefficients')) figure(coefficientColumns(s).names.length * bins * 3);
    if (want.has('metrics')) figure(6 * bins, 4);
    if (plan.exact && curves.count > 0) exactSeconds += exactWalkSeconds(s, s.stages.endStep[curves.last], plot.frequencies);
  }
  if (want.has('compare') && schedules.length > 1) {
    figure(schedules.length * plot.comparePositions.length * plot.frequencies * (plan.exact ? 2 : 1), plot.compareLayout === 'facet' ? schedules.length : 1);
  }
  const pixels = plan.formats.includes('png') ? (plot.width + PNG_MARGIN.width) * (plot.height * largestPanels + PNG_MARGIN.height) * plan.pngScale ** 2 : 0;
  const data = total * POINT_BYTES.held + largest * POINT_BYTES.output;
  const memory =
    pixels * 4 > data
      ? overBudget('workingSetBytes', data + pixels * 4, `a PNG of ${counted(Math.round(pixels), 'pixel')}`, ['pngSize'])
      : overBudget('workingSetBytes', data + pixels * 4, `figures of ${counted(total, 'data point')} (the largest ${counted(largest, 'point')})`, ['curves', 'frequencies', 'mapCells', 'kinds', 'schedules']);
  const drawing = (total * plan.formats.length * COST_NS.plotPoint) / 1e9;
  const time =
    exactSeconds > drawing
      ? overBudget('seconds', drawing + exactSeconds, `the exact responses of ${(plan.vocabulary ?? LIBRARY_VOCABULARY).exact}`, ['steps', 'frequencies', 'curves'])
      : overBudget('seconds', drawing + exactSeconds, `figures of ${counted(total, 'data point')} in ${counted(plan.formats.length, 'format')}`, ['curves', 'frequencies', 'kinds', 'schedules']);
  return { memory, time };
}

/**
 * How many stages are drawn as curves and the last of them: the --stages selection, or up to --curves
 * spread over training (41 on the HTML page's slider), which always include the last stage.
 */
function curveStages(s: Schedule, plot: PlotOptions, html: boolean): { count: number; last: number } {
  if (plot.stages !== null) {
    const chosen = selectStages(plot.stages, s.stages);
    return Array.isArray(chosen) && chosen.length > 0 ? { count: chosen.length, last: chosen[chosen.length - 1] } : { count: 0, last: -1 };
  }
  return { count: Math.min(s.stages.count, Math.max(plot.stageCount, html ? plot.interactiveStageCount : 0)), last: s.stages.count - 1 };
}
