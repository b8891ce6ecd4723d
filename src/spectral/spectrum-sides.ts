/**
 * Doubles the interior bins of a one-sided power spectrum in place, so it integrates to the
 * total power: bins 1 … end, except the Nyquist bin of an even nfft, which has no mirror
 * (scipy: `result[..., 1:-1 if nfft % 2 == 0 else None] *= 2`).
 */
export function doubleOneSided(values: Float64Array, nfft: number): void {
  const last = nfft % 2 === 0 ? values.length - 1 : values.length;
  for (let k = 1; k < last; k++) values[k] *= 2;
}

/**
 * Two-sided spectrum of length nfft in FFT order from the one-sided bins 0 … ⌊nfft/2⌋ of a
 * real signal: V[nfft − k] = conj(V[k]). Pass `im` for a complex (cross) spectrum.
 */
export function unfoldTwoSided(re: Float64Array, nfft: number, im?: Float64Array): { re: Float64Array; im: Float64Array } {
  const outRe = new Float64Array(nfft);
  const outIm = new Float64Array(nfft);
  const half = Math.floor(nfft / 2);
  for (let k = 0; k < nfft; k++) {
    const src = k <= half ? k : nfft - k;
    outRe[k] = re[src];
    if (im !== undefined) outIm[k] = k <= half ? im[src] : -im[src];
  }
  return { re: outRe, im: outIm };
}
