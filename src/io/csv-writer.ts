import { csvNumber, csvText } from './number-format.js';
import type { AnalysisWriter, WriterOptions } from './analysis-writer.js';
import type { TextSink } from './sink.js';
import {
  atStepRows, EXACT_METRICS_COLUMNS, EXACT_RESPONSE_COLUMNS, exactResponseRows, METRICS_COLUMNS, metricCells, RESPONSE_COLUMNS,
  responseCells, responseSets, stageCells, transientCells, type Cell,
} from './tidy-rows.js';
import type { ScheduleHeader } from '../analysis/analyze.js';

function cell(c: Cell): string {
  if (typeof c === 'number') return csvNumber(c);
  if (c === null) return '';
  return typeof c === 'string' ? csvText(c) : String(c);
}

/** Tidy CSV (RFC 4180, header row, '\n' line ends; non-finite numbers and nulls are empty cells). */
export function csvWriter(sink: TextSink, options: WriterOptions): AnalysisWriter {
  let header: ScheduleHeader;
  const exact = options.mode === 'exact' || options.mode === 'both';
  const line = (cells: Cell[]) => `${cells.map(cell).join(',')}\n`;
  if (exact) {
    return {
      begin: () => sink.write(`${(options.response ? EXACT_RESPONSE_COLUMNS : EXACT_METRICS_COLUMNS).join(',')}\n`),
      schedule: (h) => {
        header = h;
      },
      stage: (r) => {
        const prefix = stageCells(header, r);
        if (!options.response) return sink.write(line([...prefix, ...metricCells(r), ...transientCells(r)]));
        const rows = responseSets(r).flatMap((s) => exactResponseRows(prefix, s.kind, s.step, header.frequencies, s.response));
        return sink.write(rows.map(line).join(''));
      },
      atStep: (r) => (options.response ? sink.write(atStepRows(header, r).map(line).join('')) : undefined),
      endSchedule: () => undefined,
      end: () => undefined,
    };
  }
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
