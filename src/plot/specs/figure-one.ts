import { plotTheme } from './theme.js';
import { SPECTRAL_WIDTH, STEP_AXIS, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import type { TimeSeriesRecord } from '../../spectral/plot-records.js';

/**
 * The paper's Figure 1: the noisy input and the momentum buffer m_t against the step, one panel
 * per schedule. `records` carry a `schedule` field besides step/series/value.
 */
export function figureOneSpec(records: readonly (TimeSeriesRecord & { schedule: string })[], schedules: readonly string[]): TopLevelSpec {
  const theme = plotTheme('light');
  return topLevelSpec({
    title: 'Momentum on a noisy sinusoid',
    subtitle: 'input g_t (grey) and momentum buffer m_t of the time-variant filter, one panel per schedule',
    description: `Time series of the test input and the filtered output for ${schedules.length} schedule(s): ${schedules.join(', ')}.`,
    theme,
    datasets: { series: [...records] },
    body: {
      data: { name: 'series' },
      facet: { row: { field: 'schedule', type: 'nominal', title: null, sort: [...schedules], header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
      spec: {
        width: SPECTRAL_WIDTH,
        height: 110,
        mark: { type: 'line', strokeWidth: 1, clip: true },
        encoding: {
          x: { field: 'step', type: 'quantitative', title: 'Training step', scale: { nice: false }, axis: STEP_AXIS },
          y: { field: 'value', type: 'quantitative', title: null },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['input', 'momentum'], range: ['#bbbbbb', '#1f77b4'] } },
          order: { field: 'series', sort: 'ascending' },
        },
      },
      resolve: { scale: { y: 'independent' } },
    },
  });
}
