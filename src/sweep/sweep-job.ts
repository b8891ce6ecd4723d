import type { Vocabulary } from '../vocabulary.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import { METRIC_NAMES, type NumericMetric } from '../metric-names.js';
import type { AtFrequency } from './at-freqs.js';
import type { AxisSpec } from '../schedule/axis-spec.js';
import type { SweepTarget } from '../schedule/config-path.js';
import { gridSize } from './sweep-grid.js';

export type SweepFormat = 'csv' | 'ndjson' | 'json';

/** One swept parameter: its output column, where it lives, its values (resolveAxes in sweep-axes.ts makes them). */
export interface SweepAxis {
  /** The path as the user wrote it, or in full (`momentum.v`) when the short form is also a fixed column (`v`). */
  path: string;
  target: SweepTarget;
  spec: AxisSpec;
}

/**
 * Everything needed to compute and format any range of points, as plain data: it is posted to
 * worker threads as is (structured clone), so it holds config paths, not zod schemas.
 */
export interface SweepJob {
  config: ScheduleConfig;
  axes: { path: string; configPath: (string | number)[]; spec: AxisSpec }[];
  /** Stage selection, as --stages (plus step:S). */
  stages: string;
  atFreqs: AtFrequency[];
  format: SweepFormat;
  allowUnstable: boolean;
  /** Invalid points are reported and skipped instead of ending the sweep. */
  skipInvalid: boolean;
  /** The words messages use for the knobs (`--stages` in the CLI); the library's by default. */
  vocabulary?: Vocabulary;
  /** A metric to collect at every point beside the rows, for a plot (ChunkResult.plotValues). */
  plot?: SweepPlotRequest;
}

/** What a sweep plot can show: a numeric filter metric, or with a learning rate the update view's two (`lr`, `effectiveLearningRate`). */
export type SweepPlotMetric = NumericMetric | LrColumn;

/** The update-view columns a sweep adds when its config has `lr` (as analyze's metrics output). */
export type LrColumn = 'lr' | 'effectiveLearningRate';
export const LR_COLUMNS: readonly LrColumn[] = ['lr', 'effectiveLearningRate'];

/** The value a sweep plot shows at each point: one metric of one stage (`sweep --plot-metric`, `--plot-stage`). */
export interface SweepPlotRequest {
  metric: SweepPlotMetric;
  /** A selection of a single stage: first, last, final, K, -K or step:S. */
  stage: string;
}

export function sweepJob(config: ScheduleConfig, axes: readonly SweepAxis[], options: Omit<SweepJob, 'config' | 'axes'>): SweepJob {
  return { config, axes: axes.map((a) => ({ path: a.path, configPath: a.target.configPath, spec: a.spec })), ...options };
}

/** Number of points of a job's grid. */
export function jobSize(job: SweepJob): number {
  return gridSize(job.axes.map((a) => a.spec));
}

/** Stage columns, in the order of analyze's metrics output (src/io/tidy-rows.ts) minus `schedule`. */
export const STAGE_COLUMNS = ['stage', 'startStep', 'endStep', 'u', 'v'] as const;

/** Columns every sweep has; a swept path spelled like one of them is written in full. */
export const FIXED_COLUMNS: ReadonlySet<string> = new Set(['point', ...STAGE_COLUMNS, ...METRIC_NAMES]);

/**
 * Which update-view columns a job's rows carry: with a learning rate in the config, `lr` (α_k of the
 * stage) after `v` and `effectiveLearningRate` (α_k·|H_k(0)|) after `amplifies`, as in analyze's
 * metrics output. A constant `lr` that is itself swept is already the axis column `lr`: no second one.
 */
export function lrColumns(job: Pick<SweepJob, 'config' | 'axes'>): { lr: boolean; effectiveLearningRate: boolean } {
  const has = job.config.lr !== undefined;
  return { lr: has && !job.axes.some((a) => a.path === 'lr'), effectiveLearningRate: has };
}

/**
 * Output columns: `point` (index in the grid, from 0), the swept paths as written, the stage fields
 * (with a learning rate, `lr` after `v`), analyze's metric names (with a learning rate,
 * `effectiveLearningRate` after them), then `magnitude@<freq>` for each --at-freqs value (|H| at that ω).
 */
export function sweepColumns(job: Pick<SweepJob, 'config' | 'axes' | 'atFreqs'>): string[] {
  const lr = lrColumns(job);
  return [
    'point',
    ...job.axes.map((a) => a.path),
    ...STAGE_COLUMNS,
    ...(lr.lr ? ['lr'] : []),
    ...METRIC_NAMES,
    ...(lr.effectiveLearningRate ? ['effectiveLearningRate'] : []),
    ...job.atFreqs.map((f) => `magnitude@${f.label}`),
  ];
}
