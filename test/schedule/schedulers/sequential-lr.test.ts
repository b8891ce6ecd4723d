import { describe, expect, it } from 'vitest';
import { runScheduler, SchedulerValue } from '../../../src/schedule/schedulers/index.js';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

const PURE = new Set(['StepLR', 'MultiStepLR', 'ExponentialLR', 'LinearLR', 'ConstantLR', 'PolynomialLR']);

describe('SequentialLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  // Bit-identical when every child is pure arithmetic; a cosine child brings V8's Math.cos (worst measured 4.2e-17).
  itMatchesTorch(torchCases('SequentialLR'), (c) => (c.spec.schedulers as { scheduler: string }[]).every((s) => PURE.has(s.scheduler)));
});

describe('SequentialLR', () => {
  const parse = (spec: Record<string, unknown>) => SchedulerValue.parse({ scheduler: 'SequentialLR', ...spec });

  it('restarts the next scheduler by its closed form at the milestone: CosineAnnealingLR starts again from base', () => {
    const out = runScheduler(
      parse({ schedulers: [{ scheduler: 'ConstantLR', factor: 0.5, total_iters: 100 }, { scheduler: 'CosineAnnealingLR', T_max: 10 }], milestones: [3], base: 0.2 }),
      6,
      ['lr'],
    );
    if ('issues' in out) throw new Error('unexpected issues');
    // Epochs 0–2: ConstantLR (0.1); epoch 3: η + (base − η)·(1 + cos 0)/2 = 0.2; epoch 4: chained from there.
    expect(Array.from(out.value.subarray(0, 4))).toEqual([0.1, 0.1, 0.1, 0.2]);
    expect(out.value[4]).toBe(((1 + Math.cos(Math.PI / 10)) / (1 + Math.cos(0))) * 0.2);
  });

  it('needs one milestone fewer than schedulers, as torch does, at milestones', () => {
    const out = runScheduler(parse({ schedulers: [{ scheduler: 'StepLR', step_size: 2 }], milestones: [3], base: 0.1 }), 5, ['lr']);
    expect(out).toMatchObject({ issues: [{ code: 'scheduler_arg', path: ['lr', 'milestones'] }] });
    // One scheduler, so no milestone: the counts agree with their nouns.
    expect((out as { issues: { message: string }[] }).issues[0].message).toContain('(1 scheduler, so 0 milestones)');
  });

  it('requires base unless the first scheduler sets the initial value itself (OneCycleLR, CyclicLR)', () => {
    const children = [{ scheduler: 'LinearLR' }, { scheduler: 'StepLR', step_size: 2 }];
    expect(runScheduler(parse({ schedulers: children, milestones: [3] }), 5, ['lr'])).toMatchObject({ issues: [{ code: 'missing_key', path: ['lr', 'base'] }] });
    const cyclicFirst = [{ scheduler: 'CyclicLR', base_lr: 0.01, max_lr: 0.1, step_size_up: 2 }, { scheduler: 'ExponentialLR', gamma: 0.5 }];
    const out = runScheduler(parse({ schedulers: cyclicFirst, milestones: [4] }), 6, ['lr']);
    if ('issues' in out) throw new Error('unexpected issues');
    // ExponentialLR's base is CyclicLR's base_lr (torch: initial_lr set from it); at its milestone it restarts at base·γ⁰.
    expect(out.value[4]).toBe(0.01);
    expect(out.value[5]).toBe(0.005);
  });

  it('refuses every and base on a child: it inherits them', () => {
    const parsed = SchedulerValue.safeParse({ scheduler: 'SequentialLR', schedulers: [{ scheduler: 'StepLR', step_size: 2, every: 3, base: 1 }], milestones: [], base: 0.1 });
    expect(parsed.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['every', 'base'], path: ['schedulers', 0] }]);
  });

  it('reports a child that outruns its cycle after its restart, with torch’s message, at the SequentialLR', () => {
    const out = runScheduler(
      parse({ schedulers: [{ scheduler: 'ConstantLR', factor: 0.5, total_iters: 3 }, { scheduler: 'OneCycleLR', max_lr: 0.1, total_steps: 10 }], milestones: [5], base: 0.1 }),
      20,
      ['lr'],
    );
    expect(out).toEqual({
      issues: [
        {
          code: 'scheduler_arg',
          path: ['lr'],
          message: "torch's SequentialLR raises ValueError at scheduler step 16 (after optimizer step 16): Tried to step 12 times. The specified number of total steps is 10",
        },
      ],
    });
  });
});
