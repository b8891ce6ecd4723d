import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterControls, sliderRange } from '../../src/explore/parameter-controls.js';

describe('the page\'s sliders: every number of every schedule', () => {
  it('FSGDM: steps, stages and the preset\'s c and v, with their paths in the text and the schema\'s descriptions', () => {
    const controls = parameterControls(readFileSync('configs/fsgdm-cifar100.yaml', 'utf8'));
    expect(controls.map((c) => [c.key, c.value, c.path, c.integer, c.scale])).toEqual([
      ['steps', 117000, [0, 'steps'], true, 'log'],
      ['stages', 300, [0, 'stages'], true, 'log'],
      ['c', 0.033, [0, 'momentum', 'c'], false, 'log'],
      ['v', 1, [0, 'momentum', 'v'], false, 'linear'],
    ]);
    expect(controls[2].description).toMatch(/^scaling factor c/);
    // c ≥ 0 in the schema: a log slider two decades either side of the value.
    expect(controls[2]).toMatchObject({ min: 0.033 / 100, max: 0.033 * 100 });
    expect(controls[3]).toMatchObject({ min: 0, max: 2 });
  });

  it('a schedules list: one group per schedule, named; a preset default the text leaves out gets a slider too', () => {
    const text = 'schedules:\n  - { name: a, steps: 1000, momentum: { preset: standard-sgdm } }\n  - { steps: 1000, momentum: { preset: adam-m, beta1: 0.8 } }\n';
    const controls = parameterControls(text);
    expect(controls.map((c) => [c.scheduleName, c.key, c.value, c.path.join('.')])).toEqual([
      ['a', 'steps', 1000, '0.schedules.0.steps'],
      ['a', 'beta', 0.9, '0.schedules.0.momentum.beta'],
      ['schedule 2', 'steps', 1000, '0.schedules.1.steps'],
      ['schedule 2', 'beta1', 0.8, '0.schedules.1.momentum.beta1'],
    ]);
    // adam-m's beta1 is bounded on both sides by its schema: [0, 1).
    expect(controls[3]).toMatchObject({ min: 0, max: 1, scale: 'linear' });
  });

  it('a value written as a scheduler: a slider per numeric kwarg of that scheduler\'s schema, written or defaulted, with its bounds', () => {
    const controls = parameterControls(readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8'));
    const lr = controls.filter((c) => c.key.startsWith('lr.'));
    expect(lr.map((c) => [c.key, c.value, c.path.join('.'), c.scale])).toEqual([
      ['lr.max_lr', 0.1, '0.lr.max_lr', 'log'],
      ['lr.epochs', 30, '0.lr.epochs', 'linear'],
      ['lr.steps_per_epoch', 391, '0.lr.steps_per_epoch', 'log'],
      ['lr.pct_start', 0.3, '0.lr.pct_start', 'linear'],
      ['lr.base_momentum', 0.85, '0.lr.base_momentum', 'linear'],
      ['lr.max_momentum', 0.95, '0.lr.max_momentum', 'linear'],
      ['lr.div_factor', 25, '0.lr.div_factor', 'linear'],
      ['lr.final_div_factor', 10000, '0.lr.final_div_factor', 'linear'],
      ['lr.every', 1, '0.lr.every', 'linear'],
    ]);
    // torch's pct_start is a fraction, [0, 1] in the schema; total_steps (optional, no default) is left out unless written.
    expect(lr[3]).toMatchObject({ min: 0, max: 1, integer: false, description: 'fraction of the cycle spent increasing the learning rate' });
    expect(lr.find((c) => c.key === 'lr.epochs')).toMatchObject({ min: 1, integer: true });
    // A preset parameter written as a scheduler gets its kwargs too, named after the parameter.
    const beta = parameterControls('steps: 1000\nmomentum: { preset: standard-sgdm, beta: { scheduler: LinearLR, start_factor: 0.5, total_iters: 100, base: 0.9 } }\n');
    expect(beta.map((c) => c.key)).toEqual(['steps', 'beta.start_factor', 'beta.end_factor', 'beta.total_iters', 'beta.base', 'beta.every']);
  });

  it('a learning-rate scheduler that cycles momentum overwrites the optimizer\'s momentum: no slider for it, base_momentum/max_momentum instead (and only then)', () => {
    const keys = (text: string) => parameterControls(text).map((c) => c.key);
    // OneCycleLR's cycle_momentum defaults to true: torch writes SGD's momentum at every step.
    const resnet = keys(readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8'));
    expect(resnet).not.toContain('momentum');
    expect(resnet).toEqual(expect.arrayContaining(['lr.base_momentum', 'lr.max_momentum', 'dampening']));
    // Adam's beta1 likewise; CyclicLR the same.
    const adam = keys('steps: 1000\nlr: { scheduler: CyclicLR, base_lr: 0.001, max_lr: 0.01 }\nmomentum: { preset: adam-m, beta1: 0.9 }\n');
    expect(adam).not.toContain('beta1');
    expect(adam).toEqual(expect.arrayContaining(['lr.base_momentum', 'lr.max_momentum']));
    // cycle_momentum: false: the optimizer's number counts, the scheduler's momentum kwargs do nothing.
    const off = keys('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 1000, cycle_momentum: false }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
    expect(off).toContain('momentum');
    expect(off.filter((k) => k.endsWith('_momentum'))).toEqual([]);
  });

  it('a cycling scheduler inside SequentialLR overwrites the momentum too (as the resolver applies it and --set warns): no slider for it', () => {
    const text = 'steps: 100\nlr:\n  scheduler: SequentialLR\n  base: 0.1\n  milestones: [10]\n  schedulers:\n    - { scheduler: LinearLR, start_factor: 0.1, total_iters: 10 }\n    - { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 90 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n';
    expect(parameterControls(text).map((c) => c.key)).not.toContain('momentum');
  });

  it('values that are no number (an expression, a list, a custom momentum) get no slider; lr does', () => {
    const text = 'steps: 100\nlr: 0.1\nmomentum: { u: "0.9", v: 1 }\n---\nsteps: 100\nmomentum: { preset: aggmo, betas: [0, 0.9] }\n';
    expect(parameterControls(text).map((c) => `${c.schedule}:${c.key}`)).toEqual(['0:steps', '0:lr', '1:steps']);
  });

  it('text that is not YAML, or no mapping, gives no sliders (validation says why)', () => {
    expect(parameterControls('steps: [1,\n')).toEqual([]);
    expect(parameterControls('- 1\n- 2\n')).toEqual([]);
  });
});

describe('sliderRange', () => {
  it('uses finite schema bounds on both sides, log when they span two decades or more', () => {
    expect(sliderRange(0.5, { type: 'number', minimum: 0, exclusiveMaximum: 1 })).toEqual({ min: 0, max: 1, scale: 'linear', integer: false });
    expect(sliderRange(5, { type: 'number', minimum: 0.1, maximum: 100 })).toEqual({ min: 0.1, max: 100, scale: 'log', integer: false });
  });

  it('spans β-like values over [0, 1], others linearly around them, and clips to a bound', () => {
    expect(sliderRange(0.9, { type: 'number' })).toEqual({ min: 0, max: 1, scale: 'linear', integer: false });
    expect(sliderRange(-0.5, { type: 'number' })).toEqual({ min: -1, max: 1, scale: 'linear', integer: false });
    expect(sliderRange(3, { type: 'integer', minimum: 1 })).toEqual({ min: 1, max: 10, scale: 'linear', integer: true });
    expect(sliderRange(0.01, { type: 'number', exclusiveMinimum: 0 })).toEqual({ min: 0.0001, max: 1, scale: 'log', integer: false });
  });
});
