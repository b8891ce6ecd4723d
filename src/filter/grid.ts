/**
 * Frequency grids in rad/sample.
 *
 * `linearGrid(n)` is scipy.signal.freqz's `worN=n, include_nyquist=True`, i.e. `linspace(0, π, n)`:
 * both DC and Nyquist are on the grid, which is what a momentum plot needs (DC = the mean gradient,
 * π = a sign flip every step).
 */
export function linearGrid(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`grid size must be a positive integer (got ${n})`);
  const w = new Float64Array(n);
  if (n === 1) return w;
  // numpy.linspace's arithmetic (i·step, then the end point set to π), so the grid equals scipy's
  // freqz(worN=n, include_nyquist=True) bit for bit; i·π/(n−1) would differ in the last bit.
  const step = Math.PI / (n - 1);
  for (let i = 0; i < n; i++) w[i] = i * step;
  w[n - 1] = Math.PI;
  return w;
}

/**
 * `n` points log-spaced on [omegaMin, π] (numpy's `geomspace`), for Bode plots where the interesting
 * band of a slow momentum filter sits at ω ≈ 1 − u, far below any linear grid's first step.
 */
export function logGrid(n: number, omegaMin: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`grid size must be a positive integer (got ${n})`);
  if (!(omegaMin > 0 && omegaMin < Math.PI)) throw new RangeError(`omegaMin must be in (0, π) (got ${omegaMin})`);
  const w = new Float64Array(n);
  if (n === 1) {
    w[0] = Math.PI;
    return w;
  }
  const a = Math.log(omegaMin);
  const b = Math.log(Math.PI);
  for (let i = 0; i < n; i++) w[i] = Math.exp(a + ((b - a) * i) / (n - 1));
  w[0] = omegaMin;
  w[n - 1] = Math.PI;
  return w;
}

/** Display conversions: cycles per step (ω/2π) and period in steps (2π/ω, ∞ at DC). */
export function cyclesPerStep(omega: number): number {
  return omega / (2 * Math.PI);
}

export function periodSteps(omega: number): number {
  return omega === 0 ? Infinity : (2 * Math.PI) / omega;
}
