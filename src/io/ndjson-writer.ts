import { ndjsonLine } from './row-writer.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import {
  atStepRows, EXACT_METRICS_COLUMNS, EXACT_RESPONSE_COLUMNS, exactResponseRows, METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS,
  responseCells, responseSets, stageCells, transientCells,
} from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

/** NDJSON: the tidy rows of the CSV format, one JSON object per line. */
export function ndjsonWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  if (options.mode === 'exact' || options.mode === 'both' || options.atSteps === true) {
    return {
      begin: () => undefined,
      schedule: (h) => {
        header = h;
      },
      stage: (r) => {
        const prefix = stageCells(header, r);
        if (!options.response) return sink.write(ndjsonLine(EXACT_METRICS_COLUMNS, [...prefix, ...metricCells(r), ...transientCells(r)]));
        const rows = responseSets(r).flatMap((s) => exactResponseRows(prefix, s.kind, s.step, header.frequencies, s.response));
        return sink.write(rows.map((row) => ndjsonLine(EXACT_RESPONSE_COLUMNS, row)).join(''));
      },
      atStep: (r) => (options.response ? sink.write(atStepRows(header, r).map((row) => ndjsonLine(EXACT_RESPONSE_COLUMNS, row)).join('')) : undefined),
      endSchedule: () => undefined,
      end: () => undefined,
    };
  }
  return {
    begin: () => undefined,
    schedule: (h) => {
      header = h;
    },
    stage: (r) => {
      const base = stageCells(header, r);
      if (!options.response) return sink.write(ndjsonLine(METRICS_COLUMNS, [...base, ...metricCells(r)]));
      const lines: string[] = [];
      for (let i = 0; i < header.frequencies.length; i++) lines.push(ndjsonLine(RESPONSE_COLUMNS, [...base, ...responseCells(header, r, i)]));
      return sink.write(lines.join(''));
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
