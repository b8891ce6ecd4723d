import { csvFields, csvLine } from './csv-line.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import {
  atStepRows, EXACT_METRICS_COLUMNS, EXACT_RESPONSE_COLUMNS, exactResponseRows, METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS,
  responseCells, responseSets, stageCells, transientCells,
} from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

/** Tidy CSV (RFC 4180, header row, '\n' line ends; non-finite numbers and nulls are empty cells). */
export function csvWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  const exact = options.mode === 'exact' || options.mode === 'both' || options.atSteps === true;
  if (exact) {
    return {
      begin: () => sink.write(csvLine(options.response ? EXACT_RESPONSE_COLUMNS : EXACT_METRICS_COLUMNS)),
      schedule: (h) => {
        header = h;
      },
      stage: (r) => {
        const prefix = stageCells(header, r);
        if (!options.response) return sink.write(csvLine([...prefix, ...metricCells(r), ...transientCells(r)]));
        const rows = responseSets(r).flatMap((s) => exactResponseRows(prefix, s.kind, s.step, header.frequencies, s.response));
        return sink.write(rows.map(csvLine).join(''));
      },
      atStep: (r) => (options.response ? sink.write(atStepRows(header, r).map(csvLine).join('')) : undefined),
      endSchedule: () => undefined,
      end: () => undefined,
    };
  }
  return {
    begin: () => sink.write(csvLine(options.response ? RESPONSE_COLUMNS : METRICS_COLUMNS)),
    schedule: (h) => {
      header = h;
    },
    stage: (r) => {
      const prefix = csvFields(stageCells(header, r));
      if (!options.response) return sink.write(`${prefix},${csvLine(metricCells(r))}`);
      const lines: string[] = [];
      for (let i = 0; i < header.frequencies.length; i++) lines.push(`${prefix},${csvLine(responseCells(header, r, i))}`);
      return sink.write(lines.join(''));
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
