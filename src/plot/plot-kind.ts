/**
 * The figures `momentum-fr plot` draws. Per-schedule kinds give one figure per schedule; `compare`
 * gives one figure for all schedules together.
 */
export const PLOT_KINDS = [
  'magnitude',
  'phase',
  'group-delay',
  'bode',
  'response-map',
  'coefficients',
  'metrics',
  'compare',
] as const;

export type PlotKind = (typeof PLOT_KINDS)[number];

export function isPlotKind(value: string): value is PlotKind {
  return (PLOT_KINDS as readonly string[]).includes(value);
}
