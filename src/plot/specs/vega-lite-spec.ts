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
  /** Figure title and a subtitle that says how to read it (lines given, or one line wrapped to `width`). */
  title: string;
  subtitle: string | string[];
  /** Plain-text description of what the figure shows (screen readers, `<desc>`, docs alt text). */
  description: string;
  theme: PlotTheme;
  /** Named inline datasets (rows: plain objects), referenced as `{ name }`; `--data-file` moves them out. */
  datasets: { [name: string]: object[] };
  /** The rest of the spec (layer, vconcat, facet, encoding, …). */
  body: SpecBody;
  /**
   * Width of the figure's panels (px). A subtitle longer than that is broken into lines: without a
   * canvas vega sizes text as 0.8 em per character, so one long line would widen the figure (a blank
   * margin at the right of PNGs and SVGs).
   */
  width?: number;
}

/**
 * A top-level spec in momentum-fr's house form: fixed key order ($schema, description, title,
 * config, datasets, body) so that the JSON is stable and diffs read top-down.
 */
export function topLevelSpec(parts: TopLevelParts): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: parts.description,
    title: { text: parts.title, subtitle: parts.width === undefined || Array.isArray(parts.subtitle) ? parts.subtitle : wrapSubtitle(parts.subtitle, parts.width) },
    config: parts.theme.config,
    datasets: parts.datasets,
    ...parts.body,
  };
}

/** Subtitle font size (theme.ts) and the room left of a panel that a title may use (the y axis). */
const SUBTITLE_FONT_SIZE = 11;
const AXIS_ROOM = 50;

/**
 * A subtitle as one line, or as lines each within `width` + the y axis as vega estimates text
 * without a canvas (0.8 em per character: DejaVu Sans is narrower, so the lines look shorter than
 * the panel). A line breaks after the last "; " or ": " that fits (a clause ends there), else at
 * the last space that fits.
 */
export function wrapSubtitle(text: string, width: number): string | string[] {
  const perLine = Math.max(20, Math.floor((width + AXIS_ROOM) / (0.8 * SUBTITLE_FONT_SIZE)));
  if (text.length <= perLine) return text;
  const lines: string[] = [];
  let rest = text;
  while (rest.length > perLine) {
    const head = rest.slice(0, perLine + 1);
    const clause = Math.max(head.lastIndexOf('; '), head.lastIndexOf(': '));
    const space = head.lastIndexOf(' ');
    // A clause break only when it keeps at least a third of a line; no space at all: cut the word.
    const cut = clause >= perLine / 3 ? clause + 1 : space > 0 ? space : perLine;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** A layer that draws the 0 dB line: |H| = 1 separates amplified from attenuated frequencies. */
export function zeroDbRule(theme: PlotTheme): UnitSpec<Field> {
  return {
    data: { values: [{ gainDb: 0 }] },
    mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1, color: theme.muted },
    encoding: { y: { field: 'gainDb', type: 'quantitative' } },
  };
}

/** A tooltip row of a quantitative field: its title and, when given, its d3 number format. */
export function quantityTip(field: string, title: string, format?: string): StringFieldDef<Field> {
  return format === undefined ? { field, type: 'quantitative', title } : { field, type: 'quantitative', title, format };
}
