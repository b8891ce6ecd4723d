import type { ScheduleHeader } from '../analysis/analyze.js';
import type { AtStepRecord, StageRecord } from '../types.js';

/** Streams an analysis: schedules one after the other, each followed by its stage records. */
export interface AnalysisWriter {
  begin(): Promise<void> | void;
  schedule(header: ScheduleHeader): Promise<void> | void;
  stage(record: StageRecord): Promise<void> | void;
  /**
   * The exact response at one step of --at-steps, in order after the schedule's stages (writers without it
   * ignore them). One record at a time, so any number of steps streams in the memory of one.
   */
  atStep?(record: AtStepRecord): Promise<void> | void;
  /**
   * The schedule ends; `summary` is its summary in words when the writer prints one (summaryFirst is
   * defined) and was not given it in the header: built from the records as they passed, refined from
   * the schedule where they are display stages (SummaryBuilder).
   */
  endSchedule(summary?: string[]): Promise<void> | void;
  end(): Promise<void> | void;
  /**
   * Whether the writer must be given the schedule's summary in its header (ScheduleHeader.summary)
   * before the stages, `covers` saying whether its records cover the schedule (coversSchedule).
   * Else it gets the summary at endSchedule. Absent: the writer prints no summary.
   */
  summaryFirst?(covers: boolean): boolean;
}

export interface WriterOptions {
  /** Rows per stage (false) or per (stage, frequency) (true). */
  response: boolean;
  /** 'exact' or 'both' adds the exact response and transient columns (CSV/NDJSON); default 'frozen'. */
  mode?: 'frozen' | 'exact' | 'both';
  /**
   * --at-steps records follow the stages: CSV/NDJSON then use the long layout of the exact modes
   * (kind and step columns) whatever the mode, since an at-step row is an exact response.
   */
  atSteps?: boolean;
  /**
   * Some schedule has a learning rate: CSV/NDJSON gain `lr`, `effectiveLearningRate` and the update
   * response's columns (tidy-rows columnsWithLr), empty for a schedule without one. Default false.
   */
  lr?: boolean;
  /**
   * Some schedule is reported as display stages: the union of their range keys (displayRangeKeys), in
   * order. CSV/NDJSON gain `firstStage`, `lastStage` and `<key>Min`, `<key>Max` after `v` and `lr`
   * (tidy-rows displayColumns), empty for real stages. Default none.
   */
  display?: readonly string[];
}
