// Re-exports only (library-options.ts: the functions that take an options object, refusing unknown
// keys): the pure API of `momentum-fr` (config → schedule → responses → records →
// Vega-Lite specs). Its two entries differ only in where mathjs comes from: src/index.ts (browsers,
// bundlers) and src/index-node.ts (Node.js). Node-only functions are `momentum-fr/node` (src/node.ts).
export { provideMathjs, type Mathjs } from './schedule/mathjs-provider.js';
export { scheduleHeader, type AnalyzeOptions, type ScheduleHeader } from './analysis/analyze.js';
export { AUTO_STAGE_LIMIT, DEFAULT_DISPLAY_STAGES, displayStageEnds, type StageReport } from './analysis/display-stages.js';
export type { AnalyzeInput } from './analysis/analyze-input.js';
export { selectStages } from './analysis/stage-selection.js';
export type { ParseOptions, ParseResult } from './schedule/parse.js';
export type { ReadTable, TableRequest } from './schedule/table-values.js';
export { ConfigError, OptionError, formatIssue, type ConfigIssue, type ConfigWarning } from './schedule/issues.js';
export { BUDGETS, BudgetError, budgetText, type BudgetIssue, type BudgetKnob, type BudgetName } from './schedule/budgets.js';
export { LIMITS } from './schedule/limits.js';
export { PRESETS } from './schedule/presets/index.js';
export { configJsonSchema } from './schedule/schema.js';
export { starterYaml } from './schedule/starter.js';
export { linearGrid, logGrid } from './filter/grid.js';
export { frozenResponse, frozenMagnitudeSquared } from './filter/frozen-response.js';
export { stageMetrics, cutoffFrequency, unityGainFrequency, timeConstant } from './filter/metrics.js';
export { ExactResponseWalker } from './filter/exact-response.js';
export { exactResponseAt } from './filter/exact-response-at.js';
export { exactWalker } from './filter/stage-filter.js';
export { ExactStepResponses } from './filter/exact-step-responses.js';
export { ImpulseResponse } from './filter/impulse-response.js';
export { RationalExactWalker } from './filter/rational-exact.js';
export { frozenBankResponse } from './filter/bank-response.js';
export { bankMetrics } from './filter/bank-metrics.js';
export { frozenRationalResponse } from './filter/rational-response.js';
export { atStepRecords, atStepRecordStream, type ResponseMode } from './analysis/exact-records.js';
export { parseAxisSpec, type AxisSpec } from './schedule/axis-spec.js';
export { resolveAxes, type AxisRequest } from './sweep/sweep-axes.js';
export type { SweepAxis } from './sweep/sweep-job.js';
export { sweepColumns, type SweepJob, type SweepFormat } from './sweep/sweep-job.js';
export { sweepHeatmapSpec } from './plot/specs/sweep-heatmap.js';
export { sweepLineSpec } from './plot/specs/sweep-line.js';
export { tuneParameter, type TuneRequest, type TuneSolution } from './tune/tune-parameter.js';
export { parseTuneTarget, type TuneTarget } from './tune/tune-target.js';
export { brentRoot } from './tune/brent-root.js';
export { plotFigures, type PlotFigure } from './plot/plot-figures.js';
export type { ExactResponses } from './plot/response-records.js';
export { PLOT_KINDS, type PlotKind } from './plot/plot-kind.js';
export type { PlotOptions } from './plot/plot-options.js';
export { responseRecords, type ResponseRecords } from './plot/response-records.js';
export { magnitudeSpec } from './plot/specs/magnitude.js';
export { phaseSpec } from './plot/specs/phase.js';
export { groupDelaySpec } from './plot/specs/group-delay.js';
export { bodeSpec } from './plot/specs/bode.js';
export { responseMapSpec } from './plot/specs/response-map.js';
export { coefficientsSpec } from './plot/specs/coefficients.js';
export { metricsSpec } from './plot/specs/metrics.js';
export { compareSpec } from './plot/specs/compare.js';
export { compareSources } from './plot/compare-sources.js';
export {
  coefficientRecords,
  metricsRecords,
  responseMapRecords,
  type CoefficientRecords,
  type MetricsRecords,
  type ResponseMapRecords,
} from './plot/figure-records.js';
export type { TopLevelSpec } from './plot/specs/vega-lite-spec.js';
export { fft, ifft, rfft, type ComplexArray } from './math/fft.js';
export type { WelchOptions, WelchResult } from './spectral/welch.js';
export type { CsdResult } from './spectral/csd.js';
export type { CoherenceResult } from './spectral/coherence.js';
export type { SpectrogramOptions, SpectrogramResult } from './spectral/spectrogram.js';
export { getWindow, resolveWindow, windowSignature, WINDOW_NAMES, type WindowName, type WindowSpec } from './spectral/windows.js';
export { NonFiniteInputError } from './spectral/finite-input.js';
export { detrend } from './spectral/detrend.js';
export { testSignal, type SignalSpec } from './spectral/signals.js';
export { runMomentum } from './spectral/simulate.js';
export type { EmpiricalGain } from './spectral/empirical-gain.js';
export type { Agreement, StageComparison } from './spectral/stage-agreement.js';
export { withinTolerance, type ScheduleSimulation } from './spectral/simulation.js';
export { energySplit, stageEnergySplits, type EnergySplit, type StageEnergy } from './spectral/energy-split.js';
export { FIGURE_ONE_SIGNAL, DEFAULT_TOLERANCE } from './spectral/figure-one.js';
export { spectrogramRecords, timeSeriesRecords } from './spectral/plot-records.js';
export { figureOneSpec } from './plot/specs/figure-one.js';
export { stagePsdSpec } from './plot/specs/stage-psd.js';
export { psdSpec } from './plot/specs/psd.js';
export { spectrogramSpec } from './plot/specs/spectrogram.js';
export type * from './types.js';
export {
  analyze,
  stageRecords,
  stageReportOf,
  parseSchedules,
  parseConfig,
  exactStepResponses,
  sweepJob,
  resolvePlotOptions,
  welchPsd,
  welchPsdChunks,
  csd,
  csdChunks,
  coherence,
  coherenceChunks,
  spectrogram,
  spectrogramChunks,
  empiricalGain,
  stageComparison,
  simulateSchedule,
  stagePsdRecords,
} from './library-options.js';
