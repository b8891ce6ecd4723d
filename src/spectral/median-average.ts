/**
 * Bias of the median of n periodogram values relative to their mean (chi-squared, 2 dof):
 *
 *     b(n) = 1 + Σ_{i=1}^{⌊(n−1)/2⌋} (1/(2i + 1) − 1/(2i)) = Σ_{k=1}^{n} (−1)^{k+1}/k
 *
 * Welch's median average divides by b(n) so it estimates the same power as the mean.
 *
 * References
 * ----------
 * B. Allen et al., "FINDCHIRP: an algorithm for detection of gravitational waves from
 * inspiraling compact binaries", Phys. Rev. D 85 (2012), arXiv:gr-qc/0509116;
 * scipy.signal._spectral_py._median_bias.
 */
export function medianBias(n: number): number {
  let sum = 0;
  for (let i = 1; i <= Math.floor((n - 1) / 2); i++) sum += 1 / (2 * i + 1) - 1 / (2 * i);
  return 1 + sum;
}

/**
 * Median over rows of a row-major [rows][cols] table, per column, as numpy.median(axis=0):
 * the middle value, or the mean of the two middle values for an even row count.
 */
export function columnMedians(table: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  const column = new Float64Array(rows);
  const mid = rows >> 1;
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) column[r] = table[r * cols + c];
    column.sort();
    out[c] = rows % 2 === 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
  }
  return out;
}

/** Whether Welch averaging takes the median (validating `average`); one segment needs no averaging. */
export function usesMedian(average: string | undefined, segments: number): boolean {
  if (average !== undefined && average !== 'mean' && average !== 'median') {
    throw new RangeError(`average must be 'mean' or 'median' (got '${average}')`);
  }
  return average === 'median' && segments > 1;
}
