import { describe, expect, it } from 'vitest';
import { overwrittenValueNote } from '../../src/schedule/overwritten-value.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const configOf = (yaml: string) => {
  const r = parseSchedules(yaml);
  expect(r.issues).toEqual([]);
  return r.configs[0];
};

const ONE_CYCLE = 'steps: 100\nlr: { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 100 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n';

describe('overwrittenValueNote: values a cycling learning-rate scheduler writes over', () => {
  it("names OneCycleLR's base_momentum and max_momentum for pytorch-sgd's momentum", () => {
    const note = overwrittenValueNote(configOf(ONE_CYCLE), ['momentum', 'momentum']);
    expect(note).toContain("lr's OneCycleLR overwrites momentum.momentum");
    expect(note).toContain('lr.base_momentum and lr.max_momentum');
  });

  it("names adam-m's beta1 under CyclicLR, and a child of SequentialLR by its path", () => {
    const cyclic = 'steps: 100\nlr: { scheduler: CyclicLR, base_lr: 0.01, max_lr: 0.1, step_size_up: 10 }\nmomentum: { preset: adam-m, beta1: 0.9 }\n';
    expect(overwrittenValueNote(configOf(cyclic), ['momentum', 'beta1'])).toContain("lr's CyclicLR overwrites momentum.beta1");
    const sequential = 'steps: 100\nlr:\n  scheduler: SequentialLR\n  milestones: [10]\n  schedulers:\n    - { scheduler: ConstantLR, factor: 0.5, total_iters: 10 }\n    - { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 100 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n';
    const parsed = parseSchedules(sequential);
    if (parsed.issues.length === 0) expect(overwrittenValueNote(parsed.configs[0], ['momentum', 'momentum'])).toContain('lr.schedulers.1.base_momentum');
  });

  it('says nothing when nothing overwrites the value: cycle_momentum false, another key, no lr scheduler', () => {
    expect(overwrittenValueNote(configOf(ONE_CYCLE.replace('total_steps: 100', 'total_steps: 100, cycle_momentum: false')), ['momentum', 'momentum'])).toBeUndefined();
    expect(overwrittenValueNote(configOf(ONE_CYCLE), ['momentum', 'dampening'])).toBeUndefined();
    expect(overwrittenValueNote(configOf(ONE_CYCLE), ['lr', 'max_lr'])).toBeUndefined();
    expect(overwrittenValueNote(configOf('steps: 100\nlr: 0.1\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n'), ['momentum', 'momentum'])).toBeUndefined();
  });
});
