import { parsePythonLiteral, PythonLiteralError, showPyValue, type PyValue } from './python-literal.js';
import { selectColumns } from './trace-columns.js';
import { TraceError, pythonNumber, traceMessages } from './trace-error.js';
import type { NonFinitePolicy, TraceSeries } from './trace-types.js';

/** Largest header accepted: numpy's own limit for untrusted files is 10 000 bytes. */
export const NPY_MAX_HEADER = 65536;

/** The fixed-size start of a .npy file: magic, version, header length. */
export interface NpyPreamble {
  major: number;
  /** Offset of the header text: 10 (v1) or 12 (v2, v3). */
  headerStart: number;
  headerLength: number;
}

/** A numeric dtype as numpy writes it in `descr`: kind, item size in bytes, byte order. */
export interface NpyDtype {
  /** The descr string as written, e.g. '<f8', '>i4', '|u1'. */
  descr: string;
  kind: 'f' | 'i' | 'u';
  size: 1 | 2 | 4 | 8;
  littleEndian: boolean;
}

export interface NpyHeader {
  dtype: NpyDtype;
  /** [rows] or [rows, columns]. */
  shape: number[];
  /** Column-major data (np.asfortranarray): a column is contiguous. */
  fortranOrder: boolean;
  /** Byte offset of the data: headerStart + headerLength. */
  dataOffset: number;
  /** rows × columns × item size. */
  dataBytes: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const SIZES: Record<NpyDtype['kind'], readonly number[]> = { f: [2, 4, 8], i: [1, 2, 4, 8], u: [1, 2, 4, 8] };
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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

/** The dtype of a descr string numpy writes for a plain number type, or null if unsupported. */
function npyDtype(descr: string): NpyDtype | null {
  const m = /^([<>|=]?)([fiu])(\d)$/.exec(descr);
  if (m === null) return null;
  const kind = m[2] as NpyDtype['kind'];
  const size = Number(m[3]) as NpyDtype['size'];
  if (!SIZES[kind].includes(size)) return null;
  // '|' (not applicable), '=' and '' (native) are only unambiguous for single bytes.
  if (size > 1 && m[1] !== '<' && m[1] !== '>') return null;
  return { descr, kind, size, littleEndian: m[1] !== '>' };
}

/**
 * Parses the header dictionary, e.g. "{'descr': '<f8', 'fortran_order': False, 'shape': (10,), }",
 * as numpy's _read_array_header does: a Python literal (ast.literal_eval; format 1.0 and 2.0
 * may carry Python 2's `10L`), exactly the keys descr, fortran_order and shape (a duplicate
 * key counts once, its last value wins), shape a tuple of ints, fortran_order a bool. Then
 * checks momentum-fr supports it: a float or integer dtype of either byte order, 1-D or 2-D.
 */
export function parseNpyHeader(text: Uint8Array, preamble: NpyPreamble, file: string): NpyHeader {
  const at = { byteOffset: preamble.headerStart };
  const bad = (what: string): never => { throw new TraceError('bad-header', file, traceMessages.npyBadHeader(what), at); };
  const source = new TextDecoder(preamble.major === 3 ? 'utf-8' : 'latin1').decode(text);
  let dict: PyValue;
  try {
    dict = parsePythonLiteral(source.replace(/^[ \t]+/, ''), { longSuffix: preamble.major < 3 });
  } catch (error) {
    if (!(error instanceof PythonLiteralError)) throw error;
    return bad(`not a Python literal: ${error.message}`);
  }
  if (dict.type !== 'dict') return bad('not a dictionary literal');
  const fields = new Map<string, PyValue>();
  for (const [key, value] of dict.entries) {
    if (key.type !== 'str') return bad(`key ${showPyValue(key)} is not a string`);
    fields.set(key.value, value);
  }
  const wanted = ['descr', 'fortran_order', 'shape'];
  const missing = wanted.filter((k) => !fields.has(k));
  const extra = [...fields.keys()].filter((k) => !wanted.includes(k)).map((k) => `'${k}'`);
  if (missing.length > 0 || extra.length > 0) bad(traceMessages.npyKeys(missing, extra));
  const descr = fields.get('descr')!, fortran = fields.get('fortran_order')!, shapeValue = fields.get('shape')!;
  if (fortran.type !== 'bool') return bad(`fortran_order ${showPyValue(fortran)} is not True or False`);
  if (shapeValue.type !== 'tuple' || !shapeValue.items.every((d) => d.type === 'int' && d.value >= 0n)) {
    return bad(`shape ${showPyValue(shapeValue)} is not a tuple of non-negative integers`);
  }
  const dims = shapeValue.items.map((d) => (d as { value: bigint }).value);
  const dtype = descr.type === 'str' ? npyDtype(descr.value) : null;
  if (dtype === null) {
    if (descr.type !== 'str' && descr.type !== 'list') bad(`descr ${showPyValue(descr)} is not a dtype`);
    throw new TraceError('unsupported-dtype', file, traceMessages.npyDtype(showPyValue(descr)), at);
  }
  if (dims.length < 1 || dims.length > 2) throw new TraceError('unsupported-shape', file, traceMessages.npyShape(showPyValue(shapeValue)), at);
  const bytes = dims.reduce((a, b) => a * b, BigInt(dtype.size));
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) return bad(`shape ${showPyValue(shapeValue)} is too large`);
  return {
    dtype,
    shape: dims.map(Number),
    fortranOrder: fortran.value as boolean,
    dataOffset: preamble.headerStart + preamble.headerLength,
    dataBytes: Number(bytes),
  };
}

