import { plotTheme } from '../plot/specs/theme.js';
import { STEP_AXIS, topLevelSpec, type DataRow, type VegaLiteSpec } from '../plot/specs/vega-lite-spec.js';
import type { SpectrogramRecord, StagePsdRecord, TimeSeriesRecord } from './plot-records.js';

/**
 * Vega-Lite specs of the spectral figures, built with the plotting issue's house form
 * (topLevelSpec, light theme) from the tidy records of plot-records.ts. Pure JSON: rendering
 * (compileVega, renderSvg) is the CLI's business.
 */

const WIDTH = 560;
const rows = (records: readonly object[]): DataRow[] => records as unknown as DataRow[];

/**
 * The paper's Figure 1: the noisy input and the momentum buffer m_t against the step, one panel
 * per schedule. `records` carry a `schedule` field besides step/series/value.
 */
export function figureOneSpec(records: readonly (TimeSeriesRecord & { schedule: string })[], schedules: readonly string[]): VegaLiteSpec {
  const theme = plotTheme('light');
  return topLevelSpec({
    title: 'Momentum on a noisy sinusoid',
    subtitle: 'input g_t (grey) and momentum buffer m_t of the time-variant filter, one panel per schedule',
    description: `Time series of the test input and the filtered output for ${schedules.length} schedule(s): ${schedules.join(', ')}.`,
    theme,
    datasets: { series: rows(records) },
    body: {
      data: { name: 'series' },
      facet: { row: { field: 'schedule', type: 'nominal', title: null, sort: [...schedules], header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
      spec: {
        width: WIDTH,
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

/**
 * Per-stage power spectra: the gradient's PSD, the momentum buffer's, and the frozen
 * prediction |H_k|²·P_gg (dashed), in dB, one panel per stage.
 */
export function stagePsdSpec(records: readonly StagePsdRecord[], frequencyTitle: string): VegaLiteSpec {
  const theme = plotTheme('light');
  const stages = [...new Set(records.map((r) => r.stage))];
  return topLevelSpec({
    title: 'Power spectra per stage',
    subtitle: 'gradient, momentum buffer, and the frozen filter\'s prediction |H_k|²·gradient (dashed)',
    description: `Welch power spectral densities in dB for stages ${stages.join(', ')}.`,
    theme,
    datasets: { psd: rows(records) },
    body: {
      data: { name: 'psd' },
      facet: { row: { field: 'stage', type: 'ordinal', title: 'stage' } },
      spec: {
        width: WIDTH,
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

/** Welch PSDs of the trace's series, in dB against frequency. */
export function psdSpec(records: readonly { series: string; frequency: number | null; psdDb: number | null }[], frequencyTitle: string): VegaLiteSpec {
  const theme = plotTheme('light');
  return topLevelSpec({
    title: 'Power spectral density (Welch)',
    subtitle: 'one line per series',
    description: 'Welch power spectral density in dB of each series of the trace.',
    theme,
    datasets: { psd: rows(records) },
    body: {
      data: { name: 'psd' },
      width: WIDTH,
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

/** Spectrograms as heat maps (time × frequency, colour = dB), one panel per series. */
export function spectrogramSpec(records: readonly SpectrogramRecord[], frequencyTitle: string): VegaLiteSpec {
  const theme = plotTheme('light');
  const series = [...new Set(records.map((r) => r.series))];
  return topLevelSpec({
    title: 'Spectrogram',
    subtitle: 'short-time power spectra; colour = power in dB',
    description: `Spectrogram of ${series.join(', ')}.`,
    theme,
    datasets: { cells: rows(records) },
    body: {
      data: { name: 'cells' },
      facet: { row: { field: 'series', type: 'nominal', title: null, sort: series } },
      spec: {
        width: WIDTH,
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
