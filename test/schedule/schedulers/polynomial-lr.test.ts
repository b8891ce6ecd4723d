import { describe, expect, it } from 'vitest';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('PolynomialLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  // power 1 is pure arithmetic; other powers use pow (all measured cases happen to be bit-identical too).
  itMatchesTorch(torchCases('PolynomialLR'), (c) => (c.spec.power ?? 1) === 1);
});

describe('PolynomialLR', () => {
  it('reaches 0 at total_iters with power 1 and stays there', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'PolynomialLR', total_iters: 4, base: 0.001 }), 8, ['lr']);
    if ('issues' in out) throw new Error('unexpected issues');
    expect(Array.from(out.value.subarray(4))).toEqual([0, 0, 0, 0]);
  });

  it('reports torch’s ZeroDivisionError for a negative power at the scheduler step where 0.0 ** power is taken', () => {
    const out = runScheduler(SchedulerValue.parse({ scheduler: 'PolynomialLR', total_iters: 5, power: -1, base: 0.1 }), 10, ['lr']);
    expect(out).toEqual({
      issues: [{ code: 'scheduler_arg', path: ['lr'], message: "torch's PolynomialLR raises ZeroDivisionError at scheduler step 5 (after optimizer step 5): 0.0 cannot be raised to a negative power" }],
    });
  });
});
