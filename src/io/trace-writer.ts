import { withOutputFile, writeOutputFile } from './output-file.js';
import { csvLine } from './csv-line.js';
import { jsonArray, jsonNumber } from '../util/json-value.js';
import { npyBytes } from './trace-npy-bytes.js';
import type { TraceFormat, TraceSeries } from './trace-types.js';

function csvValue(x: number): string {
  if (Number.isFinite(x)) return x === 0 ? '0' : String(x);
  return Number.isNaN(x) ? '' : x > 0 ? 'inf' : '-inf';
}

/**
 * Writes equally long series to `path` (atomically for a regular file, see output-file.ts), in a form
 * readTrace reads back:
 * csv (header `step,<names>`), ndjson (one `{ "step", <name>: value }` object per step),
 * json (`{ "step": [...], <name>: [...] }`) or npy (2-D float64 [steps, series], no step column).
 * Steps count from 1. NaN marks a missing value (a series that ended early): an empty CSV
 * cell, as pandas writes it, and null in JSON, which readTrace skips; ±Infinity is written as
 * inf/-inf in CSV (numpy.savetxt) and null in JSON. A path that cannot be written throws
 * PathError (see output-file.ts).
 */
export async function writeTrace(path: string, format: TraceFormat, series: readonly TraceSeries[]): Promise<void> {
  if (format === 'npy') return writeOutputFile(path, npyBytes(series.map((s) => s.values)));
  const n = series.length === 0 ? 0 : series[0].values.length;
  await withOutputFile(path, async (sink) => {
    if (format === 'json') {
      const steps = Float64Array.from({ length: n }, (_, i) => i + 1);
      const parts = [`"step":${jsonArray(steps)}`, ...series.map((s) => `${JSON.stringify(s.name)}:${jsonArray(s.values)}`)];
      await sink.write(`{${parts.join(',\n')}}\n`);
      return;
    }
    const keys = series.map((s) => JSON.stringify(s.name));
    if (format === 'csv') await sink.write(csvLine(['step', ...series.map((s) => s.name)]));
    for (let i = 0; i < n; i++) {
      const line = format === 'csv'
        ? csvLine([i + 1, ...series.map((s) => csvValue(s.values[i]))])
        : `{"step":${i + 1},${series.map((s, j) => `${keys[j]}:${jsonNumber(s.values[i])}`).join(',')}}\n`;
      await sink.write(line);
    }
  });
}
