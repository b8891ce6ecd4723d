import { csvNumber, csvText } from './number-format.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import { METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS, responseCells, stageCells, type Cell } from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

function cell(c: Cell): string {
  if (typeof c === 'number') return csvNumber(c);
  if (c === null) return '';
  return typeof c === 'string' ? csvText(c) : String(c);
}

/** Tidy CSV (RFC 4180, header row, '\n' line ends; non-finite numbers and nulls are empty cells). */
export function csvWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  return {
    begin: () => sink.write(`${(options.response ? RESPONSE_COLUMNS : METRICS_COLUMNS).join(',')}\n`),
    schedule: (h) => {
      header = h;
    },
    stage: (r) => {
      const prefix = stageCells(header, r).map(cell).join(',');
      if (!options.response) return sink.write(`${prefix},${metricCells(r).map(cell).join(',')}\n`);
      const lines: string[] = [];
      for (let i = 0; i < header.frequencies.length; i++) lines.push(`${prefix},${responseCells(header, r, i).map(cell).join(',')}\n`);
      return sink.write(lines.join(''));
    },
    endSchedule: () => undefined,
    end: () => undefined,
  };
}
