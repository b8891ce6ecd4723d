import { FIGURE_ONE_SIGNAL } from '../../spectral/figure-one.js';
import type { SignalKind, SignalSpec } from '../../spectral/signals.js';
import { parseFrequency } from '../../filter/parse-frequency.js';
import { CliError } from '../errors.js';
import { quoted } from '../../util/excerpt.js';

export interface SignalCliOptions {
  signal: SignalKind;
  seed: string;
  frequency?: string;
  amplitude: string;
  noise?: string;
  f0: string;
  f1?: string;
  /** --at-step: the step (from 1) the impulse or step arrives at. */
  atStep?: string;
  /** --at, the earlier spelling (hidden, still accepted): a 0-based sample index, --at-step − 1. */
  at?: string;
}

/** A finite number from an option, or a usage error naming the option. */
export function numberOption(name: string, text: string, check: (x: number) => boolean = Number.isFinite, need = 'a finite number'): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !check(x)) throw new CliError(`--${name}: expected ${need} (got ${quoted(text)})`);
  return x;
}

/** A frequency option (a number, pi, pi/4, 0.5pi: parseFrequency) in [0, π] rad/sample, or a usage error. */
function frequencyOption(name: string, text: string): number {
  const x = parseFrequency(text);
  if (x === undefined || !(x >= 0 && x <= Math.PI)) throw new CliError(`--${name}: expected a frequency in [0, π] rad/sample (got ${quoted(text)})`);
  return x;
}

/** --signal and its parameters → a SignalSpec; the defaults of noisy-sine are the paper's Figure 1 input. */
export function signalFromOptions(o: SignalCliOptions): SignalSpec {
  const seed = numberOption('seed', o.seed, (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, 'an integer in [0, 2^32)');
  const amplitude = numberOption('amplitude', o.amplitude);
  if (o.atStep !== undefined && o.at !== undefined) throw new CliError('--at-step and --at say the same (--at counts from 0): give --at-step');
  const at = o.at !== undefined
    ? numberOption('at', o.at, (x) => Number.isInteger(x) && x >= 0, 'a non-negative integer')
    : numberOption('at-step', o.atStep ?? '1', (x) => Number.isInteger(x) && x >= 1, 'a step, a whole number from 1') - 1;
  const sigma = (fallback: number) => (o.noise === undefined ? fallback : numberOption('noise', o.noise, (x) => x >= 0, 'a number ≥ 0'));
  switch (o.signal) {
    case 'noisy-sine':
      return {
        ...FIGURE_ONE_SIGNAL,
        frequency: o.frequency === undefined ? FIGURE_ONE_SIGNAL.frequency : frequencyOption('frequency', o.frequency),
        amplitude,
        noiseSigma: sigma(FIGURE_ONE_SIGNAL.noiseSigma),
        seed,
      };
    case 'white':
      return { kind: 'white', sigma: sigma(1), seed };
    case 'impulse':
    case 'step':
      return { kind: o.signal, amplitude, at };
    case 'chirp': {
      const f0 = frequencyOption('f0', o.f0);
      const f1 = o.f1 === undefined ? Math.PI : frequencyOption('f1', o.f1);
      return { kind: 'chirp', f0, f1, amplitude };
    }
  }
}
