import { seededRandom } from './seeded-random.js';

/** A test signal; frequencies in rad/sample (π = Nyquist), t = 0 … n−1 is the array index. */
export type SignalSpec =
  /** A·sin(ω·t + φ) + σ·ε_t, ε_t standard normal. Defaults A = 1, σ = 0.5, φ = 0, seed 0. */
  | { kind: 'noisy-sine'; frequency: number; amplitude?: number; noiseSigma?: number; phase?: number; seed?: number }
  /** σ·ε_t, Gaussian white noise (flat PSD σ²·2 one-sided at fs = 1). Defaults σ = 1, seed 0. */
  | { kind: 'white'; sigma?: number; seed?: number }
  /** A at t = at, 0 elsewhere (the impulse response probe). Defaults A = 1, at = 0. */
  | { kind: 'impulse'; amplitude?: number; at?: number }
  /** 0 for t < at, A from t = at on (the step response probe). Defaults A = 1, at = 0. */
  | { kind: 'step'; amplitude?: number; at?: number }
  /** A·cos(f0·t + (f1 − f0)·t²/(2(n−1)) + φ): frequency sweeps linearly from f0 to f1. */
  | { kind: 'chirp'; f0: number; f1: number; amplitude?: number; phase?: number };

export type SignalKind = SignalSpec['kind'];

export const SIGNAL_KINDS: readonly SignalKind[] = ['noisy-sine', 'white', 'impulse', 'step', 'chirp'];

/**
 * n samples of a reproducible test signal (a synthetic "gradient" sequence).
 *
 * Parameters
 * ----------
 * spec : the signal kind and its parameters (see SignalSpec); frequencies in rad/sample.
 * n : number of samples (non-negative integer).
 *
 * Notes
 * -----
 * Noise comes from seededRandom(seed) (xoshiro128** + Marsaglia polar), never Math.random:
 * the same spec and n give byte-identical output. The chirp is scipy.signal.chirp(t, f0/2π,
 * n−1, f1/2π, 'linear', φ in degrees) in rad/sample; its instantaneous frequency is
 * f0 + (f1 − f0)·t/(n − 1). The paper's Figure 1 input is a noisy sine whose frequency,
 * noise and length it does not state ([open]); choose them explicitly.
 *
 * References
 * ----------
 * scipy.signal.chirp (method='linear'); seeded-random.ts for the noise.
 */
export function testSignal(spec: SignalSpec, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`signal length must be a non-negative integer (got ${n})`);
  const at = 'at' in spec ? (spec.at ?? 0) : 0;
  if (!Number.isInteger(at) || at < 0) throw new RangeError(`'at' must be a non-negative integer sample index (got ${at})`);
  const x = new Float64Array(n);
  switch (spec.kind) {
    case 'noisy-sine': {
      const a = spec.amplitude ?? 1, sigma = spec.noiseSigma ?? 0.5, phase = spec.phase ?? 0;
      const random = seededRandom(spec.seed ?? 0);
      for (let t = 0; t < n; t++) x[t] = a * Math.sin(spec.frequency * t + phase) + sigma * random.normal();
      return x;
    }
    case 'white': {
      const sigma = spec.sigma ?? 1;
      const random = seededRandom(spec.seed ?? 0);
      for (let t = 0; t < n; t++) x[t] = sigma * random.normal();
      return x;
    }
    case 'impulse':
      if (at < n) x[at] = spec.amplitude ?? 1;
      return x;
    case 'step':
      return x.fill(spec.amplitude ?? 1, at);
    case 'chirp': {
      const a = spec.amplitude ?? 1, phase = spec.phase ?? 0;
      const rate = n > 1 ? (spec.f1 - spec.f0) / (n - 1) : 0;
      for (let t = 0; t < n; t++) x[t] = a * Math.cos(spec.f0 * t + 0.5 * rate * t * t + phase);
      return x;
    }
    default:
      throw new RangeError(`unknown signal kind '${(spec as { kind: string }).kind}' (use ${SIGNAL_KINDS.join(', ')})`);
  }
}
