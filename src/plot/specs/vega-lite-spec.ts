import type { PlotTheme } from './theme.js';

/**
 * A Vega-Lite v6 spec as plain JSON data. The builders are checked by compiling every spec with
 * vega-lite and rendering it with vega (test/plot/specs), which is stricter than a static type.
 */
export type VegaLiteSpec = { [key: string]: unknown };

/** One row of an inline dataset; values are numbers (rounded), strings, null or arrays of them. */
export type DataRow = { [key: string]: number | string | null | (number | null)[] };

/** Width of a panel of the spectral figures (simulate, spectrum), in px. */
export const SPECTRAL_WIDTH = 560;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface TopLevelParts {
  /** Figure title and a one-line subtitle that says how to read it. */
  title: string;
  subtitle: string;
  /** Plain-text description of what the figure shows (screen readers, `<desc>`, docs alt text). */
  description: string;
  theme: PlotTheme;
  /** Named inline datasets, referenced as `{ name }`; `--data-file` moves them out. */
  datasets: { [name: string]: DataRow[] };
  /** The rest of the spec (layer, vconcat, facet, encoding, …). */
  body: VegaLiteSpec;
}

/**
 * A top-level spec in momentum-fr's house form: fixed key order ($schema, description, title,
 * config, datasets, body) so that the JSON is stable and diffs read top-down.
 */
export function topLevelSpec(parts: TopLevelParts): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: parts.description,
    title: { text: parts.title, subtitle: parts.subtitle },
    config: parts.theme.config,
    datasets: parts.datasets,
    ...parts.body,
  };
}

/** A layer that draws the 0 dB line: |H| = 1 separates amplified from attenuated frequencies. */
export function zeroDbRule(theme: PlotTheme): VegaLiteSpec {
  return {
    data: { values: [{ gainDb: 0 }] },
    mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1, color: theme.muted },
    encoding: { y: { field: 'gainDb', type: 'quantitative' } },
  };
}

/**
 * Axis of training steps: SI-abbreviated (20k, 1M); the origin reads "0" rather than vega's "0k"
 * (vega gives every tick the prefix that suits the largest one).
 */
export const STEP_AXIS = { format: '~s', labelExpr: "datum.value == 0 ? '0' : datum.label" };
