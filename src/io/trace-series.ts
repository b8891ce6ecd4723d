import { ColumnBuilder } from './trace-columns.js';
import { TraceError, pythonNumber, traceMessages, type TraceLocation } from './trace-error.js';
import type { NonFinitePolicy, TraceSeries } from './trace-types.js';

/** Where the sample at `position` (a 1-based line, or a 0-based element index) is, for messages. */
export type Locate = (position: number) => TraceLocation;

/** A line-numbered place: CSV and NDJSON. */
export const byLine: Locate = (line) => ({ line });

/** What the parsers tell a SeriesCollector: its name, step column, policy and how to locate samples. */
export interface CollectorSetup {
  file: string;
  /** Name of the step column, or null: then the row (record, element) ordinal is the step. */
  stepColumn: string | null;
  nonfinite: NonFinitePolicy;
  locate: Locate;
  /** Keep at most this many samples; later ones are counted (`excess`), not kept (ReadTraceOptions.maxSamples). */
  maxSamples?: number;
}

/**
 * Builds one series from the rows of a trace, sample by sample, and checks as it goes:
 *
 * - a row without a value (empty cell, null, missing key) is left out and counted (`skipped`):
 *   Lightning's CSVLogger leaves most cells empty by design;
 * - the samples kept must be equally spaced: in the step column when the trace has one (so
 *   `step` 49, 99, 149 is fine and 49, 99, 199 is not), else in rows (so an empty cell between
 *   two samples is a gap). The first two samples set the spacing; a later sample off it is a
 *   TraceError ('uneven-steps') naming both places;
 * - a NaN or ±Infinity sample is a TraceError ('non-finite') naming its place, unless the
 *   policy is 'drop' (left out and counted; its step still counts for the spacing, so the
 *   user's explicit drop joins its neighbours) or 'keep'.
 */
export class SeriesCollector {
  private readonly values = new ColumnBuilder();
  private skipped = 0;
  private dropped = 0;
  private excess = 0;
  /** Samples seen with a value (dropped ones included), their first and last step and spacing. */
  private count = 0;
  private first = 0;
  private last = 0;
  private lastPosition = 0;
  private spacing = 0;

  /** setup.maxSamples, read once (add runs for every sample). */
  private readonly limit: number;

  constructor(readonly name: string, private readonly setup: CollectorSetup) {
    this.limit = setup.maxSamples ?? Infinity;
  }

  /** A row with no value for this series. */
  empty(): void {
    this.skipped++;
  }

  /** Whether this series has had a value yet. */
  get started(): boolean {
    return this.count > 0;
  }

  /**
   * A value at `step` (the step column's value, or the row's ordinal) and `position` (line or
   * element index); `text` is how the value was written, for messages.
   */
  add(value: number, step: number, position: number, text?: string): void {
    if (this.count === 0) this.first = step;
    else {
      const gap = step - this.last;
      if (this.count === 1 ? !(gap > 0) : Math.abs(gap - this.spacing) > 1e-9 * this.spacing) this.uneven(step, position, gap);
      if (this.count === 1) this.spacing = gap;
    }
    this.count++;
    this.last = step;
    this.lastPosition = position;
    if (value - value !== 0 && this.setup.nonfinite !== 'keep') {
      if (this.setup.nonfinite === 'drop') {
        this.dropped++;
        return;
      }
      const { file, locate } = this.setup;
      throw new TraceError('non-finite', file, traceMessages.nonFinite(this.name, text?.trim() ?? pythonNumber(value)), { ...locate(position), column: this.name });
    }
    if (this.values.length >= this.limit) this.excess++;
    else this.values.push(value);
  }

  private uneven(step: number, position: number, gap: number): never {
    const { file, locate, stepColumn } = this.setup;
    const place = (p: number): string => {
      const where = locate(p);
      return where.line !== undefined ? `line ${where.line}` : (where.path ?? `[${p}]`);
    };
    const at = (s: number, p: number): string => (stepColumn === null ? place(p) : `${s} (${place(p)})`);
    const detail = traceMessages.unevenSteps(this.name, stepColumn, at(this.last, this.lastPosition), at(step, position), gap,
      this.count === 1 ? null : this.spacing);
    throw new TraceError('uneven-steps', file, detail, { ...locate(position), column: this.name });
  }

  /** The series; `steps` when the trace has a step column and the series two samples or more. */
  finish(): TraceSeries {
    const { stepColumn } = this.setup;
    const series: TraceSeries = { name: this.name, values: this.values.finish(), skipped: this.skipped, dropped: this.dropped };
    if (this.excess > 0) series.excess = this.excess;
    if (stepColumn !== null && this.count > 1) series.steps = { column: stepColumn, first: this.first, spacing: this.spacing };
    return series;
  }

  /** A series that had no value at all: an error when it was asked for by name. */
  noValues(): TraceError {
    return new TraceError('empty', this.setup.file, traceMessages.noValues(this.name, this.skipped), { column: this.name });
  }
}

/**
 * The series of finished collectors, in their order. Asked for by name (`explicit`), each must
 * have a value; by default, a series without any value is left out (null), and a trace with no
 * value at all is an 'empty' error ('no data rows').
 */
export function finishSeries(collectors: readonly SeriesCollector[], explicit: boolean, file: string): (TraceSeries | null)[] {
  const silent = collectors.find((c) => !c.started);
  if (explicit && silent !== undefined) throw silent.noValues();
  if (!collectors.some((c) => c.started)) throw new TraceError('empty', file, traceMessages.noData());
  return collectors.map((c) => (c.started ? c.finish() : null));
}
