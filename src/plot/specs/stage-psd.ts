import { plotTheme } from './theme.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import type { StagePsdRecord } from '../../spectral/plot-records.js';

/**
 * Per-stage power spectra: the gradient's PSD, the momentum buffer's, and the frozen
 * prediction |H_k|²·P_gg (dashed), in dB, one panel per stage.
 */
export function stagePsdSpec(records: readonly StagePsdRecord[], frequencyTitle: string): TopLevelSpec {
  const theme = plotTheme('light');
  const stages = [...new Set(records.map((r) => r.stage))];
  return topLevelSpec({
    title: 'Power spectra per stage',
    subtitle: 'gradient, momentum buffer, and the frozen filter\'s prediction |H_k|²·gradient (dashed)',
    description: `Welch power spectral densities in dB for stages ${stages.join(', ')}.`,
    theme,
    datasets: { psd: [...records] },
    body: {
      data: { name: 'psd' },
      facet: { row: { field: 'stage', type: 'ordinal', title: 'stage' } },
      spec: {
        width: SPECTRAL_WIDTH,
        height: 130,
        mark: { type: 'line', clip: true },
        encoding: {
          x: { field: 'frequency', type: 'quantitative', title: frequencyTitle, axis: { format: '~g' } },
          y: { field: 'psdDb', type: 'quantitative', title: 'PSD (dB)' },
          color: { field: 'curve', type: 'nominal', title: null, scale: { domain: ['gradient', 'momentum', 'theory'], range: ['#999999', '#1f77b4', '#d62728'] } },
          strokeDash: { field: 'curve', type: 'nominal', title: null, scale: { domain: ['gradient', 'momentum', 'theory'], range: [[1, 0], [1, 0], [5, 3]] } },
        },
      },
    },
  });
}
