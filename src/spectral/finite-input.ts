/**
 * A NaN or ±Infinity sample given to a spectral estimate. One such sample turns every bin of a
 * mean-averaged PSD into NaN, while a median average sorts it away and returns finite numbers
 * that mean nothing, so both refuse it: the caller decides whether to drop or fill such samples.
 */
export class NonFiniteInputError extends RangeError {
  override readonly name = 'NonFiniteInputError';
  readonly code = 'non-finite-input';

  constructor(
    /** Which input: 'x' or 'y'. */
    readonly argument: string,
    /** 0-based index of the first non-finite sample. */
    readonly index: number,
    readonly value: number,
  ) {
    super(`${argument}[${index}] is ${value}: spectral estimates need finite samples`);
  }
}

/**
 * Throws NonFiniteInputError for the first sample of x that is NaN or ±Infinity. The estimates
 * call it only once a segment's DC bin came out non-finite (one NaN or ±Inf sample makes the
 * whole DFT of its segment non-finite), so the check costs one comparison per segment instead
 * of a pass over the signal; overflow of finite samples finds nothing here and is left as is.
 * `offset`: x is a segment of a signal arriving in chunks, starting at that sample of it (the
 * index named is the signal's: earlier segments were finite, so the first one here is the first).
 */
export function assertFinite(x: Float64Array, argument: string, offset = 0): void {
  for (let i = 0; i < x.length; i++) {
    // x − x is 0 for every finite x and NaN for NaN and ±Infinity.
    if (x[i] - x[i] !== 0) throw new NonFiniteInputError(argument, offset + i, x[i]);
  }
}
