import { linearGrid, logGrid } from '../filter/grid.js';
import { parseFrequency } from '../filter/parse-frequency.js';
import { LIMITS } from '../schedule/limits.js';
import { CliError } from './errors.js';
import type { GridOptions } from './options.js';
import { excerpt, quoted } from '../util/excerpt.js';
import type { AxisRequest } from '../sweep/sweep-axes.js';

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

/** `--grid momentum.beta=0.5:0.99:50` → an axis request; a missing `=` or path is an error message. */
export function parseGridOption(text: string): AxisRequest | { error: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { error: `--grid ${excerpt(text)}: expected path=from:to:count[:log] or path=a,b,c` };
  return { path: text.slice(0, eq).trim(), spec: text.slice(eq + 1), origin: `--grid ${excerpt(text)}` };
}
