import { LIBRARY_VOCABULARY } from '../vocabulary.js';
import { csvField } from '../io/csv-line.js';
import { ByteText } from '../util/byte-text.js';
import { METRIC_NAMES } from '../metric-names.js';
import type { Schedule, StageMetrics } from '../types.js';
import { PRESETS } from '../schedule/presets/index.js';
import type { ScheduleConfig } from '../schedule/schema.js';
import { pointEvaluator, type PointResult } from './evaluate-point.js';
import { stageAt, stageMagnitude, stageMetricsOf } from '../filter/stage-filter.js';
import { pointValues } from './sweep-grid.js';
import { lrColumns, sweepColumns, type SweepFormat, type SweepJob, type SweepPlotMetric } from './sweep-job.js';
import { effectiveLearningRate } from '../filter/update-response.js';
import { stageSelector } from '../analysis/stage-selection.js';

/** A point that could not be computed. */
export interface InvalidPoint {
  point: number;
  /** `momentum.c=0, momentum.v=1`: the point's values, for messages. */
  values: string;
  problem: string;
}

/** The rows of a range of points, and what was skipped (or the point that ended the sweep). */
export interface ChunkResult {
  /** The rows as UTF-8 text, in a buffer of their own (a worker thread moves it to the main thread uncopied). */
  bytes: Uint8Array;
  rows: number;
  skipped: InvalidPoint[];
  /** Set when a point is invalid and the job does not skip: nothing of the chunk is to be written. */
  failed?: InvalidPoint;
  /**
   * With job.plot: the plotted metric at points start … end − 1, from the same evaluation as the rows;
   * NaN where the point is invalid, the stage does not exist or the metric is undefined (null).
   */
  plotValues?: Float64Array;
}

type Formatter = (start: number, end: number) => ChunkResult;

/**
 * Computes and formats points start … end − 1 of a job (serial code, shared by the main thread and
 * the workers, so output is the same bytes whatever the number of threads), and collects the
 * plotted metric of each point when the job has a plot (each point is evaluated once). Rows are written
 * straight into UTF-8 bytes (util/byte-text.ts: no string per row, nothing to encode afterwards):
 * numbers as ECMAScript's shortest round-trip decimals (as io/number-format), non-finite numbers and
 * nulls as JSON null or an empty CSV cell, text as io/csv-line's csvField or JSON.stringify.
 *
 * JSON rows are each prefixed with ",\n    "; the writer removes the comma before the first row.
 */
