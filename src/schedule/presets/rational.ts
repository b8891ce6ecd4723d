import { z } from 'zod';
import type { RationalTable } from '../../types.js';
import type { Partition } from '../stages.js';
import { definePreset } from './preset.js';

const MAX_COEFFICIENTS = 256;

const Polynomial = z.array(z.number()).min(1).max(MAX_COEFFICIENTS);
const PerStage = z.union([Polynomial, z.array(Polynomial).min(1)]);

/**
 * Any linear time-invariant filter per stage, as scipy.signal.lfilter(b, a) writes it:
 *
 *   a_0·y_t = Σ_k b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k},     H(z) = B(z⁻¹)/A(z⁻¹)
 *
 * `b` and `a` are coefficient lists in powers of z⁻¹, the same for every stage, or one list per stage.
 * Stability is checked with the Schur–Cohn test on A; the exact response steps the difference equation
 * (direct form I across stage switches), O(steps × frequencies × order).
 */
export const rational = definePreset({
  name: 'rational',
  summary: 'any linear filter: b and a coefficient lists (scipy.signal.lfilter convention), per stage or for all',
  formula: 'a_0·y_t = Σ_k b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k}; H(z) = (b_0 + b_1 z⁻¹ + …)/(a_0 + a_1 z⁻¹ + …)',
  source: 'scipy.signal.lfilter / freqz conventions (Oppenheim & Schafer, Discrete-Time Signal Processing, ch. 6)',
  params: z.strictObject({
    b: PerStage.default([0.1]).describe('numerator coefficients b_0, b_1, … (or one list per stage)'),
    a: PerStage.default([1, -0.9]).describe('denominator coefficients a_0 ≠ 0, a_1, … (or one list per stage)'),
  }),
  defaults: { steps: 117_000, stages: 1 },
  firstStepCopy: false,
  coefficients: () => () => ({ u: 0, v: 1 }),
  rational: ({ b, a }, partition) => rationalTable(b, a, partition),
  stageBytes: ({ b, a }) => 8 * (longest(b) + longest(a)),
});

/** The longest coefficient list: every stage's row is padded to it. */
function longest(p: number[] | number[][]): number {
  return typeof p[0] === 'number' ? p.length : Math.max(...(p as number[][]).map((x) => x.length));
}

function perStage(p: number[] | number[][], count: number, name: string): number[][] | string {
  if (typeof p[0] === 'number') return Array.from({ length: count }, () => p as number[]);
  const lists = p as number[][];
  if (lists.length !== count) return `${name} needs one coefficient list per stage: ${count} lists (got ${lists.length})`;
  return lists;
}

function rationalTable(b: number[] | number[][], a: number[] | number[][], partition: Partition): RationalTable | string {
  const bs = perStage(b, partition.count, 'b');
  if (typeof bs === 'string') return bs;
  const as = perStage(a, partition.count, 'a');
  if (typeof as === 'string') return as;
  const nb = Math.max(...bs.map((x) => x.length));
  const na = Math.max(...as.map((x) => x.length));
  const table: RationalTable = { nb, na, b: new Float64Array(partition.count * nb), a: new Float64Array(partition.count * na) };
  for (let k = 0; k < partition.count; k++) {
    const a0 = as[k][0];
    if (!(a0 !== 0 && Number.isFinite(a0))) return `a_0 must be a non-zero number (stage ${k}: ${a0})`;
    bs[k].forEach((x, i) => (table.b[k * nb + i] = x / a0));
    as[k].forEach((x, i) => (table.a[k * na + i] = x / a0));
  }
  return table;
}
