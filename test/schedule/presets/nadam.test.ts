import { describe, expect, it } from 'vitest';
import { exactResponseAt } from '../../../src/filter/exact-response-at.js';
import { filterTables } from '../../../src/filter/stage-filter.js';
import { parseSchedules } from '../../../src/schedule/parse.js';
import type { Schedule } from '../../../src/types.js';

function nadam(yaml = ''): Schedule {
  const { schedules, issues } = parseSchedules(`steps: 60\nmomentum: { preset: nadam${yaml} }\n`);
  expect(issues).toEqual([]);
  return schedules[0];
}

const relative = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

describe('nadam: torch.optim.NAdam\'s numerator as upstream torch applies it', () => {
  it('|H(1, 0)| = 1.0564517783553882 and |H(2, 0)| = 0.7836843567912277 (β1 0.9, ψ 0.004; torch 1.13 gives 1.0495311696092182 at step 1)', () => {
    const [h1, h2] = exactResponseAt(nadam(), Float64Array.of(0), [1, 2]);
    expect(relative(h1.magnitude[0], 1.0564517783553882)).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(relative(h2.magnitude[0], 0.7836843567912277)).toBeLessThanOrEqual(4 * Number.EPSILON);
  });

  it('applies c0 = (1 − μ_t)/(1 − P_t) and c = μ_{t+1}/(1 − P_t·μ_{t+1}) per step, the doubles Python computes from torch\'s expressions', () => {
    // Python floats, torch's operation order: mu = beta1 * (1. - 0.5 * (0.96 ** (t * psi))), P *= mu.
    const python = [
      [1.0, 0.5645177835538823],
      [0.689556696194273, 0.49540873998397283],
      [0.6049606718067801, 0.46958103219847463],
      [0.5732514670375348, 0.4588551681772343],
      [0.5599914957451013, 0.4542253894578796],
    ];
    const s = nadam();
    const bank = filterTables(s).bank!;
    expect(s.stages.count).toBe(60);
    python.forEach(([c0, c], k) => {
      expect(Math.abs(bank.c0[k] - c0), `c0 at step ${k + 1}`).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(bank.c[k] - c), `c at step ${k + 1}`).toBeLessThanOrEqual(1e-15);
      expect([bank.u[k], bank.v[k]]).toEqual([0.9, 1 - 0.9]);
    });
    expect(s.firstStepCopy).toBe(false);
  });

  it('tends to the DC gain 1 of a normalised average: c0 + c = 1 − μ + μ′ once P_t has vanished', () => {
    const s = nadam();
    const h = exactResponseAt(s, Float64Array.of(0), [60])[0];
    const mu = (t: number) => 0.9 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
    // m_60 at DC is 1 − 0.9^60 (the EMA of ones from 0); P_60 < 1e-20.
    const expected = 1 - mu(60) + mu(61) * (1 - Math.pow(0.9, 60));
    expect(relative(h.magnitude[0], expected)).toBeLessThan(1e-14);
  });

  it('beta1 0 is plain SGD: d = g at every step', () => {
    const h = exactResponseAt(nadam(', beta1: 0'), Float64Array.of(0, 1, Math.PI), [1, 7, 60]);
    for (const r of h) expect(Array.from(r.magnitude)).toEqual([1, 1, 1]);
  });
});