export function chunkFormatter(job: SweepJob): Formatter {
  const { evaluate } = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable, vocabulary: job.vocabulary });
  const pick = stageSelector(job.stages);
  const specs = job.axes.map((a) => a.spec);
  const values = new Float64Array(specs.length);
  const columns = sweepColumns(job);
  const lr = lrColumns(job);
  const nAxes = specs.length;
  const omegas = Float64Array.from(job.atFreqs, (f) => f.omega);
  const magnitudes = new Float64Array(omegas.length);
  // Cells of one row, reused for every row.
  const cells: (number | string | boolean | null)[] = new Array(columns.length);
  const writeRow = rowWriter(job.format, columns);
  // Each chunk's buffer is its own (handed to a stream or another thread); sized from the last one.
  let capacity = 1 << 16;
  const describe = (): string => job.axes.map((a, i) => `${a.path}=${values[i]}`).join(', ');
  const plot = job.plot;
  const plotPick = plot && stageSelector(plot.stage, { single: true });

  return (start, end) => {
    const out = new ByteText(capacity);
    const skipped: InvalidPoint[] = [];
    const plotValues = plot ? new Float64Array(end - start) : undefined;
    let rows = 0;
    for (let p = start; p < end; p++) {
      pointValues(specs, p, values);
      const result: PointResult = evaluate(values);
      // The plotted stage's metrics, computed once for the plot and for its row (when it has one).
      let plotStage = -1;
      let plotMetrics: StageMetrics | undefined;
      if (plotValues) {
        const k = result.schedule ? plotPick!(result.schedule.stages) : undefined;
        if (Array.isArray(k)) {
          plotStage = k[0];
          plotMetrics = stageMetricsOf(result.schedule!, plotStage);
        }
        const m = plotMetrics && plotValue(result.schedule!, plotStage, plotMetrics, plot!.metric);
        plotValues[p - start] = typeof m === 'number' ? m : NaN;
      }
      let problem = result.problem;
      let chosen: number[] = [];
      if (result.schedule) {
        const picked = pick(result.schedule.stages);
        if (Array.isArray(picked)) chosen = picked;
        else problem = `${(job.vocabulary ?? LIBRARY_VOCABULARY).stages}: ${picked.error}`;
      }
      if (problem !== undefined) {
        const invalid = { point: p, values: describe(), problem };
        if (!job.skipInvalid) return { bytes: new Uint8Array(0), rows: 0, skipped, failed: invalid };
        skipped.push(invalid);
        continue;
      }
      const schedule = result.schedule!;
      cells[0] = p;
      for (let a = 0; a < nAxes; a++) cells[a + 1] = values[a];
      for (const i of chosen) {
        const stage = stageAt(schedule, i);
        const m: StageMetrics = i === plotStage ? plotMetrics! : stageMetricsOf(schedule, i);
        let c = nAxes + 1;
        cells[c++] = i;
        cells[c++] = stage.startStep;
        cells[c++] = stage.endStep;
        cells[c++] = stage.u;
        cells[c++] = stage.v;
        const alpha = schedule.lr?.[i];
        if (lr.lr) cells[c++] = alpha ?? null;
        for (const k of METRIC_NAMES) cells[c++] = m[k];
        if (lr.effectiveLearningRate) cells[c++] = alpha === undefined ? null : effectiveLearningRate(alpha, m.dcGain);
        if (omegas.length > 0) stageMagnitude(schedule, i, omegas, magnitudes);
        for (let f = 0; f < magnitudes.length; f++) cells[c++] = magnitudes[f];
        writeRow(out, cells);
        rows++;
      }
    }
    capacity = Math.max(capacity, out.length + 1024);
    const bytes = out.view();
    return plotValues ? { bytes, rows, skipped, plotValues } : { bytes, rows, skipped };
  };
}

/** The plotted value of stage k: a filter metric, or the stage's learning rate α_k or α_k·|H_k(0)|. */
function plotValue(schedule: Schedule, k: number, metrics: StageMetrics, metric: SweepPlotMetric): number | string | boolean | null | undefined {
  if (metric === 'lr') return schedule.lr?.[k];
  if (metric === 'effectiveLearningRate') {
    const alpha = schedule.lr?.[k];
    return alpha === undefined ? undefined : effectiveLearningRate(alpha, metrics.dcGain);
  }
  return metrics[metric];
}

type Cell = number | string | boolean | null;
type RowWriter = (out: ByteText, cells: readonly Cell[]) => void;

const COMMA = 44;
const NEWLINE = 10;
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const NULL = ascii('null');
const TRUE = ascii('true');
const FALSE = ascii('false');

/**
 * Writes one row of cells: a CSV record (io/csv-line's csvLine: non-finite numbers and nulls empty,
 * text through csvField), an NDJSON line, or a JSON array element prefixed with ",\n    " (the text
 * JSON.stringify writes for the object of columns → cells: non-finite numbers as null, −0 as 0).
 */
