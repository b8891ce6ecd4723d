import { TraceError, traceMessages } from './trace-error.js';
import { forEachLine } from './trace-lines.js';
import { RecordTable, parseJsonLenient } from './trace-records.js';
import { byLine } from './trace-series.js';
import type { ReadTraceOptions, TraceSeries } from './trace-types.js';

/**
 * Series of an NDJSON trace (one JSON value per line, as training loops log them): a number
 * per line, or an object per line such as {"step": 12, "grad": 0.031}, or an array per line.
 * Read line by line from chunks; blank lines are skipped; errors name the 1-based line.
 * Python's NaN and Infinity are read (as non-finite samples, see ReadTraceOptions.nonfinite).
 * See RecordTable for how records become series.
 */
export function parseNdjsonTrace(chunks: Iterable<Uint8Array>, file: string, options: ReadTraceOptions = {}): TraceSeries[] {
  const table = new RecordTable(file, options, byLine);
  forEachLine(chunks, (line, lineNumber) => {
    if (line.trim().length === 0) return;
    let record: unknown;
    try {
      record = parseJsonLenient(line);
    } catch (error) {
      throw new TraceError('bad-json', file, traceMessages.badJson((error as Error).message), { line: lineNumber });
    }
    table.add(record, lineNumber);
  });
  return table.finish();
}
