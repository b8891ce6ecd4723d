import { expect, it } from 'vitest';
import { runScheduler, SchedulerValue, type SchedulerRun } from '../../src/schedule/schedulers/index.js';
import { fixture } from './fixtures.js';

/** One case of test/fixtures/torch/schedulers.json (written by schedulers.py with torch 1.13). */
export interface TorchSchedulerCase {
  name: string;
  /** The scheduler value as a user writes it. */
  spec: Record<string, unknown> & { scheduler: string };
  steps: number;
  optimizer?: 'adam';
  /** Steps (from 1) of `value`/`momentum` when the run is sampled; every step otherwise. */
  at?: number[];
  value?: number[];
  momentum?: number[];
  /** torch's exception, when the run raises. */
  raises?: string;
}

export const TORCH_SCHEDULER_CASES = fixture<TorchSchedulerCase[]>('torch/schedulers.json');

/** The fixture's cases whose top-level scheduler is one of `names` (a SequentialLR case is SequentialLR's, not its children's). */
export function torchCases(...names: string[]): TorchSchedulerCase[] {
  return TORCH_SCHEDULER_CASES.filter((c) => names.includes(c.spec.scheduler));
}

/** The run of a fixture case, through the public schema and runScheduler. */
function runCase(c: TorchSchedulerCase): SchedulerRun {
  const out = runScheduler(SchedulerValue.parse(c.spec), c.steps, ['lr']);
  if ('issues' in out) throw new Error(`${c.name}: ${JSON.stringify(out.issues)}`);
  return out;
}

/** Per step: |Δ| and the step where it is largest, over value and momentum. */
function worstError(c: TorchSchedulerCase, run: SchedulerRun): { err: number; where: string } {
  let err = 0;
  let where = 'none';
  for (const key of ['value', 'momentum'] as const) {
    const want = c[key];
    if (want === undefined) continue;
    const got = run[key];
    expect(got, `${c.name}: ${key} present`).toBeDefined();
    want.forEach((w, i) => {
      const t = c.at?.[i] ?? i + 1;
      const e = Math.abs((got as Float64Array)[t - 1] - w) / Math.max(1, Math.abs(w));
      if (e > err || Number.isNaN(e)) {
        err = Number.isNaN(e) ? Infinity : e;
        where = `${key} at step ${t}: got ${(got as Float64Array)[t - 1]}, torch ${w}`;
      }
    });
  }
  return { err, where };
}

/** Every step bit-identical to torch (Object.is: −0 and NaN count). */
function expectBitIdentical(c: TorchSchedulerCase): void {
  const run = runCase(c);
  for (const key of ['value', 'momentum'] as const) {
    const want = c[key];
    if (want === undefined) {
      expect(run[key], `${c.name}: no ${key}`).toBeUndefined();
      continue;
    }
    const got = run[key] as Float64Array;
    const picked = c.at ? c.at.map((t) => got[t - 1]) : Array.from(got);
    expect(picked.length).toBe(want.length);
    const diff = picked.findIndex((g, i) => !Object.is(g, want[i]));
    expect(diff, diff < 0 ? '' : `${c.name}: ${key} at step ${c.at?.[diff] ?? diff + 1}: got ${picked[diff]}, torch ${want[diff]}`).toBe(-1);
  }
}

/** The accuracy contract for schedulers with cos/pow (V8's libm vs glibc's): |Δ| ≤ 1e-15·max(1, |ref|) at every step. */
const LIBM_TOLERANCE = 1e-15;

/** One `it` per case: bit-identical when `exact`, else within LIBM_TOLERANCE with the worst error printed. */
export function itMatchesTorch(cases: TorchSchedulerCase[], exact: (c: TorchSchedulerCase) => boolean): void {
  for (const c of cases) {
    if (c.raises !== undefined) continue;
    if (exact(c)) {
      it(`${c.name}: every step bit-identical to torch`, () => expectBitIdentical(c));
    } else {
      it(`${c.name}: every step within 1e-15·max(1, |torch|) of torch`, () => {
        const { err, where } = worstError(c, runCase(c));
        expect(err, `worst ${err.toExponential(2)}: ${where}`).toBeLessThanOrEqual(LIBM_TOLERANCE);
      });
    }
  }
}
