import { plotTheme } from './theme.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import type { SpectrogramRecord } from '../../spectral/plot-records.js';

/** Spectrograms as heat maps (time × frequency, colour = dB), one panel per series. */
export function spectrogramSpec(records: readonly SpectrogramRecord[], frequencyTitle: string): TopLevelSpec {
  const theme = plotTheme('light');
  const series = [...new Set(records.map((r) => r.series))];
  return topLevelSpec({
    title: 'Spectrogram',
    subtitle: 'short-time power spectra; colour = power in dB',
    description: `Spectrogram of ${series.join(', ')}.`,
    theme,
    datasets: { cells: [...records] },
    body: {
      data: { name: 'cells' },
      facet: { row: { field: 'series', type: 'nominal', title: null, sort: series } },
      spec: {
        width: SPECTRAL_WIDTH,
        height: 160,
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'time', type: 'ordinal', title: 'Time (segment centre)', axis: { labelOverlap: true, format: '~s' } },
          y: { field: 'frequency', type: 'ordinal', title: frequencyTitle, sort: 'descending', axis: { labelOverlap: true, format: '~g' } },
          color: { field: 'valueDb', type: 'quantitative', title: 'dB', scale: { scheme: 'viridis' } },
        },
      },
    },
  });
}
