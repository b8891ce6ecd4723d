import { LIBRARY_VOCABULARY } from '../vocabulary.js';
import { csvLine } from '../io/csv-line.js';
import { METRIC_NAMES } from '../metric-names.js';
import type { StageMetrics } from '../types.js';
import { pointEvaluator, type PointResult } from './point-evaluator.js';
import { stageMetricsOf } from '../filter/stage-filter.js';
import { pointStageMagnitudes } from './point-metrics.js';
import { pointValues } from './sweep-grid.js';
import { sweepColumns, type SweepJob } from './sweep-job.js';
import { stageSelector } from '../analysis/stage-selection.js';

/** A point that could not be computed. */
export interface InvalidPoint {
  point: number;
  /** `momentum.c=0, momentum.v=1`: the point's values, for messages. */
  values: string;
  problem: string;
}

/** The text of a range of points, and what was skipped (or the point that ended the sweep). */
export interface ChunkResult {
  text: string;
  /** The text as UTF-8, when a worker thread encoded it (and moved it to the main thread uncopied). */
  bytes?: Uint8Array;
  rows: number;
  skipped: InvalidPoint[];
  /** Set when a point is invalid and the job does not skip: nothing of the chunk is to be written. */
  failed?: InvalidPoint;
}

type Formatter = (start: number, end: number) => ChunkResult;

/**
 * Computes and formats points start … end − 1 of a job (serial code, shared by the main thread and
 * the workers, so output is the same bytes whatever the number of threads). Rows are written
 * straight into strings: numbers as ECMAScript's shortest round-trip decimals (as io/number-format),
 * non-finite numbers and nulls as JSON null or an empty CSV cell.
 *
 * JSON rows are each prefixed with ",\n    "; the writer removes the comma before the first row.
 */
export function chunkFormatter(job: SweepJob): Formatter {
  const evaluate = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable });
  const pick = stageSelector(job.stages);
  const specs = job.axes.map((a) => a.spec);
  const values = new Float64Array(specs.length);
  const columns = sweepColumns(job);
  const nAxes = specs.length;
  const omegas = Float64Array.from(job.atFreqs, (f) => f.omega);
  const magnitudes = new Float64Array(omegas.length);
  // Cells of one row, reused for every row: CSV through the one RFC 4180 writer, JSON by JSON.stringify
  // (non-finite → null, −0 → 0).
  const cells: (number | string | boolean | null)[] = new Array(columns.length);
  const format = job.format;
  const describe = (): string => job.axes.map((a, i) => `${a.path}=${values[i]}`).join(', ');

  return (start, end) => {
    const parts: string[] = [];
    const skipped: InvalidPoint[] = [];
    let rows = 0;
    for (let p = start; p < end; p++) {
      pointValues(specs, p, values);
      const result: PointResult = evaluate(values);
      let problem = result.problem;
      let chosen: number[] = [];
      if (result.stages) {
        const picked = pick(result.stages);
        if (Array.isArray(picked)) chosen = picked;
        else problem = `${(job.vocabulary ?? LIBRARY_VOCABULARY).stages}: ${picked.error}`;
      }
      if (problem !== undefined) {
        const invalid = { point: p, values: describe(), problem };
        if (!job.skipInvalid) return { text: '', rows: 0, skipped, failed: invalid };
        skipped.push(invalid);
        continue;
      }
      const table = result.stages!;
      cells[0] = p;
      for (let a = 0; a < nAxes; a++) cells[a + 1] = values[a];
      for (const i of chosen) {
        const u = table.u[i];
        const v = table.v[i];
        const m: StageMetrics = stageMetricsOf(result as PointResult & { stages: object }, i);
        let c = nAxes + 1;
        cells[c++] = i;
        cells[c++] = table.startStep[i];
        cells[c++] = table.endStep[i];
        cells[c++] = u;
        cells[c++] = v;
        for (const k of METRIC_NAMES) cells[c++] = m[k];
        pointStageMagnitudes(result as PointResult & { stages: object }, i, omegas, magnitudes);
        for (let f = 0; f < magnitudes.length; f++) cells[c++] = magnitudes[f];
        parts.push(format === 'csv' ? csvLine(cells) : jsonLine(columns, cells, format === 'json'));
        rows++;
      }
    }
    return { text: parts.join(''), rows, skipped };
  };
}

/** One NDJSON line, or one JSON array element (prefixed with ",\n    "). */
function jsonLine(columns: readonly string[], cells: readonly (number | string | boolean | null)[], inArray: boolean): string {
  const row: Record<string, number | string | boolean | null> = {};
  for (let c = 0; c < columns.length; c++) row[columns[c]] = cells[c];
  return inArray ? `,\n    ${JSON.stringify(row)}` : `${JSON.stringify(row)}\n`;
}

/**
 * The first invalid point of start … end − 1, without formatting anything: the check that runs over
 * the whole grid before any output is written (unless invalid points are to be skipped).
 */
export function chunkChecker(job: SweepJob): (start: number, end: number) => InvalidPoint | undefined {
  const evaluate = pointEvaluator(job.config, job.axes.map((a) => a.configPath), { allowUnstable: job.allowUnstable });
  const pick = stageSelector(job.stages);
  const specs = job.axes.map((a) => a.spec);
  const values = new Float64Array(specs.length);
  const cAxis = fsgdmStabilityAxis(job);
  const configC = job.config.momentum.preset !== undefined ? Number(job.config.momentum.params.c) : NaN;
  return (start, end) => {
    for (let p = start; p < end; p++) {
      pointValues(specs, p, values);
      // FSGDM's u = S/(S + cΣ) lies in [0, 1) at every segment iff c > 0: no table needed.
      if (cAxis !== undefined && (cAxis < 0 ? configC : values[cAxis]) > 0) continue;
      const result = evaluate(values);
      let problem = result.problem;
      if (result.stages) {
        const picked = pick(result.stages);
        if (!Array.isArray(picked)) problem = `${(job.vocabulary ?? LIBRARY_VOCABULARY).stages}: ${picked.error}`;
      }
      if (problem !== undefined) return { point: p, values: job.axes.map((a, i) => `${a.path}=${values[i]}`).join(', '), problem };
    }
    return undefined;
  };
}

/**
 * For an FSGDM sweep that keeps steps and stages fixed (so the stage count, and the stage selection
 * checked on the base schedule, do not change): the index of the swept `c` axis, or −1 when c is not
 * swept. Undefined when the shortcut does not apply.
 */
function fsgdmStabilityAxis(job: SweepJob): number | undefined {
  if (job.config.momentum.preset !== 'fsgdm' || job.allowUnstable) return undefined;
  const keys = job.axes.map((a) => a.configPath.join('.'));
  if (keys.some((k) => k === 'steps' || k === 'stages' || k === 'stageLength')) return undefined;
  return keys.indexOf('momentum.params.c');
}
