import { plotTheme } from './theme.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import type { StagePsdRecord } from '../../spectral/plot-records.js';

/**
 * Per-stage power spectra: the gradient's PSD, the momentum buffer's, and the frozen
 * prediction |H_k|²·P_gg (dashed), in dB, one panel per stage, headed "stage k · steps a–b"
 * (b at most `lastStep`, the trace's last step). `note` (e.g. which stages were too short for a
 * spectrum and left out) ends the subtitle.
 */
export function stagePsdSpec(records: readonly StagePsdRecord[], frequencyTitle: string, options: { note?: string; lastStep?: number } = {}): TopLevelSpec {
  const { note, lastStep } = options;
  const theme = plotTheme('light');
  const stages = [...new Set(records.map((r) => r.stage))];
  const curves = ['gradient', 'momentum', 'theory'];
  const subtitle = 'gradient, momentum buffer, and the frozen filter\'s prediction |Hₖ|²·gradient (dashed)';
  const spec = topLevelSpec({
    title: 'Power spectra per stage',
    subtitle,
    description: `Welch power spectral densities in dB for stages ${stages.join(', ')}.${note === undefined ? '' : ` ${note[0].toUpperCase()}${note.slice(1)}.`}`,
    theme,
    datasets: { psd: [...records] },
    body: {
      data: { name: 'psd' },
      transform: [{ calculate: `'stage ' + datum.stage + ' · steps ' + datum.startStep + '–' + ${lastStep === undefined ? 'datum.endStep' : `min(datum.endStep, ${lastStep})`}`, as: 'panel' }],
      facet: {
        row: {
          field: 'panel', type: 'nominal', title: null, sort: { field: 'stage', op: 'min' },
          header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
        },
      },
      spec: {
        width: SPECTRAL_WIDTH,
        height: 130,
        mark: { type: 'line', clip: true },
        encoding: {
          x: { field: 'frequency', type: 'quantitative', title: frequencyTitle, axis: { format: '~g' } },
          y: { field: 'psdDb', type: 'quantitative', title: 'PSD (dB)' },
          color: { field: 'curve', type: 'nominal', title: null, scale: { domain: curves, range: ['#999999', '#1f77b4', '#d62728'] } },
          strokeDash: { field: 'curve', type: 'nominal', title: null, scale: { domain: curves, range: [[1, 0], [1, 0], [5, 3]] } },
        },
      },
    },
  });
  // The note gets a line of its own: appended, it would make the subtitle wider than the figure.
  return note === undefined ? spec : { ...spec, title: { text: 'Power spectra per stage', subtitle: [subtitle, note] } };
}
