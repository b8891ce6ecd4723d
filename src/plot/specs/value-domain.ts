import { roundSig } from '../../util/round-sig.js';

/**
 * Value axes that show their data: a line never sits on the panel's frame, and a constant or
 * near-constant quantity (EMA's group delay 9, an all-pass 0 dB, a fixed a₁) gets a readable range
 * around it instead of a zero-width domain whose ticks label floating-point noise.
 */

/** d3 format of value-axis labels: at most 4 significant digits, no trailing zeros, no exponent. */
export const VALUE_AXIS_FORMAT = '.4~r';

/** A value-axis label, e.g. for `axis: { format }` of a quantity in dB, steps or a coefficient. */
export const VALUE_AXIS = { format: VALUE_AXIS_FORMAT } as const;

/**
 * A label expression: values below 10⁻⁴ in exponent form (1e-8, not 0.00000001), every other one as
 * `plain` (a vega expression) writes it; ticks vega leaves unlabelled on a dense log axis stay unlabelled.
 */
export function numberLabelExpr(plain: string): string {
  return `datum.label == '' ? '' : datum.value != 0 && abs(datum.value) < 1e-4 ? format(datum.value, '.1~e') : ${plain}`;
}

/** Labels as vega formatted them, below 10⁻⁴ in exponent form. */
const SMALL_AS_EXPONENT = numberLabelExpr('datum.label');

/**
 * Tick labels of any numeric axis or legend as plain numbers: 10, 20, 50, 100, 20000, 0.905. d3's
 * `~r` never switches to exponent notation, which `~g` does as soon as a tick has more digits than
 * the precision vega derives from the tick step (100 on a 10…100 axis read "1e+2", 20 000 "2e+4");
 * below 10⁻⁴ in exponent form (SMALL_AS_EXPONENT).
 */
export const NUMBER_LABELS = { format: '~r', labelExpr: SMALL_AS_EXPONENT } as const;

/** Labels of a log value axis: plain numbers (NUMBER_LABELS) of at most 4 significant digits. */
export const LOG_AXIS = { format: '.4~r', labelExpr: SMALL_AS_EXPONENT } as const;

/**
 * Relative spread below which values count as one constant: float noise of a quantity that is
 * constant in exact arithmetic (adam-m's DC gain varies by 3·10⁻¹¹ dB around 0) is far below it.
 */
const CONSTANT_SPREAD = 1e-6;
/** A domain end to 6 significant digits (the ends are finite: they come from finite data). */
const end = (x: number): number => roundSig(x) ?? x;

/** Share of the data's span added at each end of a linear domain. */
const MARGIN = 0.05;

export interface DomainOptions {
  /** 'log': values ≤ 0 are left out and the margins are factors. */
  type?: 'linear' | 'log';
  /** Values the domain must contain besides the data (e.g. 0 dB when the 0 dB line is drawn). */
  include?: readonly number[];
}

/**
 * Scale properties of a value axis: the data's range widened by a margin at both ends (5 % of the
 * span; a constant c gets ±10 % of |c|, or ±1 at 0; on a log axis a factor 2 either way), then
 * rounded outward to nice ticks by vega (`nice`). Values non-finite (or ≤ 0 on log) are ignored;
 * with none left, an empty object leaves the scale to vega.
 *
 * Returns `{ domain: [lo, hi], nice: true, zero: false }` (no `zero` on log, which has no zero), the
 * ends rounded to 6 significant digits so the spec's JSON reads cleanly.
 */
export function paddedDomain(values: Iterable<number | null>, options: DomainOptions = {}): { domain?: [number, number]; nice?: boolean; zero?: boolean } {
  const log = options.type === 'log';
  let lo = Infinity;
  let hi = -Infinity;
  const take = (x: number | null): void => {
    if (x === null || !Number.isFinite(x) || (log && x <= 0)) return;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  };
  for (const x of values) take(x);
  for (const x of options.include ?? []) take(x);
  if (!(lo <= hi)) return {};
  if (log) {
    const constant = Math.log10(hi / lo) <= CONSTANT_SPREAD;
    const factor = constant ? 2 : Math.pow(hi / lo, MARGIN);
    return { domain: [end(lo / factor), end(hi * factor)], nice: true };
  }
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo <= CONSTANT_SPREAD * Math.max(size, 1)) {
    // Noise around 0 (|x| ≤ 10⁻⁶) is 0.
    const centre = size > CONSTANT_SPREAD ? (lo + hi) / 2 : 0;
    const half = size > CONSTANT_SPREAD ? 0.1 * size : 1;
    return { domain: [end(centre - half), end(centre + half)], nice: true, zero: false };
  }
  const margin = MARGIN * (hi - lo);
  return { domain: [end(lo - margin), end(hi + margin)], nice: true, zero: false };
}

/**
 * The field's values over rows (null where missing), for paddedDomain.
 */
export function fieldValues(rows: readonly object[], field: string): (number | null)[] {
  return rows.map((row) => {
    const x = (row as Record<string, unknown>)[field];
    return typeof x === 'number' ? x : null;
  });
}
