import { ndjsonLine } from './row-writer.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import {
  atStepRows, columnsWithLr, EXACT_METRICS_COLUMNS, EXACT_RESPONSE_COLUMNS, exactResponseRows, METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS,
  responseCells, responseSets, stageCells, transientCells,
} from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

/** NDJSON: the tidy rows of the CSV format, one JSON object per line. */
export function ndjsonWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  // With a learning rate in some schedule: the lr and update columns; with display stages, their fields (columnsWithLr).
  const lr = options.lr === true;
  const display = options.display ?? [];
  const cols = (columns: readonly string[]) => columnsWithLr(columns, lr, display);
  if (options.mode === 'exact' || options.mode === 'both' || options.atSteps === true) {
    return {
      begin: () => undefined,
      schedule: (h) => {
        header = h;
      },
      stage: (r) => {
        const prefix = stageCells(header, r, lr, display);
        if (!options.response) return sink.write(ndjsonLine(cols(EXACT_METRICS_COLUMNS), [...prefix, ...metricCells(r, lr), ...transientCells(r)]));
        const rows = responseSets(r).flatMap((s) => exactResponseRows(prefix, s, header.frequencies, lr));
        return sink.write(rows.map((row) => ndjsonLine(cols(EXACT_RESPONSE_COLUMNS), row)).join(''));
      },
      atStep: (r) => (options.response ? sink.write(atStepRows(header, r, lr, display).map((row) => ndjsonLine(cols(EXACT_RESPONSE_COLUMNS), row)).join('')) : undefined),
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
      const base = stageCells(header, r, lr, display);
      if (!options.response) return sink.write(ndjsonLine(cols(METRICS_COLUMNS), [...base, ...metricCells(r, lr)]));
      const lines: string[] = [];
      for (let i = 0; i < header.frequencies.length; i++) lines.push(ndjsonLine(cols(RESPONSE_COLUMNS), [...base, ...responseCells(header, r, i, lr)]));
      return sink.write(lines.join(''));
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
