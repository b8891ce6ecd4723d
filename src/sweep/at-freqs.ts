import { parseFrequency } from '../filter/parse-frequency.js';
import { excerpt, quoted } from '../util/excerpt.js';
/** A frequency asked for by `--at-freqs`: the text as typed (it names the column) and ω in rad/sample. */
export interface AtFrequency {
  label: string;
  omega: number;
}

/**
 * `0.01,0.1,pi/2` → frequencies in rad/sample on [0, π]. Each item is a number, `pi` (or `π`),
 * a multiple `0.5pi` / `0.5*pi`, or a fraction `pi/4`, `3pi/4`.
 */
export function parseAtFreqs(text: string): AtFrequency[] | { error: string } {
  const out: AtFrequency[] = [];
  for (const raw of text.split(',')) {
    const label = raw.trim();
    const omega = parseFrequency(label);
    if (omega === undefined) return { error: `${quoted(label)} is not a frequency (a number in rad/sample, pi, pi/4, 0.5pi)` };
    if (!(omega >= 0 && omega <= Math.PI * (1 + 1e-15))) return { error: `${excerpt(label)} is outside [0, π] rad/sample (got ${omega})` };
    if (out.some((f) => f.label === label)) return { error: `${excerpt(label)} is listed twice` };
    out.push({ label, omega: Math.min(omega, Math.PI) });
  }
  return out;
}
