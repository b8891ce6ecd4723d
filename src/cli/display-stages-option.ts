import { DEFAULT_DISPLAY_STAGES } from '../analysis/display-stages.js';
import { LIMITS } from '../schedule/limits.js';
import { quoted } from '../util/excerpt.js';
import { CliError } from './errors.js';

// Apart from cli/options.ts: commands' declarations (dist/cli.cjs, what --help reads) import that
// file, and this one imports the analysis layer, which belongs in dist/cli-actions.cjs.

/** --display-stages N (analyze, simulate, spectrum) → N (DEFAULT_DISPLAY_STAGES when not given), a usage error for anything but a whole number in 1 … LIMITS.maxStages. */
export function parseDisplayStages(text: string | undefined): number {
  const n = Number(text ?? DEFAULT_DISPLAY_STAGES);
  if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxStages) throw new CliError(`--display-stages: expected a whole number from 1 to ${LIMITS.maxStages} (got ${quoted(String(text))})`);
  return n;
}
