/** Colour themes; both use DejaVu Sans, the font a fresh Debian machine has (see specs/theme.ts). */
export type ThemeName = 'light' | 'dark';

/** How the frequency axis is scaled. Log axes never include ω = 0 (Vega cannot place it). */
export type FrequencyScale = 'log' | 'linear';

/**
 * What the frequency axis shows: ω in rad/sample, f = ω/2π in cycles/step, or the period 2π/ω in
 * steps (the axis is reversed so that low frequencies stay on the same side).
 */
export type FrequencyUnit = 'rad' | 'cycles' | 'period';

/** `overlay` draws every schedule in one panel (colour = schedule); `facet` gives each its own. */
export type CompareLayout = 'overlay' | 'facet';

/**
 * What the magnitude and response-map figures show: the momentum filter H (what the buffer does to the
 * gradients), or the update α·H (gradient to parameter step; needs a learning rate, `lr`, in every schedule).
 */
export type PlotView = 'momentum' | 'update';

/** Everything that shapes a figure. Every field has a default (DEFAULT_PLOT_OPTIONS). */
export interface PlotOptions {
  theme: ThemeName;
  /** Width and height of one panel's plotting area, in CSS pixels (titles and legends add to it). */
  width: number;
  height: number;
  frequencyScale: FrequencyScale;
  frequencyUnit: FrequencyUnit;
  /** Points on the frequency grid of the response curves. */
  frequencies: number;
  /** Lowest ω (rad/sample) on a log axis; null picks (1 − max|u|)/10 clamped to [1e-6, 1e-2]. */
  omegaMin: number | null;
  /** How many stages to draw as curves, spread evenly over training steps (first and last included). */
  stageCount: number;
  /**
   * Explicit stages to draw instead of `stageCount`, in `analyze --stages` grammar
   * (`first,last`, `0,10,299`, `5..9`, `every:50`, `-1`); null spreads `stageCount` over training.
   */
  stages: string | null;
  /** Response map: at most this many step bins (columns); stages are merged into bins beyond it. */
  mapBins: number;
  /** Response map: log-spaced frequency rows. */
  mapRows: number;
  compareLayout: CompareLayout;
  /** compare: where in training to take each schedule's stage, as fractions of its steps. */
  comparePositions: number[];
  /** Add the HTML page's stage slider and highlighted curve (magnitude); static figures leave it off. */
  interactive: boolean;
  /** Curves drawn in the interactive magnitude plot (the slider moves among them). */
  interactiveStageCount: number;
  /** The magnitude and response-map figures: the momentum response H or the update response α·H. */
  view: PlotView;
}

export const DEFAULT_PLOT_OPTIONS: Readonly<PlotOptions> = Object.freeze({
  theme: 'light',
  width: 560,
  height: 280,
  frequencyScale: 'log',
  frequencyUnit: 'rad',
  frequencies: 256,
  omegaMin: null,
  stageCount: 8,
  stages: null,
  // 400 × 120 cells keep the SVG of a 10⁶-step map near 3 MB and its rendering well under a second.
  mapBins: 400,
  mapRows: 120,
  compareLayout: 'overlay',
  comparePositions: [0, 0.5, 1],
  interactive: false,
  interactiveStageCount: 41,
  view: 'momentum',
});

/** Defaults filled in; `comparePositions` is copied so callers cannot alias it. */
export function resolvePlotOptions(options: Partial<PlotOptions> = {}): PlotOptions {
  const merged: PlotOptions = { ...DEFAULT_PLOT_OPTIONS, ...stripUndefined(options) };
  return {
    ...merged,
    comparePositions: [...merged.comparePositions],
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