function rowWriter(format: SweepFormat, columns: readonly string[]): RowWriter {
  const texts = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  const textBytes = (s: string, form: (s: string) => string): Uint8Array => {
    let b = texts.get(s);
    if (b === undefined) texts.set(s, (b = encoder.encode(form(s))));
    return b;
  };
  if (format === 'csv') {
    return (out, cells) => {
      for (let c = 0; c < cells.length; c++) {
        if (c > 0) out.byte(COMMA);
        const x = cells[c];
        if (typeof x === 'number') {
          if (Number.isFinite(x)) out.number(x);
        } else if (typeof x === 'string') out.raw(textBytes(x, csvField));
        else if (typeof x === 'boolean') out.raw(x ? TRUE : FALSE);
      }
      out.byte(NEWLINE);
    };
  }
  const inArray = format === 'json';
  // An object with duplicate or array-index keys is not written in column order by JSON.stringify.
  if (new Set(columns).size < columns.length || columns.some((c) => String(Number(c) >>> 0) === c)) {
    return (out, cells) => out.text(jsonLine(columns, cells, inArray));
  }
  const open = encoder.encode(inArray ? ',\n    {' : '{');
  const close = encoder.encode(inArray ? '}' : '}\n');
  const keys = columns.map((c, i) => encoder.encode(`${i > 0 ? ',' : ''}${JSON.stringify(c)}:`));
  return (out, cells) => {
    out.raw(open);
    for (let c = 0; c < cells.length; c++) {
      out.raw(keys[c]);
      const x = cells[c];
      if (typeof x === 'number') {
        if (Number.isFinite(x)) out.number(x);
        else out.raw(NULL);
      } else if (typeof x === 'string') out.raw(textBytes(x, JSON.stringify));
      else if (typeof x === 'boolean') out.raw(x ? TRUE : FALSE);
      else out.raw(NULL);
    }
    out.raw(close);
  };
}

/** One NDJSON line, or one JSON array element (prefixed with ",\n    "), by JSON.stringify. */
function jsonLine(columns: readonly string[], cells: readonly Cell[], inArray: boolean): string {
  const row: Record<string, Cell> = {};
  for (let c = 0; c < columns.length; c++) row[columns[c]] = cells[c];
  return inArray ? `,\n    ${JSON.stringify(row)}` : `${JSON.stringify(row)}\n`;
}

/**
 * The first invalid point of start … end − 1, without formatting anything: the check that runs over
 * the whole grid before any output is written (unless invalid points are to be skipped).
 */
export function chunkChecker(job: SweepJob): (start: number, end: number) => InvalidPoint | undefined {
  const { patch, evaluate } = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable, vocabulary: job.vocabulary });
  const pick = stageSelector(job.stages);
  const specs = job.axes.map((a) => a.spec);
  const values = new Float64Array(specs.length);
  const stable = stableWithoutTable(job);
  return (start, end) => {
    for (let p = start; p < end; p++) {
      pointValues(specs, p, values);
      if (stable && stable(patch(values))) continue;
      const result = evaluate(values);
      let problem = result.problem;
      if (result.schedule) {
        const picked = pick(result.schedule.stages);
        if (!Array.isArray(picked)) problem = `${(job.vocabulary ?? LIBRARY_VOCABULARY).stages}: ${picked.error}`;
      }
      if (problem !== undefined) return { point: p, values: job.axes.map((a, i) => `${a.path}=${values[i]}`).join(', '), problem };
    }
    return undefined;
  };
}

/**
 * A preset that decides stability from its parameters alone (`stableWhen`: FSGDM's u = S/(S + cΣ)
 * lies in [0, 1) iff c > 0) needs no table to check a point, provided the partition is not swept: the
 * stage count, and so the stage selection checked on the base schedule, stays the same. Undefined
 * when the shortcut does not apply.
 */
function stableWithoutTable(job: SweepJob): ((config: ScheduleConfig) => boolean) | undefined {
  const { momentum } = job.config;
  if (momentum.preset === undefined || job.allowUnstable) return undefined;
  const preset = PRESETS.get(momentum.preset)!;
  if (preset.kind !== 'own-partition' || !preset.stableWhen) return undefined;
  const stableWhen = preset.stableWhen;
  if (job.axes.some((a) => a.configPath.length === 1 && PARTITION_KEYS.has(String(a.configPath[0])))) return undefined;
  return (config) => config.momentum.preset !== undefined && config.stageLength === undefined && stableWhen(config.momentum.params as never, config.steps, config.stages ?? preset.defaults.stages);
}

const PARTITION_KEYS = new Set(['steps', 'stages', 'stageLength']);
