/** Trend removed from each segment: a least-squares line, the mean, or nothing. */
export type DetrendType = 'linear' | 'constant' | 'none';

/**
 * Least-squares trend of x[start … start+n−1] as a line `offset + slope·i` (i = 0 … n−1),
 * written into `out` ([offset, slope]) so hot loops allocate nothing.
 *
 *     constant:  offset = x̄, slope = 0
 *     linear:    slope = Σ (i − ī)(x_i − x̄) / Σ (i − ī)²,  Σ (i − ī)² = n(n² − 1)/12,
 *                offset = x̄ − slope·ī,  ī = (n − 1)/2
 *
 * Centering i and x first keeps the normal equations well conditioned (no n³ sums).
 */
export function segmentTrend(x: Float64Array, start: number, n: number, type: DetrendType, out: Float64Array): void {
  out[0] = 0;
  out[1] = 0;
  if (type === 'none' || n === 0) return;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[start + i];
  const mean = sum / n;
  out[0] = mean;
  if (type === 'constant' || n < 2) return;
  const iMean = (n - 1) / 2;
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (i - iMean) * (x[start + i] - mean);
  const slope = sxy / ((n * (n * n - 1)) / 12);
  out[0] = mean - slope * iMean;
  out[1] = slope;
}

/**
 * x minus its least-squares trend, as scipy.signal.detrend(x, type).
 *
 * Parameters
 * ----------
 * x : samples (unitless; the trend is in the same units).
 * type : 'linear' (default, as scipy) removes the best-fit line a + b·i; 'constant' removes
 *   the mean; 'none' returns a copy (scipy's `detrend=False` in welch).
 *
 * Notes
 * -----
 * For n = 1 both 'linear' and 'constant' give [0], as scipy's minimum-norm lstsq does.
 * Returns a new array; x is not modified.
 *
 * References
 * ----------
 * scipy.signal.detrend (lstsq on [i/n, 1]); the centered closed form is the same line.
 */
export function detrend(x: Float64Array, type: DetrendType = 'linear'): Float64Array {
  const line = new Float64Array(2);
  segmentTrend(x, 0, x.length, type, line);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - (line[0] + line[1] * i);
  return out;
}
