import type { PlotOptions } from '../plot-options.js';
import type { ResponseRecords } from '../response-records.js';
import { curveFigure } from './curve-figure.js';
import type { TopLevelSpec } from './vega-lite-spec.js';

/**
 * Phase plot: φ_k(ω) = −atan2(u sin ω, 1 − u cos ω) (+π for v < 0) in radians, unwrapped, of the
 * chosen stages. A negative phase is a lag: momentum reacts to a gradient component late.
 */
export function phaseSpec(records: ResponseRecords, options: PlotOptions, stageCount?: number): TopLevelSpec {
  return curveFigure(
    records,
    options,
    'phase',
    {
      title: 'Phase response',
      subtitle: 'φₖ(ω) of the frozen stage filters in radians; negative = the update lags the gradient',
      what: 'Phase φₖ(ω) in radians',
    },
    stageCount,
  );
}
