import type { Config } from 'vega-lite';
import type { SchemeParams } from 'vega-lite/types_unstable/scale.js';
import type { ThemeName } from '../plot-options.js';

/** A named vega colour scheme ('viridis', 'redblue', 'tableau10', …). */
export type ColorScheme = Exclude<SchemeParams['name'], { signal: string }>;

/**
 * DejaVu Sans is on every fresh Debian/Ubuntu machine (fonts-dejavu-core), so the PNG rasteriser
 * finds the very font the layout assumed; browsers without it fall back to their sans-serif.
 */
export const PLOT_FONT = 'DejaVu Sans, Verdana, sans-serif';

/** A Vega-Lite `config` plus the colours the spec builders choose per mark. */
export interface PlotTheme {
  name: ThemeName;
  /** Vega-Lite config block (fonts, axes, legends, background). */
  config: Config;
  /** Text and reference lines (0 dB, highlighted curve). */
  foreground: string;
  /** Secondary reference marks. */
  muted: string;
  /** Sequential scheme for stage order (early → late). */
  stageScheme: { name: ColorScheme; extent: [number, number] };
  /** Diverging scheme centred on 0 dB: amplified bands warm, attenuated bands cool. */
  divergingScheme: { name: ColorScheme; reverse: boolean };
  /** The colour of a figure's only curve (a one-stage schedule). */
  singleCurve: string;
  /** Categorical scheme (schedules, coefficients). */
  categoryScheme: ColorScheme;
}

/**
 * The light theme is for papers and pull requests (white background, so PNGs are not transparent);
 * the dark one for dark pages and slides. Both cut the sequential scheme's end that would vanish
 * into the background.
 */
export function plotTheme(name: ThemeName): PlotTheme {
  const dark = name === 'dark';
  const fg = dark ? '#e8e8e8' : '#222222';
  const text = dark ? '#d0d0d0' : '#333333';
  const grid = dark ? '#3a3a3a' : '#e4e4e4';
  const domain = dark ? '#8a8a8a' : '#888888';
  return {
    name,
    foreground: fg,
    muted: dark ? '#9a9a9a' : '#777777',
    stageScheme: { name: 'viridis', extent: dark ? [0.15, 1] : [0, 0.9] },
    divergingScheme: { name: 'redblue', reverse: true },
    categoryScheme: 'tableau10',
    singleCurve: dark ? '#6fb3e0' : '#1f77b4',
    config: {
      background: dark ? '#1e1e22' : '#ffffff',
      font: PLOT_FONT,
      padding: 8,
      view: { stroke: dark ? '#555555' : '#cccccc' },
      title: {
        anchor: 'start',
        fontSize: 14,
        fontWeight: 'bold',
        color: fg,
        subtitleFontSize: 11,
        subtitleColor: dark ? '#b0b0b0' : '#555555',
        offset: 8,
      },
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        titleFontWeight: 'normal',
        labelColor: text,
        titleColor: fg,
        gridColor: grid,
        domainColor: domain,
        tickColor: domain,
      },
      legend: {
        labelFontSize: 11,
        titleFontSize: 11,
        titleFontWeight: 'normal',
        labelColor: text,
        titleColor: fg,
        gradientLength: 160,
      },
      header: { labelFontSize: 12, titleFontSize: 12, labelColor: fg, titleColor: fg },
      text: { color: fg },
      line: { strokeWidth: 1.6 },
    },
  };
}
