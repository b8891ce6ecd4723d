import { selectColumns } from './trace-columns.js';
import { TraceError, shown, traceMessages } from './trace-error.js';
import { isIndexColumn, seriesColumns, stepColumn } from './trace-index.js';
import { SeriesCollector, finishSeries, type Locate } from './trace-series.js';
import type { ReadTraceOptions, TraceSeries } from './trace-types.js';

const NAN_MARK = '\u0000NaN';

/**
 * JSON.parse that also accepts the bare NaN, Infinity and -Infinity Python's json module writes
 * (retried only after a strict parse fails): NaN reads as NaN, ±Infinity as ±Infinity (a
 * non-finite sample, unlike null, which is a missing value).
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
    const patched = text.replace(/(^|[:[,]\s*)(-?Infinity|NaN)(?=\s*(?:[,\]}]|$))/g, (_, before: string, word: string) =>
      before + (word === 'NaN' ? JSON.stringify(NAN_MARK) : word.startsWith('-') ? '-1e999' : '1e999'));
    return JSON.parse(patched, (_, value: unknown) => (value === NAN_MARK ? NaN : value));
  }
}

/**
 * Collects records (NDJSON lines, elements of a JSON array) into series. The first record
 * fixes the shape: a number (one series "0"), an array (a row: one series per position, "0",
 * "1", …) or an object (one series per key with a number or null value, in the order keys
 * first appear; a key missing from a record is a missing value there). null is a missing
 * value. A step key (step, epoch, … see trace-index.ts) is an index: not a series by default,
 * and samples are checked to be equally spaced in it (SeriesCollector); without one, in records.
 */
export class RecordTable {
  private mode: 'number' | 'row' | 'object' | null = null;
  private readonly collectors = new Map<string, SeriesCollector>();
  /** Row mode: the selected positions, in the order asked. */
  private selected: number[] = [];
  private width = 0;
  private stepKey: string | null = null;
  /** Object mode: collect only these keys (null: every key, index keys only if `allKeys`). */
  private wantedKeys: Set<string> | null = null;
  private allKeys = false;
  /** Object mode: the first value of each key that is neither a number nor null. */
  private readonly notNumbers = new Map<string, { position: number; value: unknown }>();
  private records = 0;
  /** collects(k) of each key seen (a log repeats the same few keys on every line). */
  private readonly collected = new Map<string, boolean>();

  constructor(private readonly file: string, private readonly options: ReadTraceOptions, private readonly locate: Locate) {}

  private error(code: 'not-a-number' | 'bad-structure' | 'ragged', detail: string, position: number, column?: string): never {
    throw new TraceError(code, this.file, detail, { ...this.locate(position), ...(column === undefined ? {} : { column }) });
  }

  private collector(name: string): SeriesCollector {
    let c = this.collectors.get(name);
    if (c === undefined) {
      c = new SeriesCollector(name, { file: this.file, stepColumn: this.stepKey, nonfinite: this.options.nonfinite ?? 'error', locate: this.locate, maxSamples: this.options.maxSamples });
      for (let i = 0; i < this.records; i++) c.empty(); // the records before its key first appeared
      this.collectors.set(name, c);
    }
    return c;
  }

  private value(c: SeriesCollector, value: unknown, step: number, position: number): void {
    if (value === null) c.empty();
    else if (typeof value === 'number') c.add(value, step, position);
    else this.error('not-a-number', traceMessages.notNumber(c.name, JSON.stringify(value) ?? String(value)), position, c.name);
  }

  add(record: unknown, position: number): void {
    const mode = typeof record === 'number' || record === null ? 'number' : Array.isArray(record) ? 'row' : typeof record === 'object' ? 'object' : null;
    if (mode === null) this.error('bad-structure', traceMessages.badStructure(`expected a number, array or object, got ${shown(JSON.stringify(record) ?? String(record))}`), position);
    if (this.mode === null) this.start(mode, record);
    else if (mode !== this.mode) this.error('bad-structure', traceMessages.badStructure(`a ${mode} after ${this.mode} records`), position);
    const ordinal = this.records;
    if (mode === 'number') this.value(this.collector('0'), record, ordinal, position);
    else if (mode === 'row') {
      const row = record as unknown[];
      if (row.length !== this.width) this.error('ragged', traceMessages.ragged(this.width, row.length), position);
      for (const c of new Set(this.selected)) this.value(this.collector(String(c)), row[c], ordinal, position);
    } else this.addObject(record as Record<string, unknown>, ordinal, position);
    this.records++;
  }

