import type { PlotOptions } from '../plot-options.js';
import type { ResponseRecords } from '../response-records.js';
import { curveFigure } from './curve-figure.js';
import type { TopLevelSpec } from './vega-lite-spec.js';

/**
 * Group delay plot: τ_k(ω) = −dφ/dω = u(cos ω − u)/(1 − 2u cos ω + u²) in steps, of the chosen
 * stages: how many steps late a narrow band of gradient frequencies reaches the update.
 */
export function groupDelaySpec(records: ResponseRecords, options: PlotOptions, stageCount?: number): TopLevelSpec {
  return curveFigure(
    records,
    options,
    'groupDelay',
    {
      title: 'Group delay',
      subtitle: 'τₖ(ω) = −dφ/dω of the frozen stage filters: how many steps late each frequency arrives',
      what: 'Group delay τₖ(ω) in steps',
    },
    stageCount,
  );
}
