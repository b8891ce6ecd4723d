import { TraceError, traceMessages } from './trace-error.js';

/** Samples per block of a ColumnBuilder once it is large (512 KiB of float64). */
const BLOCK_SAMPLES = 1 << 16;

/**
 * A Float64Array built sample by sample, for series of unknown length: samples go into blocks
 * (1024 samples, doubling up to BLOCK_SAMPLES) that are never copied until `finish` copies each
 * once into the result. Growing one array by doubling copied every sample about twice more and
 * held the spare half until the end.
 */
export class ColumnBuilder {
  private readonly full: Float64Array[] = [];
  private block = new Float64Array(1024);
  private used = 0;
  length = 0;

  push(value: number): void {
    if (this.used === this.block.length) {
      this.full.push(this.block);
      this.block = new Float64Array(Math.min(2 * this.block.length, BLOCK_SAMPLES));
      this.used = 0;
    }
    this.block[this.used++] = value;
    this.length++;
  }

  /** The values so far, in a new array of exactly `length`. */
  finish(): Float64Array {
    const out = new Float64Array(this.length);
    let at = 0;
    for (const b of this.full) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.block.subarray(0, this.used), at);
    return out;
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
