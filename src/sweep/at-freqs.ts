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
    const omega = frequencyValue(label);
    if (omega === undefined) return { error: `${quoted(label)} is not a frequency (a number in rad/sample, pi, pi/4, 0.5pi)` };
    if (!(omega >= 0 && omega <= Math.PI * (1 + 1e-15))) return { error: `${excerpt(label)} is outside [0, π] rad/sample (got ${omega})` };
    if (out.some((f) => f.label === label)) return { error: `${excerpt(label)} is listed twice` };
    out.push({ label, omega: Math.min(omega, Math.PI) });
  }
  return out;
}

function frequencyValue(text: string): number | undefined {
  const m = /^([0-9.]+(?:e[+-]?\d+)?)?\s*\*?\s*(pi|π)?\s*(?:\/\s*([0-9.]+(?:e[+-]?\d+)?))?$/i.exec(text);
  if (!m || text === '' || (m[1] === undefined && m[2] === undefined)) return undefined;
  const coefficient = m[1] === undefined ? 1 : Number(m[1]);
  const divisor = m[3] === undefined ? 1 : Number(m[3]);
  if (!Number.isFinite(coefficient) || !(divisor > 0)) return undefined;
  return (coefficient * (m[2] ? Math.PI : 1)) / divisor;
}