/** Half-precision (IEEE 754 binary16) bits as a number. */
function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** Element reader for a dtype: value of the element at byte offset `at`. */
function elementReader(view: DataView, dtype: NpyDtype): (at: number) => number {
  const le = dtype.littleEndian;
  switch (`${dtype.kind}${dtype.size}`) {
    case 'f8': return (at) => view.getFloat64(at, le);
    case 'f4': return (at) => view.getFloat32(at, le);
    case 'f2': return (at) => float16(view.getUint16(at, le));
    case 'i1': return (at) => view.getInt8(at);
    case 'u1': return (at) => view.getUint8(at);
    case 'i2': return (at) => view.getInt16(at, le);
    case 'u2': return (at) => view.getUint16(at, le);
    case 'i4': return (at) => view.getInt32(at, le);
    case 'u4': return (at) => view.getUint32(at, le);
    // Number(bigint) rounds to nearest, as numpy's astype(float64) does.
    case 'i8': return (at) => Number(view.getBigInt64(at, le));
    default: return (at) => Number(view.getBigUint64(at, le));
  }
}

/** Whether the data of `header` can be viewed as a Float64Array as it lies (1-D native float64). */
export function npyIsRawFloat64(header: NpyHeader): boolean {
  const { dtype, shape } = header;
  return dtype.kind === 'f' && dtype.size === 8 && dtype.littleEndian === LITTLE_ENDIAN_HOST && (shape.length === 1 || shape[1] === 1);
}

/** The error for the non-finite element `value` of column `name` at row r (named [r] or [r, name]). */
export function npyNonFinite(name: string, r: number, value: number, twoD: boolean, file: string): TraceError {
  return new TraceError('non-finite', file, traceMessages.nonFinite(name, pythonNumber(value)), { path: twoD ? `[${r}, ${name}]` : `[${r}]`, index: r, column: name });
}

/**
 * Applies the non-finite policy to columns read from .npy data: 'error' throws a TraceError
 * naming the first such element in file order ([row] or [row, column]), 'drop' leaves such
 * samples out, 'keep' keeps them.
 */
