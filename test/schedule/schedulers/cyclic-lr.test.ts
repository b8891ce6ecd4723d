import { describe, expect, it } from 'vitest';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('CyclicLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  // triangular and triangular2 are pure arithmetic (2.0 ** n is exact); exp_range uses pow (worst measured 1.1e-16).
  itMatchesTorch(torchCases('CyclicLR'), (c) => c.spec.mode !== 'exp_range');
});

describe('CyclicLR', () => {
  it('replaces the optimizer lr with base_lr and momentum with max_momentum at step 1, and peaks after step_size_up', () => {
    const spec = { scheduler: 'CyclicLR', base_lr: 0.25, max_lr: 1, step_size_up: 2, step_size_down: 2, base_momentum: 0.5, max_momentum: 0.75 };
    const out = runScheduler(SchedulerValue.parse(spec), 25, ['lr']);
    if ('issues' in out) throw new Error('unexpected issues');
    // Dyadic numbers keep every operation exact: a triangle 0.25 → 1 → 0.25 over 2 + 2 epochs, momentum mirrored.
    expect(Array.from(out.value.subarray(0, 9))).toEqual([0.25, 0.625, 1, 0.625, 0.25, 0.625, 1, 0.625, 0.25]);
    expect(Array.from(out.momentum?.subarray(0, 9) ?? [])).toEqual([0.75, 0.625, 0.5, 0.625, 0.75, 0.625, 0.5, 0.625, 0.75]);
  });

  it('refuses scale_fn with the reason (a Python callable cannot be given)', () => {
    const parsed = SchedulerValue.safeParse({ scheduler: 'CyclicLR', base_lr: 0.01, max_lr: 0.1, scale_fn: 'lambda x: 1' });
    expect(parsed.error?.issues).toMatchObject([{ code: 'custom', path: ['scale_fn'], message: 'a Python callable cannot be given: use mode or a named schedule' }]);
  });
});
