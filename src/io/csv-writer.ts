import { csvFields, csvLine } from './csv-line.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import {
  atStepRows, columnsWithLr, EXACT_METRICS_COLUMNS, EXACT_RESPONSE_COLUMNS, exactResponseRows, METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS,
  responseCells, responseSets, stageCells, transientCells,
} from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

/** Tidy CSV (RFC 4180, header row, '\n' line ends; non-finite numbers and nulls are empty cells). */
export function csvWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  // With a learning rate in some schedule: the lr and update columns; with display stages, their fields (columnsWithLr).
  const lr = options.lr === true;
  const display = options.display ?? [];
  const cols = (columns: readonly string[]) => columnsWithLr(columns, lr, display);
  const exact = options.mode === 'exact' || options.mode === 'both' || options.atSteps === true;
  if (exact) {
    return {
      begin: () => sink.write(csvLine(options.response ? cols(EXACT_RESPONSE_COLUMNS) : cols(EXACT_METRICS_COLUMNS))),
      schedule: (h) => {
        header = h;
      },
      stage: (r) => {
        const prefix = stageCells(header, r, lr, display);
        if (!options.response) return sink.write(csvLine([...prefix, ...metricCells(r, lr), ...transientCells(r)]));
        const rows = responseSets(r).flatMap((s) => exactResponseRows(prefix, s, header.frequencies, lr));
        return sink.write(rows.map(csvLine).join(''));
      },
      atStep: (r) => (options.response ? sink.write(atStepRows(header, r, lr, display).map(csvLine).join('')) : undefined),
      endSchedule: () => undefined,
      end: () => undefined,
    };
  }
  return {
    begin: () => sink.write(csvLine(options.response ? cols(RESPONSE_COLUMNS) : cols(METRICS_COLUMNS))),
    schedule: (h) => {
      header = h;
    },
    stage: (r) => {
      const prefix = csvFields(stageCells(header, r, lr, display));
      if (!options.response) return sink.write(`${prefix},${csvLine(metricCells(r, lr))}`);
      const lines: string[] = [];
      for (let i = 0; i < header.frequencies.length; i++) lines.push(`${prefix},${csvLine(responseCells(header, r, i, lr))}`);
      return sink.write(lines.join(''));
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
