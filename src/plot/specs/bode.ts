import { frequencyAxis } from './frequency-axis.js';
import type { PlotOptions } from '../plot-options.js';
import type { ResponseRecords } from '../response-records.js';
import { curveDatasets } from './curve-datasets.js';
import { distinctNote, scheduleSummary, stageList } from './curve-figure.js';
import { curvePanel } from './curve-panel.js';
import { plotTheme } from './theme.js';
import { topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';

/**
 * Bode plot: magnitude (dB) stacked over phase (rad) on a shared frequency axis, one curve per chosen
 * stage, coloured by stage. Always static (the slider lives in the magnitude figure).
 */
export function bodeSpec(records: ResponseRecords, options: PlotOptions, stageCount?: number): TopLevelSpec {
  const theme = plotTheme(options.theme);
  const axis = frequencyAxis(options.frequencyUnit, options.frequencyScale);
  const data = curveDatasets([{ records }], axis, ['gainDb', 'phase']);
  const { stages } = data;
  // The frequency axis is titled once, under the phase panel.
  const panel = (quantity: 'gainDb' | 'phase', height: number) =>
    curvePanel({ quantity, axis, theme, width: options.width, height, hasExact: data.hasExact, curveCount: stages.length, interactive: false, curves: data.curves, xTitle: quantity === 'phase' });
  return topLevelSpec({
    title: `Bode plot: ${records.name}`,
    subtitle: [
      records.formula === undefined ? 'Frozen stage filters Hₖ(z) at z = exp(jω):' : `Frozen stage filters ${records.formula} at z = exp(jω):`,
      'magnitude (dB, top) and phase (rad, bottom), one curve per stage',
      ...(records.distinct === undefined ? [] : [distinctNote(records).slice(2).replace(/^./, (c) => c.toUpperCase())]),
    ],
    description:
      `Bode plot of ${stageList(stages)} of ${scheduleSummary(records.name, stageCount ?? stages.length, records.steps)}: ` +
      `magnitude in dB (top, dashed line at 0 dB) and unwrapped phase in radians (bottom) against ` +
      `${axis.title.toLowerCase()} on a ${options.frequencyScale} axis${stages.length > 1 ? '; colour = stage' : ''}.`,
    theme,
    width: options.width,
    datasets: { curveStages: data.curveStages, curves: data.curves },
    body: {
      vconcat: [panel('gainDb', options.height), panel('phase', Math.round(options.height * 0.7))],
      resolve: { scale: { x: 'shared', color: 'shared' } },
    },
  });
}
