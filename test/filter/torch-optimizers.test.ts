import { describe, expect, it } from 'vitest';
import { exactResponseAt } from '../../src/filter/exact-response-at.js';
import { updateResponse } from '../../src/filter/update-response.js';
import { appliedColumns } from '../../src/schedule/coefficient-columns.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule } from '../../src/types.js';
import { expectAppliedCoefficients } from '../support/applied-coefficients.js';
import { fixture } from '../support/fixtures.js';

/** test/fixtures/torch/optimizers.json: real torch.optim optimizers, step by step (optimizers.py). */
interface TorchCase {
  name: string;
  config: Record<string, unknown>;
  omega: number[];
  coefficients: Record<string, number>[];
  responseSteps: number[];
  momentum: Record<string, [number, number][]>;
  update: Record<string, [number, number][]>;
}

const CASES = fixture<TorchCase[]>('torch/optimizers.json');

function scheduleOf(c: TorchCase): Schedule {
  const { schedules, issues } = parseSchedules(JSON.stringify(c.config));
  expect(issues).toEqual([]);
  return schedules[0];
}

/** Complex H from magnitude and (unwrapped) phase. */
function complexAt(h: { magnitude: Float64Array; phase: Float64Array }, f: number): [number, number] {
  return [h.magnitude[f] * Math.cos(h.phase[f]), h.magnitude[f] * Math.sin(h.phase[f])];
}

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Worst |ours − torch|/|torch| over the fixture's frequencies at `step`, momentum (H) and update (U = α·H). */
function worstAt(c: TorchCase, s: Schedule, step: number): { momentum: number; update: number } {
  const omega = Float64Array.from(c.omega);
  const [h] = exactResponseAt(s, omega, [step]);
  const lr = c.config.lr as number;
  const u = updateResponse(h, lr);
  let momentum = 0;
  let update = 0;
  c.omega.forEach((_, f) => {
    const ours = complexAt(h, f);
    const ref = c.momentum[step][f];
    momentum = Math.max(momentum, distance(ours, ref) / Math.hypot(...ref));
    const refU = c.update[step][f];
    // U = α·H: the update's magnitude is the update view's, its phase H's.
    const oursU: [number, number] = [(u.magnitude[f] * ours[0]) / h.magnitude[f], (u.magnitude[f] * ours[1]) / h.magnitude[f]];
    update = Math.max(update, distance(oursU, refU) / Math.hypot(...refU));
  });
  return { momentum, update };
}

describe('against real torch.optim optimizers (torch 1.13, float64): applied coefficients and exact responses', () => {
  const current = CASES.filter((c) => c.name !== 'nadam-torch-1.13');
  it('the fixture holds SGD (plain, dampened, momentum 0, Nesterov), Adam, AdamW, NAdam (upstream and 1.13) and FSGDM', () => {
    expect(CASES.map((c) => c.name)).toEqual(['sgd', 'sgd-dampening', 'sgd-momentum-0', 'sgd-nesterov', 'adam', 'adamw', 'nadam-upstream', 'nadam-torch-1.13', 'fsgdm']);
  });

  it.each(current.map((c) => [c.name, c] as const))('%s: every step\'s applied coefficients within 1e-15·max(1, |torch|)', (_name, c) => {
    const s = scheduleOf(c);
    // The columns are the filter's and lr: the fixture's rows name every filter column.
    expect(appliedColumns(s).names.filter((n) => n !== 'lr').sort()).toEqual(Object.keys(c.coefficients[0]).sort());
    const steps = expectAppliedCoefficients(s, c.coefficients, (_name, ref) => 1e-15 * Math.max(1, Math.abs(ref)));
    expect(steps).toBe(c.coefficients.length);
  });

  it.each(current.map((c) => [c.name, c] as const))('%s: exact momentum and update responses within 1e-12 relative at steps 1, 2, 3, 5, 10, 50, 100, T/2, T', (_name, c) => {
    const s = scheduleOf(c);
    for (const step of c.responseSteps) {
      const worst = worstAt(c, s, step);
      expect(worst.momentum, `momentum at step ${step}`).toBeLessThanOrEqual(1e-12);
      expect(worst.update, `update at step ${step}`).toBeLessThanOrEqual(1e-12);
    }
  });

  it('torch 1.13\'s NAdam differs from the upstream formula momentum-fr follows: 0.655 % at step 1, 3e-5 at step 10, within 1e-12 from step 50', () => {
    const old = CASES.find((c) => c.name === 'nadam-torch-1.13')!;
    const s = scheduleOf(old);
    expect(worstAt(old, s, 1).momentum).toBeCloseTo(1 - 1.0495311696092182 / 1.0564517783553882, 3);
    expect(worstAt(old, s, 2).momentum).toBeGreaterThan(1e-3);
    const at10 = worstAt(old, s, 10).momentum;
    expect(at10).toBeGreaterThan(1e-5);
    expect(at10).toBeLessThan(1e-4);
    for (const step of [50, 100, 150, 300]) expect(worstAt(old, s, step).momentum, `step ${step}`).toBeLessThanOrEqual(1e-12);
  });
});
