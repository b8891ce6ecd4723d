import { TraceError, traceMessages } from './trace-error.js';
import { seriesColumns, stepColumn } from './trace-index.js';
import { RecordTable, parseJsonLenient } from './trace-records.js';
import { SeriesCollector, finishSeries } from './trace-series.js';
import type { ReadTraceOptions, TraceSeries } from './trace-types.js';

/** 1-based line of a character offset, if the JSON.parse message names one ("position 12"). */
function lineOfError(text: string, message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  if (match === null) return undefined;
  let line = 1;
  for (let i = 0, end = Math.min(Number(match[1]), text.length); i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Series of a JSON trace: an array (of numbers, of rows, or of records, as NDJSON lines) or
 * an object mapping names to arrays of numbers ({"step": [..], "grad": [..], "loss": [..]};
 * keys whose values are not arrays are ignored, arrays may differ in length). null is a
 * missing value; a step array (step, epoch, …) is an index, against which the samples of
 * each series are checked to be equally spaced (then no series may be longer than it).
 */
export function parseJsonTrace(text: string, file: string, options: ReadTraceOptions = {}): TraceSeries[] {
  let data: unknown;
  try {
    data = parseJsonLenient(text);
  } catch (error) {
    const line = lineOfError(text, (error as Error).message);
    throw new TraceError('bad-json', file, traceMessages.badJson((error as Error).message), line === undefined ? {} : { line });
  }
  if (Array.isArray(data)) {
    const table = new RecordTable(file, options, (i) => ({ path: `[${i}]`, index: i }));
    data.forEach((record, i) => table.add(record, i));
    return table.finish();
  }
  if (data === null || typeof data !== 'object') {
    throw new TraceError('bad-structure', file, traceMessages.badStructure('expected an array or an object of arrays'));
  }
  const entries = Object.entries(data).filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
  if (entries.length === 0) throw new TraceError('bad-structure', file, traceMessages.badStructure('an object without arrays'));
  const names = entries.map(([name]) => name);
  const s = stepColumn(names);
  const steps = s < 0 ? null : entries[s];
  const collectors = seriesColumns(names, options.columns, file).map((c) => {
    const [name, values] = entries[c];
    const at = (i: number) => ({ path: `${name}[${i}]`, index: i });
    const collector = new SeriesCollector(name, { file, stepColumn: steps?.[0] ?? null, nonfinite: options.nonfinite ?? 'error', locate: at, maxSamples: options.maxSamples });
    values.forEach((v, i) => {
      if (v === null) return collector.empty();
      if (typeof v !== 'number') {
        throw new TraceError('not-a-number', file, traceMessages.notNumber(name, JSON.stringify(v) ?? String(v)), { ...at(i), column: name });
      }
      let step = i;
      if (steps !== null) {
        const t = steps[1][i];
        if (typeof t !== 'number' || t - t !== 0) {
          throw new TraceError('not-a-number', file, traceMessages.badStep(steps[0], t === undefined ? '' : JSON.stringify(t) ?? String(t)),
            { path: `${steps[0]}[${i}]`, index: i, column: steps[0] });
        }
        step = t;
      }
      collector.add(v, step, i);
    });
    return collector;
  });
  return finishSeries(collectors, (options.columns ?? []).length > 0, file).filter((x): x is TraceSeries => x !== null);
}
