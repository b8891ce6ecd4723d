/**
 * A frequency as a user types it → ω in rad/sample, or undefined when the text is none of: a
 * number (`0.01`, `1e-4`), `pi` (or `π`), a multiple (`0.5pi`, `0.5*pi`), a fraction (`pi/4`,
 * `3pi/4`, `1/8`). The one syntax of every option that takes a frequency (`--at-freqs`, `--fmin`,
 * `--frequency`, `--f0`, `--f1`); range checks are the caller's. No sign: frequencies are ≥ 0.
 */
export function parseFrequency(text: string): number | undefined {
  const trimmed = text.trim();
  const m = /^([0-9.]+(?:e[+-]?\d+)?)?\s*\*?\s*(pi|π)?\s*(?:\/\s*([0-9.]+(?:e[+-]?\d+)?))?$/i.exec(trimmed);
  if (!m || trimmed === '' || (m[1] === undefined && m[2] === undefined)) return undefined;
  const coefficient = m[1] === undefined ? 1 : Number(m[1]);
  const divisor = m[3] === undefined ? 1 : Number(m[3]);
  if (!Number.isFinite(coefficient) || !(divisor > 0)) return undefined;
  return (coefficient * (m[2] ? Math.PI : 1)) / divisor;
}
