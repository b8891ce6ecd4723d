import { linearGrid, logGrid } from '../filter/grid.js';
import { parseFrequency } from '../filter/parse-frequency.js';
import { LIMITS } from '../schedule/limits.js';
import { CliError } from './errors.js';
import type { GridOptions } from './options.js';
import { quoted } from '../util/excerpt.js';

/** --freqs/--scale/--fmin → the frequency grid, with usage errors for bad values. */
export function gridFromOptions(options: GridOptions): Float64Array {
  const n = Number(options.freqs);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--freqs: expected a positive integer (got ${quoted(options.freqs)})`);
  if (n > LIMITS.maxFrequencies) throw new CliError(`--freqs: at most ${LIMITS.maxFrequencies} frequencies (got ${n})`);
  if (options.scale === 'log') {
    const fmin = parseFrequency(options.fmin) ?? NaN;
    if (!(fmin > 0 && fmin < Math.PI)) throw new CliError(`--fmin: expected a number in (0, π) rad/sample (got ${quoted(options.fmin)})`);
    return logGrid(n, fmin);
  }
  return linearGrid(n);
}
