/**
 * Sample frequencies of a one-sided DFT of size n, as numpy.fft.rfftfreq(n, 1/fs):
 * f_k = k · fs/n, k = 0 … ⌊n/2⌋ (fs = 1: cycles/sample; multiply by 2π for rad/sample).
 * Computed as numpy does (k · (1/(n·d)), d = 1/fs) so the values match it bit for bit.
 */
export function rfftFrequencies(n: number, fs = 1): Float64Array {
  const val = 1 / (n * (1 / fs));
  const out = new Float64Array(Math.floor(n / 2) + 1);
  for (let k = 0; k < out.length; k++) out[k] = k * val;
  return out;
}

/**
 * Sample frequencies of a two-sided DFT of size n in FFT order, as numpy.fft.fftfreq(n, 1/fs):
 * [0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1] · fs/n.
 */
export function fftFrequencies(n: number, fs = 1): Float64Array {
  const val = 1 / (n * (1 / fs));
  const out = new Float64Array(n);
  const positive = Math.floor((n - 1) / 2) + 1;
  for (let k = 0; k < n; k++) out[k] = (k < positive ? k : k - n) * val;
  return out;
}
