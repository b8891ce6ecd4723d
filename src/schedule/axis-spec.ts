import { quoted } from '../util/excerpt.js';
/**
 * How the values of one swept parameter are given, on the command line (`--grid path=SPEC`) or in
 * a config's `sweep.grid` block:
 *
 *   from:to:count          count values evenly spaced from `from` to `to`, both included (linspace)
 *   from:to:count:log      count values geometrically spaced (geomspace; from and to of one sign, ≠ 0)
 *   a,b,c                  exactly these values, in this order (one value is a list of one)
 *
 * Values are never materialised: `axisValue(spec, i)` computes the i-th one, so a 10⁶-point axis
 * costs nothing to pass to a worker thread.
 */
export type AxisSpec =
  | { kind: 'range'; from: number; to: number; count: number; scale: 'linear' | 'log' }
  | { kind: 'list'; values: number[] };

/** Most values one axis may have (the whole grid is limited separately). */
export const MAX_AXIS_COUNT = 100_000_000;

/** Parses the text form; every problem is a message, never a throw. */
export function parseAxisSpec(text: string): AxisSpec | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'no values (expected from:to:count, from:to:count:log or a list a,b,c)' };
  if (trimmed.includes(':')) {
    const parts = trimmed.split(':').map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4) return { error: `${quoted(trimmed)} is not a range (expected from:to:count or from:to:count:log)` };
    const scale = parts[3] ?? 'linear';
    if (scale !== 'linear' && scale !== 'log') return { error: `unknown spacing ${quoted(scale)} (expected log or linear)` };
    const from = number(parts[0]);
    const to = number(parts[1]);
    if (from === undefined) return { error: `from is not a number (got ${quoted(parts[0])})` };
    if (to === undefined) return { error: `to is not a number (got ${quoted(parts[1])})` };
    const count = Number(parts[2]);
    if (parts[2] === '' || !Number.isInteger(count)) return { error: `count must be a whole number (got ${quoted(parts[2])})` };
    const spec: AxisSpec = { kind: 'range', from, to, count, scale };
    const problem = axisSpecProblem(spec);
    return problem ? { error: problem } : spec;
  }
  const values: number[] = [];
  for (const part of trimmed.split(',')) {
    const x = number(part.trim());
    if (x === undefined) return { error: `${quoted(part.trim())} is not a number (in the list ${quoted(trimmed)})` };
    values.push(x);
  }
  return { kind: 'list', values };
}

/**
 * What is wrong with a spec, or undefined: a zero or negative count, an empty range (from = to with
 * more than one value: every point would be the same), log spacing through or at zero, non-finite ends.
 */
export function axisSpecProblem(spec: AxisSpec): string | undefined {
  if (spec.kind === 'list') {
    if (spec.values.length === 0) return 'the list of values is empty';
    if (spec.values.length > MAX_AXIS_COUNT) return `more than ${MAX_AXIS_COUNT} values`;
    const bad = spec.values.find((x) => !Number.isFinite(x));
    return bad === undefined ? undefined : `values must be finite numbers (got ${bad})`;
  }
  const { from, to, count, scale } = spec;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return `from and to must be finite numbers (got ${from}:${to})`;
  if (!Number.isInteger(count)) return `count must be a whole number (got ${count})`;
  if (count <= 0) return `zero count: a range needs at least one value (got count ${count})`;
  if (count > MAX_AXIS_COUNT) return `count ${count} is more than ${MAX_AXIS_COUNT}`;
  if (count > 1 && from === to) return `empty range: from = to = ${from}, so all ${count} values would be equal; give the single value instead`;
  if (scale === 'log' && !(from * to > 0)) return `log spacing needs from and to of the same sign and non-zero (got ${from}:${to})`;
  return undefined;
}

function number(text: string): number | undefined {
  if (text === '') return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x : undefined;
}
