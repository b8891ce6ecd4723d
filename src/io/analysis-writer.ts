import type { ScheduleHeader } from '../analysis/analyze.js';
import type { AtStepRecord, StageRecord } from '../types.js';
import type { TextSink } from './sink.js';

/** Streams an analysis: schedules one after the other, each followed by its stage records. */
export interface AnalysisWriter {
  begin(): Promise<void> | void;
  schedule(header: ScheduleHeader): Promise<void> | void;
  stage(record: StageRecord): Promise<void> | void;
  /** Exact responses at the steps of --at-steps, after the stages (writers without them ignore it). */
  atSteps?(records: AtStepRecord[]): Promise<void> | void;
  endSchedule(): Promise<void> | void;
  end(): Promise<void> | void;
}

export type AnalysisFormat = 'json' | 'ndjson' | 'csv' | 'table';

export interface WriterOptions {
  /** Rows per stage (false) or per (stage, frequency) (true). */
  response: boolean;
  tool: { name: string; version: string };
  /** 'exact' or 'both' adds the exact response and transient columns (CSV/NDJSON); default 'frozen'. */
  mode?: 'frozen' | 'exact' | 'both';
}

export type WriterFactory = (sink: TextSink, options: WriterOptions) => AnalysisWriter;
