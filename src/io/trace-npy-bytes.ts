/**
 * A NumPy .npy (format 1.0) file holding columns as a 2-D little-endian float64 array
 * [rows, columns] in C order, or a 1-D array for a single column: what `np.load` reads back.
 *
 * Notes
 * -----
 * The header is padded with spaces and ends in '\n' so that the data starts at a multiple of 64
 * bytes, as numpy's own writer does (np.lib.format, "alignment"). All columns must have the
 * same length. Reference: numpy/lib/format.py (NEP 1).
 */
export function npyBytes(columns: readonly Float64Array[]): Uint8Array {
  const rows = columns.length === 0 ? 0 : columns[0].length;
  if (columns.some((c) => c.length !== rows)) throw new RangeError('npyBytes: all columns must have the same length');
  const width = columns.length;
  const shape = width === 1 ? `(${rows},)` : `(${rows}, ${width})`;
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const headerLength = dict.length;
  const out = new Uint8Array(10 + headerLength + rows * width * 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, headerLength & 0xff, headerLength >> 8]);
  for (let i = 0; i < headerLength; i++) out[10 + i] = dict.charCodeAt(i);
  const data = new DataView(out.buffer, 10 + headerLength);
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) data.setFloat64((r * width + c) * 8, columns[c][r], true);
  return out;
}
