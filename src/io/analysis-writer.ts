import type { ScheduleHeader } from '../analysis/analyze.js';
import type { StageRecord } from '../types.js';
import type { TextSink } from './sink.js';

/** Streams an analysis: schedules one after the other, each followed by its stage records. */
export interface AnalysisWriter {
  begin(): Promise<void> | void;
  schedule(header: ScheduleHeader): Promise<void> | void;
  stage(record: StageRecord): Promise<void> | void;
  endSchedule(): Promise<void> | void;
  end(): Promise<void> | void;
}

export type AnalysisFormat = 'json' | 'ndjson' | 'csv' | 'table';

export interface WriterOptions {
  /** Rows per stage (false) or per (stage, frequency) (true). */
  response: boolean;
  tool: { name: string; version: string };
}

export type WriterFactory = (sink: TextSink, options: WriterOptions) => AnalysisWriter;