  /** Whether object mode collects key k (asked for by name, or not an index), decided once per key. */
  private collects(k: string): boolean {
    let yes = this.collected.get(k);
    if (yes === undefined) {
      yes = this.wantedKeys === null ? this.allKeys || !isIndexColumn(k) : this.wantedKeys.has(k);
      this.collected.set(k, yes);
    }
    return yes;
  }

  private addObject(object: Record<string, unknown>, ordinal: number, position: number): void {
    let step = ordinal;
    const keys = Object.keys(object).filter((k) => this.collects(k));
    if (this.stepKey !== null) {
      const s = object[this.stepKey];
      if (!keys.some((k) => typeof object[k] === 'number')) { // nothing to place: no step needed
        for (const c of this.collectors.values()) c.empty();
        for (const k of keys) if (object[k] !== null && typeof object[k] !== 'number' && !this.notNumbers.has(k)) this.notNumbers.set(k, { position, value: object[k] });
        return;
      }
      if (typeof s !== 'number' || s - s !== 0) {
        this.error('not-a-number', traceMessages.badStep(this.stepKey, s === undefined ? '' : JSON.stringify(s) ?? String(s)), position, this.stepKey);
      }
      step = s;
    }
    for (const k of keys) {
      const v = object[k];
      if (v === null || typeof v === 'number') this.value(this.collector(k), v, step, position);
      else if (!this.notNumbers.has(k)) this.notNumbers.set(k, { position, value: v });
    }
    for (const [name, c] of this.collectors) if (!(name in object) || (object[name] !== null && typeof object[name] !== 'number')) c.empty();
  }

  private start(mode: 'number' | 'row' | 'object', record: unknown): void {
    this.mode = mode;
    if (mode === 'row') {
      this.width = (record as unknown[]).length;
      this.selected = selectColumns(Array.from({ length: this.width }, (_, i) => String(i)), this.options.columns, this.file);
    } else if (mode === 'number') {
      selectColumns(['0'], this.options.columns, this.file);
    } else {
      const keys = Object.keys(record as object);
      const s = stepColumn(keys);
      this.stepKey = s < 0 ? null : keys[s];
      const wanted = this.options.columns ?? [];
      // Named columns: collect those only (other keys may hold anything); by position: every key.
      if (wanted.length > 0 && wanted.every((w) => typeof w === 'string' && !/^\d+$/.test(w))) this.wantedKeys = new Set(wanted as string[]);
      else this.allKeys = wanted.length > 0;
    }
  }

  /** The series, or an 'empty' error when no record arrived. */
  finish(): TraceSeries[] {
    if (this.mode === null) throw new TraceError('empty', this.file, traceMessages.noData());
    const explicit = (this.options.columns ?? []).length > 0;
    if (this.mode === 'row') {
      const done = finishSeries(this.selected.map((c) => this.collector(String(c))), explicit, this.file);
      return done.filter((s): s is TraceSeries => s !== null);
    }
    const names = [...this.collectors.keys()];
    for (const name of this.notNumbers.keys()) if (!names.includes(name) && this.wantedKeys?.has(name)) names.push(name);
    const selected = this.mode === 'number' ? [0] : seriesColumns(names, this.options.columns, this.file);
    for (const i of selected) {
      const bad = this.notNumbers.get(names[i]);
      if (bad !== undefined) this.error('not-a-number', traceMessages.notNumber(names[i], JSON.stringify(bad.value) ?? String(bad.value)), bad.position, names[i]);
    }
    const done = finishSeries(selected.map((i) => this.collector(names[i])), explicit, this.file);
    return done.filter((s): s is TraceSeries => s !== null);
  }
}
