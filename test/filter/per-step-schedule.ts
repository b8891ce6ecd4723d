import type { Schedule } from '../../src/types.js';

/** A first-order schedule with one stage per step and the given u, v per step. */
export function perStepSchedule(u: number[], v: number[], firstStepCopy = false): Schedule {
  const n = u.length;
  const startStep = Float64Array.from({ length: n }, (_, i) => i + 1);
  const uu = Float64Array.from(u);
  const vv = Float64Array.from(v);
  return {
    name: 'per-step', steps: n, source: 'custom', firstStepCopy,
    stages: { count: n, startStep, endStep: startStep.slice(), u: uu, v: vv },
    filter: { kind: 'first-order', u: uu, v: vv },
  };
}
