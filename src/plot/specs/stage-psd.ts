import { plotTheme } from './theme.js';
import { NUMBER_LABELS } from './value-domain.js';
import { SPECTRAL_WIDTH, topLevelSpec, type TopLevelSpec } from './vega-lite-spec.js';
import type { StagePsdRecord } from '../../spectral/plot-records.js';

/**
 * Per-stage power spectra: the gradient's PSD, the momentum buffer's, and the frozen
 * prediction |H_k|²·P_gg (dashed), in dB, one panel per stage, headed "stage k · steps a–b"
 * (b at most `lastStep`, the trace's last step); a display stage's panel is headed "stages i–j · steps
 * a–b" (a display stage of one real stage "stage i", its real index, not the display's) and shades the range of |H_k|²·P_gg over its real stages (psdLowDb … psdHighDb). `note` (e.g. which stages were too short for a
 * spectrum and left out) ends the subtitle.
 */
export function stagePsdSpec(records: readonly StagePsdRecord[], frequencyTitle: string, options: { note?: string; lastStep?: number } = {}): TopLevelSpec {
  const { note, lastStep } = options;
  const theme = plotTheme('light');
  // The real stages' names (a display stage: its real stage or range), not the display's indices.
  const stages = [...new Set(records.map((r) => (r.lastStage === undefined ? `${r.stage}` : r.firstStage === r.lastStage ? `${r.firstStage}` : `${r.firstStage}–${r.lastStage}`)))];
  const curves = ['gradient', 'momentum', 'theory'];
  const display = records.some((r) => r.lastStage !== undefined);
  const subtitle = display
    ? 'gradient, momentum buffer, and the frozen filter\'s prediction |Hₖ|²·gradient at each stage\'s last step (dashed)'
    : 'gradient, momentum buffer, and the frozen filter\'s prediction |Hₖ|²·gradient (dashed)';
  // Lines of their own: appended, they would make the subtitle wider than the figure.
  const subtitleLines = [subtitle, ...(display ? ['shaded: the prediction\'s range over the display stage\'s steps (its filter varies inside it)'] : []), ...(note === undefined ? [] : [note])];
  const lines = {
    mark: { type: 'line' as const, clip: true },
    encoding: {
      x: { field: 'frequency', type: 'quantitative' as const, title: frequencyTitle, axis: { ...NUMBER_LABELS } },
      y: { field: 'psdDb', type: 'quantitative' as const, title: 'PSD (dB)', axis: { ...NUMBER_LABELS } },
      color: { field: 'curve', type: 'nominal' as const, title: null, scale: { domain: curves, range: ['#999999', '#1f77b4', '#d62728'] } },
      strokeDash: { field: 'curve', type: 'nominal' as const, title: null, scale: { domain: curves, range: [[1, 0], [1, 0], [5, 3]] } },
    },
  };
  // A display stage's filter varies inside it: the frozen prediction is the band its real stages span.
  const band = {
    transform: [{ filter: 'datum.psdLowDb != null && datum.psdHighDb != null' }],
    mark: { type: 'area' as const, clip: true, color: '#d62728', opacity: 0.18 },
    encoding: {
      x: { field: 'frequency', type: 'quantitative' as const },
      y: { field: 'psdLowDb', type: 'quantitative' as const },
      y2: { field: 'psdHighDb' },
    },
  };
  const spec = topLevelSpec({
    title: 'Power spectra per stage',
    subtitle,
    description: `Welch power spectral densities in dB for stages ${stages.join(', ')}.${note === undefined ? '' : ` ${note[0].toUpperCase()}${note.slice(1)}.`}`,
    theme,
    datasets: { psd: [...records] },
    body: {
      data: { name: 'psd' },
      transform: [{ calculate: `(datum.lastStage == null ? 'stage ' + datum.stage : datum.firstStage == datum.lastStage ? 'stage ' + datum.firstStage : 'stages ' + datum.firstStage + '–' + datum.lastStage) + ' · steps ' + datum.startStep + '–' + ${lastStep === undefined ? 'datum.endStep' : `min(datum.endStep, ${lastStep})`}`, as: 'panel' }],
      facet: {
        row: {
          field: 'panel', type: 'nominal', title: null, sort: { field: 'stage', op: 'min' },
          header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
        },
      },
      spec: { width: SPECTRAL_WIDTH, height: 130, ...(display ? { layer: [band, lines] } : lines) },
    },
  });
  return subtitleLines.length === 1 ? spec : { ...spec, title: { text: 'Power spectra per stage', subtitle: subtitleLines } };
}
