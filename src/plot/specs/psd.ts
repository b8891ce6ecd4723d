import { plotTheme } from './theme.js';
import { NUMBER_LABELS } from './value-domain.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import { panelName } from './spectrogram.js';

/** Welch PSDs of the trace's series, in dB against frequency; the legend names a header-less trace's columns as the spectrogram's panels do ("column 0", the 0-based index that selects a column). */
export function psdSpec(records: readonly { series: string; frequency: number | null; psdDb: number | null }[], frequencyTitle: string): TopLevelSpec {
  const theme = plotTheme('light');
  return topLevelSpec({
    title: 'Power spectral density (Welch)',
    subtitle: 'one line per series',
    description: 'Welch power spectral density in dB of each series of the trace.',
    theme,
    datasets: { psd: records.map((r) => ({ ...r, series: panelName(r.series) })) },
    body: {
      data: { name: 'psd' },
      width: SPECTRAL_WIDTH,
      height: 260,
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'frequency', type: 'quantitative', title: frequencyTitle, axis: { ...NUMBER_LABELS } },
        y: { field: 'psdDb', type: 'quantitative', title: 'PSD (dB)', axis: { ...NUMBER_LABELS } },
        color: { field: 'series', type: 'nominal', title: null, scale: { scheme: theme.categoryScheme } },
      },
    },
  });
}
