import { plotTheme } from './theme.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';

/** Welch PSDs of the trace's series, in dB against frequency. */
export function psdSpec(records: readonly { series: string; frequency: number | null; psdDb: number | null }[], frequencyTitle: string): TopLevelSpec {
  const theme = plotTheme('light');
  return topLevelSpec({
    title: 'Power spectral density (Welch)',
    subtitle: 'one line per series',
    description: 'Welch power spectral density in dB of each series of the trace.',
    theme,
    datasets: { psd: [...records] },
    body: {
      data: { name: 'psd' },
      width: SPECTRAL_WIDTH,
      height: 260,
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'frequency', type: 'quantitative', title: frequencyTitle, axis: { format: '~g' } },
        y: { field: 'psdDb', type: 'quantitative', title: 'PSD (dB)' },
        color: { field: 'series', type: 'nominal', title: null, scale: { scheme: theme.categoryScheme } },
      },
    },
  });
}