export function npyFinite(columns: readonly Float64Array[], names: readonly string[], twoD: boolean, policy: NonFinitePolicy, file: string): TraceSeries[] {
  // A plain loop: this scans every sample of files of 10⁷ and more (x − x is 0 iff x is finite).
  const firstNonFinite = (c: Float64Array): number => {
    for (let r = 0; r < c.length; r++) if (c[r] - c[r] !== 0) return r;
    return -1;
  };
  const first = columns.map(firstNonFinite);
  if (policy === 'error' && first.some((r) => r >= 0)) {
    const r = Math.min(...first.filter((i) => i >= 0));
    const k = first.indexOf(r);
    throw npyNonFinite(names[k], r, columns[k][r], twoD, file);
  }
  return columns.map((values, k) => {
    const kept = policy === 'drop' && first[k] >= 0 ? values.filter((v) => v - v === 0) : values;
    return { name: names[k], values: kept, skipped: 0, dropped: values.length - kept.length };
  });
}

/**
 * The data as Float64Arrays, one per selected column. `data` holds exactly header.dataBytes
 * bytes at any alignment; an aligned native float64 vector is copied once with a typed-array
 * view (no per-element work), anything else is decoded element-wise.
 */
export function npySeries(data: Uint8Array, header: NpyHeader, file: string, columns?: readonly (string | number)[], policy: NonFinitePolicy = 'error'): TraceSeries[] {
  const rows = header.shape[0];
  const width = header.shape.length === 2 ? header.shape[1] : 1;
  const names = Array.from({ length: width }, (_, i) => String(i));
  const selected = selectColumns(names, columns, file);
  const twoD = header.shape.length === 2;
  const { size } = header.dtype;
  if (npyIsRawFloat64(header) && data.byteOffset % 8 === 0) {
    const values = new Float64Array(data.buffer, data.byteOffset, rows).slice();
    return npyFinite(selected.map((_, k) => (k === 0 ? values : values.slice())), selected.map((c) => names[c]), twoD, policy, file);
  }
  // Element (r, c) lies at r·width + c (C order) or c·rows + r (Fortran order).
  const rowStride = header.fortranOrder ? 1 : width, columnStride = header.fortranOrder ? rows : 1;
  const { kind, littleEndian } = header.dtype;
  const flat = kind === 'f' && size >= 4 && littleEndian === LITTLE_ENDIAN_HOST && data.byteOffset % size === 0
    ? (size === 8 ? new Float64Array(data.buffer, data.byteOffset, rows * width) : new Float32Array(data.buffer, data.byteOffset, rows * width))
    : null;
  const read = flat === null ? elementReader(new DataView(data.buffer, data.byteOffset, data.byteLength), header.dtype) : null;
  const decoded = selected.map((c) => {
    const values = new Float64Array(rows);
    if (flat !== null) for (let r = 0; r < rows; r++) values[r] = flat[r * rowStride + c * columnStride];
    else for (let r = 0; r < rows; r++) values[r] = read!((r * rowStride + c * columnStride) * size);
    return values;
  });
  return npyFinite(decoded, selected.map((c) => names[c]), twoD, policy, file);
}

/** Series of a whole .npy file held in memory (stdin, tests); see readTrace for files. */
export function parseNpyTrace(bytes: Uint8Array, file: string, columns?: readonly (string | number)[], policy: NonFinitePolicy = 'error'): TraceSeries[] {
  const preamble = npyPreamble(bytes.subarray(0, 12), file);
  const end = preamble.headerStart + preamble.headerLength;
  if (bytes.length < end) throw new TraceError('truncated', file, traceMessages.npyTruncatedHeader(end, bytes.length), { byteOffset: bytes.length });
  const header = parseNpyHeader(bytes.subarray(preamble.headerStart, end), preamble, file);
  const available = bytes.length - header.dataOffset;
  if (available < header.dataBytes) {
    throw new TraceError('truncated', file, traceMessages.npyTruncatedData(header.dataBytes, available), { byteOffset: header.dataOffset });
  }
  return npySeries(bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes), header, file, columns, policy);
}
