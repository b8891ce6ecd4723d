import { extname } from 'node:path';
import { openInput } from './read-input.js';
import { EXTENSIONS, npyTruncated, readFailure, readFull, readNpyFileHeader, sniff } from './read-trace.js';
import { selectColumns } from './trace-columns.js';
import { npyNonFinite, npySeries, type NpyHeader } from './trace-npy.js';
import type { ReadTraceOptions } from './trace-types.js';

/** A trace whose series are read in chunks when asked for, never whole (a file larger than memory). */
export interface TraceStream {
  format: 'npy';
  /** The selected series, named and ordered as readTrace names them. */
  names: string[];
  /** Samples of each series once the non-finite policy is applied: readTrace's values.length. */
  lengths: number[];
  /** Non-finite samples each series leaves out under nonfinite 'drop'. */
  dropped: number[];
  /** Bytes of sample data in the file. */
  dataBytes: number;
  /**
   * The samples of series k in order, in chunks of at most chunkSamples (each call reads the
   * file again; a chunk is valid until the next is asked for). Under nonfinite 'error', a
   * non-finite sample throws the TraceError readTrace throws.
   */
  chunks(k: number): Generator<Float64Array>;
}

export interface TraceStreamOptions extends ReadTraceOptions {
  /** Rows read at once (default 2^16: 512 KiB of float64 per column). */
  chunkSamples?: number;
}

/**
 * Opens a trace to read in chunks: a regular .npy file (by extension, `format` or its magic
 * string). Returns null for anything else (text formats, stdin, pipes), which readTrace reads whole.
 *
 * Notes
 * -----
 * Memory is one block of rows (chunkSamples × columns × item size) whatever the file's size, and
 * the file may exceed MAX_TRACE_BYTES. Values, names and errors are readTrace's (same decoding,
 * same TraceErrors). Under nonfinite 'drop', and under 'error' with several series, a first pass
 * over the data counts the non-finite samples (so lengths are known, and the error names the
 * first such sample in file order, as readTrace does).
 */
export function openTraceStream(path: string, options: TraceStreamOptions = {}): TraceStream | null {
  if (path === '-') return null;
  const file = path;
  const chunkRows = options.chunkSamples ?? 1 << 16;
  if (!(Number.isInteger(chunkRows) && chunkRows > 0)) throw new RangeError(`chunkSamples must be a positive integer (got ${chunkRows})`);
  let header: NpyHeader;
  try {
    const input = openInput(path);
    try {
      if (!input.regular || input.size === 0) return null;
      let format = options.format ?? EXTENSIONS[extname(path).toLowerCase()];
      if (format === undefined) {
        const head = new Uint8Array(Math.min(input.size, 1 << 16));
        format = sniff(head.subarray(0, readFull(input.fd, head, 0)));
      }
      if (format !== 'npy') return null;
      header = readNpyFileHeader(input.fd, input.size, file);
    } finally {
      input.close();
    }
  } catch (error) {
    throw readFailure(error, file);
  }
  const rows = header.shape[0];
  const width = header.shape.length === 2 ? header.shape[1] : 1;
  const twoD = header.shape.length === 2;
  const all = Array.from({ length: width }, (_, i) => String(i));
  const selected = selectColumns(all, options.columns, file);
  const names = selected.map((c) => all[c]);
  const policy = options.nonfinite ?? 'error';
  const { size } = header.dtype;

  /** Column c as stored, chunk by chunk, with the row of each chunk's first sample. */
  function* raw(c: number): Generator<{ values: Float64Array; row: number }> {
    const input = openInput(path);
    try {
      // A Fortran-order column is contiguous; a C-order block of rows holds every column.
      const rowBytes = header.fortranOrder ? size : size * width;
      const block = new Uint8Array(chunkRows * rowBytes);
      for (let row = 0; row < rows; row += chunkRows) {
        const n = Math.min(chunkRows, rows - row);
        const offset = header.dataOffset + (header.fortranOrder ? (c * rows + row) * size : row * rowBytes);
        const got = readFull(input.fd, block.subarray(0, n * rowBytes), offset);
        if (got < n * rowBytes) throw npyTruncated(header, offset - header.dataOffset + got, file);
        const part: NpyHeader = { ...header, shape: header.fortranOrder || !twoD ? [n] : [n, width], dataBytes: n * rowBytes, fortranOrder: false };
        const [series] = npySeries(block.subarray(0, n * rowBytes), part, file, [header.fortranOrder || !twoD ? 0 : c], 'keep');
        yield { values: series.values, row };
      }
    } catch (error) {
      throw readFailure(error, file);
    } finally {
      input.close();
    }
  }

  const dropped = selected.map(() => 0);
  if (policy === 'drop' || (policy === 'error' && selected.length > 1)) {
    let first: { k: number; row: number; value: number } | null = null;
    selected.forEach((c, k) => {
      for (const { values, row } of raw(c)) {
        for (let i = 0; i < values.length; i++) {
          if (values[i] - values[i] === 0) continue;
          dropped[k]++;
          if (first === null || row + i < first.row) first = { k, row: row + i, value: values[i] };
          if (policy === 'error') return;
        }
      }
    });
    if (policy === 'error' && first !== null) {
      const { k, row, value } = first;
      throw npyNonFinite(names[k], row, value, twoD, file);
    }
    if (policy === 'error') dropped.fill(0);
  }

  function* chunks(k: number): Generator<Float64Array> {
    for (const { values, row } of raw(selected[k])) {
      if (policy === 'keep') yield values;
      else if (policy === 'drop') yield dropped[k] === 0 ? values : values.filter((v) => v - v === 0);
      else {
        for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) throw npyNonFinite(names[k], row + i, values[i], twoD, file);
        yield values;
      }
    }
  }
  return { format: 'npy', names, lengths: dropped.map((d) => rows - d), dropped, dataBytes: header.dataBytes, chunks };
}
