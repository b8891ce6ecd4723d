import type { PlotOptions } from '../plot-options.js';
import type { ResponseRecords } from '../response-records.js';
import { curveFigure } from './curve-figure.js';
import type { TopLevelSpec } from './vega-lite-spec.js';

/**
 * Bode-style magnitude plot: 20·log10|H_k(ω)| (dB) of the chosen stages, H_k = v_k/(1 − u_k e^{−jω}),
 * with the 0 dB line (|H| = 1) between amplified and attenuated frequencies.
 *
 * Parameters: `records` — the stages to draw with their responses (from responseRecords, or a
 * ScheduleResult of `analyze`; a stage's `responseExact` is drawn dashed); `stageCount` — the
 * schedule's number of stages, for the description. With `options.view` 'update' the records hold
 * α_k·|H_k| (updateRecords) and the titles say so.
 */
export function magnitudeSpec(records: ResponseRecords, options: PlotOptions, stageCount?: number): TopLevelSpec {
  const text =
    options.view === 'update'
      ? {
          title: 'Update magnitude response',
          subtitle: 'αₖ·|Hₖ(ω)|: from gradient to parameter step, the learning rate included',
          what: 'Update magnitude αₖ·|Hₖ(ω)| in dB',
        }
      : {
          title: 'Magnitude response',
          subtitle: '|Hₖ(ω)| of the frozen stage filters; above 0 dB a stage amplifies, below it attenuates',
          what: 'Magnitude |Hₖ(ω)| in dB',
        };
  return curveFigure(records, options, 'gainDb', text, stageCount);
}
