import { csvLine } from './csv-line.js';
import { documentOpening } from '../util/json-document.js';
import { jsonValue } from '../util/json-value.js';
import type { InvalidPoint } from '../sweep/sweep-rows.js';
import { jobSize, sweepColumns, type SweepJob } from '../sweep/sweep-job.js';

/**
 * What surrounds the rows of a sweep in each format:
 * - csv: a header row of column names; rows follow (no footer).
 * - ndjson: nothing; one object per line.
 * - json: { schemaVersion, tool, sweep: { schedule, source, points, stages, axes, atFreqs },
 *   columns, rows: [ one object per line ], skipped: [ { point, values, problem } ], skippedCount }.
 *
 * The rows themselves are formatted by the sweep's chunks (in worker threads), so the document is
 * written as text around them rather than through jsonDocument; it opens with the same
 * documentOpening().
 */
export function sweepHeader(job: SweepJob, meta: { schedule: string; source: string }): string {
  const columns = sweepColumns(job);
  if (job.format === 'csv') return csvLine(columns);
  if (job.format === 'ndjson') return '';
  const sweep = {
    schedule: meta.schedule,
    source: meta.source,
    points: jobSize(job),
    stages: job.stages,
    axes: job.axes.map((a) => ({ path: a.path, ...a.spec })),
    atFreqs: job.atFreqs,
  };
  return `${documentOpening()},\n  "sweep": ${jsonValue(sweep)},\n  "columns": ${JSON.stringify(columns)},\n  "rows": [`;
}

/**
 * The text after the rows; `wroteRows` tells whether the JSON array is empty. `skipped` lists the
 * skipped points (the first ones when there were very many), `skippedCount` counts them all.
 */
export function sweepFooter(job: SweepJob, wroteRows: boolean, skipped: readonly InvalidPoint[], skippedCount = skipped.length): string {
  if (job.format !== 'json') return '';
  const list = skipped.map((s) => `\n    ${jsonValue(s)}`).join(',');
  return `${wroteRows ? '\n  ' : ''}],\n  "skipped": [${list}${skipped.length > 0 ? '\n  ' : ''}],\n  "skippedCount": ${skippedCount}\n}\n`;
}
