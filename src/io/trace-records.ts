import { ColumnBuilder, selectColumns } from './trace-columns.js';
import { TraceError, shown, traceMessages } from './trace-error.js';
import type { TraceSeries } from './trace-types.js';

/**
 * JSON.parse that also accepts the bare NaN, Infinity and -Infinity Python's json module writes
 * (retried only after a strict parse fails): NaN becomes null (read as NaN), ±Infinity ±1e999.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
    const patched = text.replace(/(^|[:[,]\s*)(-?Infinity|NaN)(?=\s*(?:[,\]}]|$))/g, (_, before: string, word: string) =>
      before + (word === 'NaN' ? 'null' : word.startsWith('-') ? '-1e999' : '1e999'));
    return JSON.parse(patched);
  }
}

/** Where a record came from, for messages: a 1-based line (NDJSON) or a JSON path. */
export interface RecordPlace {
  line?: number;
  path?: string;
}

/**
 * Collects records into series. The first record fixes the shape: a number (one series "0"),
 * an array (a row: one series per position, "0", "1", …) or an object (one series per key
 * whose value is a number or null). Every later record must have the same shape and supply
 * every selected series; extra keys are ignored. null reads as NaN (a missing value).
 */
export class RecordTable {
  private mode: 'number' | 'row' | 'object' | null = null;
  private names: string[] = [];
  private selected: number[] = [];
  private builders: ColumnBuilder[] = [];

  constructor(private readonly file: string, private readonly columns?: readonly (string | number)[]) {}

  private error(code: 'not-a-number' | 'bad-structure' | 'ragged', detail: string, place: RecordPlace): never {
    const prefix = place.path === undefined ? '' : `${place.path}: `;
    throw new TraceError(code, this.file, prefix + detail, place.line === undefined ? {} : { line: place.line });
  }

  private number(value: unknown, name: string, place: RecordPlace): number {
    if (typeof value === 'number') return value;
    if (value === null) return NaN;
    return this.error('not-a-number', traceMessages.notNumber(name, JSON.stringify(value) ?? String(value)), place);
  }

  add(record: unknown, place: RecordPlace): void {
    const mode = typeof record === 'number' || record === null ? 'number' : Array.isArray(record) ? 'row' : typeof record === 'object' ? 'object' : null;
    if (mode === null) this.error('bad-structure', traceMessages.badStructure(`expected a number, array or object, got ${shown(JSON.stringify(record) ?? String(record))}`), place);
    if (this.mode === null) this.start(mode, record);
    else if (mode !== this.mode) this.error('bad-structure', traceMessages.badStructure(`a ${mode} after ${this.mode} records`), place);
    if (mode === 'number') {
      this.builders[0].push(this.number(record, '0', place));
    } else if (mode === 'row') {
      const row = record as unknown[];
      if (row.length !== this.names.length) this.error('ragged', traceMessages.ragged(this.names.length, row.length), place);
      this.selected.forEach((c, k) => this.builders[k].push(this.number(row[c], this.names[c], place)));
    } else {
      const object = record as Record<string, unknown>;
      this.selected.forEach((c, k) => {
        const name = this.names[c];
        if (!(name in object)) this.error('ragged', traceMessages.missingKey(name), place);
        this.builders[k].push(this.number(object[name], name, place));
      });
    }
  }

  private start(mode: 'number' | 'row' | 'object', record: unknown): void {
    this.mode = mode;
    if (mode === 'number') this.names = ['0'];
    else if (mode === 'row') this.names = (record as unknown[]).map((_, i) => String(i));
    else this.names = Object.entries(record as object).filter(([, v]) => typeof v === 'number' || v === null).map(([k]) => k);
    this.selected = selectColumns(this.names, this.columns, this.file);
    this.builders = this.selected.map(() => new ColumnBuilder());
  }

  /** The series, or an 'empty' error when no record arrived. */
  finish(): TraceSeries[] {
    if (this.mode === null) throw new TraceError('empty', this.file, traceMessages.noData());
    return this.selected.map((c, k) => ({ name: this.names[c], values: this.builders[k].finish() }));
  }
}
