import { TraceError, traceMessages } from './trace-error.js';

/** A Float64Array that grows by doubling, for series of unknown length. */
export class ColumnBuilder {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values, trimmed to length (a copy, so the spare capacity is released). */
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Indices of the wanted series among `names`, in the order asked (all, when `wanted` is
 * undefined or empty). A number is a 0-based index; a string is a name, or, if no series has
 * that name and it is all digits, an index (so CLI arguments like "2" work for headerless data).
 */
export function selectColumns(names: readonly string[], wanted: readonly (string | number)[] | undefined, file: string): number[] {
  if (wanted === undefined || wanted.length === 0) return names.map((_, i) => i);
  return wanted.map((w) => {
    let index = typeof w === 'number' ? w : names.indexOf(w);
    if (typeof w === 'string' && index < 0 && /^\d+$/.test(w)) index = Number(w);
    if (!Number.isInteger(index) || index < 0 || index >= names.length) {
      throw new TraceError('unknown-column', file, traceMessages.unknownColumn(w, names));
    }
    return index;
  });
}
