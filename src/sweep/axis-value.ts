import type { AxisSpec } from '../schedule/axis-spec.js';

/** Number of values on an axis. */
export function axisLength(spec: AxisSpec): number {
  return spec.kind === 'list' ? spec.values.length : spec.count;
}

/**
 * The i-th value of an axis (0 ≤ i < axisLength):
 *
 *   linear: from + i·(to − from)/(count − 1)               numpy.linspace's arithmetic
 *   log:    sign·exp(ln|from| + i·(ln|to| − ln|from|)/(count − 1))   numpy.geomspace
 *
 * Both ends are returned exactly as given (numpy sets them too), so a grid written `0.5:0.99:50`
 * contains 0.99 itself, not 0.9900000000000001, and `--set momentum.beta=0.99` reproduces the point.
 */
export function axisValue(spec: AxisSpec, i: number): number {
  if (spec.kind === 'list') return spec.values[i];
  const { from, to, count } = spec;
  if (i === 0) return from;
  if (i === count - 1) return to;
  if (spec.scale === 'linear') return from + i * ((to - from) / (count - 1));
  const sign = from < 0 ? -1 : 1;
  const a = Math.log(Math.abs(from));
  const b = Math.log(Math.abs(to));
  return sign * Math.exp(a + i * ((b - a) / (count - 1)));
}

/** Smallest and largest value of an axis: the ends of a range (monotone), the extremes of a list. */
export function axisBounds(spec: AxisSpec): [number, number] {
  if (spec.kind === 'range') return [Math.min(spec.from, spec.to), Math.max(spec.from, spec.to)];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of spec.values) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
