import { ColumnBuilder, selectColumns } from './trace-columns.js';
import { TraceError, traceMessages } from './trace-error.js';
import { RecordTable, parseJsonLenient } from './trace-records.js';
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
 * an object mapping names to arrays of numbers ({"grad": [..], "loss": [..]}; keys whose
 * values are not arrays are ignored, arrays may differ in length). null reads as NaN.
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
    const table = new RecordTable(file, options.columns);
    data.forEach((record, i) => table.add(record, { path: `[${i}]` }));
    return table.finish();
  }
  if (data === null || typeof data !== 'object') {
    throw new TraceError('bad-structure', file, traceMessages.badStructure('expected an array or an object of arrays'));
  }
  const entries = Object.entries(data).filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
  if (entries.length === 0) throw new TraceError('bad-structure', file, traceMessages.badStructure('an object without arrays'));
  const names = entries.map(([name]) => name);
  return selectColumns(names, options.columns, file).map((c) => {
    const [name, values] = entries[c];
    const builder = new ColumnBuilder();
    values.forEach((v, i) => {
      if (typeof v === 'number') builder.push(v);
      else if (v === null) builder.push(NaN);
      else throw new TraceError('not-a-number', file, `${name}[${i}]: ${traceMessages.notNumber(name, JSON.stringify(v) ?? String(v))}`);
    });
    return { name, values: builder.finish() };
  });
}
