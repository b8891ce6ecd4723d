import type { TopLevelSpec } from 'vega-lite';
import type { Field, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { PlotTheme } from './theme.js';

export type { TopLevelSpec } from 'vega-lite';

/**
 * Every builder returns vega-lite's TopLevelSpec (`import type` only: the builders load no vega-lite
 * code). Tests also compile every spec with vega-lite and render it with vega (test/plot/), which
 * catches what a static type cannot (unknown fields, empty data). VegaLiteSpec is the same type under
 * the name the render edge (src/plot/render, html-page, externalize-data) still uses.
 */
export type VegaLiteSpec = TopLevelSpec;

/** One view of a `layer`: a unit (mark + encoding) or a nested layer. */
export type LayerItem = LayerSpec<Field> | UnitSpec<Field>;

/** The keys topLevelSpec writes itself, in its fixed order. */
type HeaderKey = '$schema' | 'description' | 'title' | 'config' | 'datasets';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A top-level spec without the house header: a unit, layer, facet or concat view (with params, resolve, spacing). */
export type SpecBody = DistributiveOmit<TopLevelSpec, HeaderKey>;

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
  /** Named inline datasets (rows: plain objects), referenced as `{ name }`; `--data-file` moves them out. */
  datasets: { [name: string]: object[] };
  /** The rest of the spec (layer, vconcat, facet, encoding, …). */
  body: SpecBody;
}

/**
 * A top-level spec in momentum-fr's house form: fixed key order ($schema, description, title,
 * config, datasets, body) so that the JSON is stable and diffs read top-down.
 */
export function topLevelSpec(parts: TopLevelParts): TopLevelSpec {
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
export function zeroDbRule(theme: PlotTheme): UnitSpec<Field> {
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

/** A tooltip row of a quantitative field: its title and, when given, its d3 number format. */
export function quantityTip(field: string, title: string, format?: string): StringFieldDef<Field> {
  return format === undefined ? { field, type: 'quantitative', title } : { field, type: 'quantitative', title, format };
}
