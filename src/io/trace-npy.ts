import { selectColumns } from './trace-columns.js';
import { TraceError, traceMessages } from './trace-error.js';
import type { TraceSeries } from './trace-types.js';

/** Largest header accepted: numpy's own limit for untrusted files is 10 000 bytes. */
export const NPY_MAX_HEADER = 65536;

/** The fixed-size start of a .npy file: magic, version, header length. */
export interface NpyPreamble {
  major: number;
  /** Offset of the header text: 10 (v1) or 12 (v2, v3). */
  headerStart: number;
  headerLength: number;
}

export interface NpyHeader {
  dtype: '<f8' | '<f4';
  /** [rows] or [rows, columns]. */
  shape: number[];
  /** Byte offset of the data: headerStart + headerLength. */
  dataOffset: number;
  /** rows × columns × item size. */
  dataBytes: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Reads the preamble from the first ≥ 12 bytes (fewer only if the file is that short). */
export function npyPreamble(head: Uint8Array, file: string): NpyPreamble {
  if (head.length === 0) throw new TraceError('empty', file, traceMessages.empty());
  for (let i = 0; i < MAGIC.length; i++) {
    if (i === head.length) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(10, head.length), { byteOffset: i });
    if (head[i] !== MAGIC[i]) throw new TraceError('bad-magic', file, traceMessages.npyMagic(), { byteOffset: 0 });
  }
  const major = head[6], minor = head[7];
  if (major === undefined || minor === undefined) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(10, head.length), { byteOffset: head.length });
  if (major < 1 || major > 3 || minor !== 0) throw new TraceError('bad-version', file, traceMessages.npyVersion(major, minor), { byteOffset: 6 });
  const headerStart = major === 1 ? 10 : 12;
  if (head.length < headerStart) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(headerStart, head.length), { byteOffset: head.length });
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > NPY_MAX_HEADER) throw new TraceError('header-too-long', file, traceMessages.npyHeaderTooLong(headerLength, NPY_MAX_HEADER), { byteOffset: 8 });
  return { major, headerStart, headerLength };
}

/**
 * Parses the header dictionary, e.g. "{'descr': '<f8', 'fortran_order': False, 'shape': (10,), }",
 * and checks momentum-fr supports it: little-endian float64/float32, C order, 1-D or 2-D.
 */
export function parseNpyHeader(text: Uint8Array, preamble: NpyPreamble, file: string): NpyHeader {
  const at = { byteOffset: preamble.headerStart };
  const dict = new TextDecoder(preamble.major === 3 ? 'utf-8' : 'latin1').decode(text).trim();
  const bad = (what: string): never => { throw new TraceError('bad-header', file, traceMessages.npyBadHeader(what), at); };
  if (!dict.startsWith('{') || !dict.endsWith('}')) bad('not a dictionary literal');
  const descr = /['"]descr['"]\s*:\s*('[^']*'|"[^"]*"|\[.*\])/s.exec(dict)?.[1] ?? bad("no 'descr'");
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(dict)?.[1] ?? bad("no 'fortran_order'");
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(dict)?.[1] ?? bad("no 'shape'");
  const dtype = descr.slice(1, -1);
  if (dtype !== '<f8' && dtype !== '<f4') throw new TraceError('unsupported-dtype', file, traceMessages.npyDtype(descr), at);
  const parts = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (!parts.every((s) => /^\d+L?$/.test(s))) bad(`shape (${shapeText})`);
  const shape = parts.map((s) => parseInt(s, 10));
  if (shape.length < 1 || shape.length > 2) throw new TraceError('unsupported-shape', file, traceMessages.npyShape(`(${shapeText})`), at);
  if (fortran === 'True' && shape.length > 1) throw new TraceError('unsupported-layout', file, traceMessages.npyFortran(), at);
  const count = shape.reduce((a, b) => a * b, 1);
  return { dtype, shape, dataOffset: preamble.headerStart + preamble.headerLength, dataBytes: count * (dtype === '<f8' ? 8 : 4) };
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The data as Float64Arrays, one per selected column. `data` holds exactly header.dataBytes
 * bytes at any alignment; an aligned little-endian float64 vector on a little-endian host is
 * copied once with a typed-array view (no per-element work), anything else goes element-wise.
 */
export function npySeries(data: Uint8Array, header: NpyHeader, file: string, columns?: readonly (string | number)[]): TraceSeries[] {
  const rows = header.shape[0];
  const width = header.shape.length === 2 ? header.shape[1] : 1;
  const names = Array.from({ length: width }, (_, i) => String(i));
  const selected = selectColumns(names, columns, file);
  const f8 = header.dtype === '<f8';
  const aligned = data.byteOffset % (f8 ? 8 : 4) === 0 && LITTLE_ENDIAN_HOST;
  if (aligned && f8 && width === 1) {
    const values = new Float64Array(data.buffer, data.byteOffset, rows).slice();
    return selected.map(() => ({ name: '0', values: selected.length > 1 ? values.slice() : values }));
  }
  const flat = aligned
    ? (f8 ? new Float64Array(data.buffer, data.byteOffset, rows * width) : new Float32Array(data.buffer, data.byteOffset, rows * width))
    : null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return selected.map((c) => {
    const values = new Float64Array(rows);
    if (flat !== null) for (let r = 0; r < rows; r++) values[r] = flat[r * width + c];
    else if (f8) for (let r = 0; r < rows; r++) values[r] = view.getFloat64((r * width + c) * 8, true);
    else for (let r = 0; r < rows; r++) values[r] = view.getFloat32((r * width + c) * 4, true);
    return { name: names[c], values };
  });
}

/** Series of a whole .npy file held in memory (stdin, tests); see readTrace for files. */
export function parseNpyTrace(bytes: Uint8Array, file: string, columns?: readonly (string | number)[]): TraceSeries[] {
  const preamble = npyPreamble(bytes.subarray(0, 12), file);
  const end = preamble.headerStart + preamble.headerLength;
  if (bytes.length < end) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(end, bytes.length), { byteOffset: bytes.length });
  const header = parseNpyHeader(bytes.subarray(preamble.headerStart, end), preamble, file);
  const available = bytes.length - header.dataOffset;
  if (available < header.dataBytes) {
    throw new TraceError('truncated', file, traceMessages.npyTruncatedData(header.dataBytes, available), { byteOffset: header.dataOffset });
  }
  return npySeries(bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes), header, file, columns);
}
