import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { axisNames, axisTitle } from '../../src/sweep/axis-title.js';

function configOf(yaml: string) {
  const parsed = parseSchedules(yaml);
  expect(parsed.issues).toEqual([]);
  return parsed.configs[0];
}

describe('axisTitle', () => {
  it('a preset parameter is named by its own description, up to the first aside', () => {
    const fsgdm = configOf('steps: 1000\nstages: 10\nmomentum:\n  preset: fsgdm\n');
    expect(axisTitle(fsgdm, ['momentum', 'params', 'c'], 'c')).toBe('Scaling factor c');
    expect(axisTitle(fsgdm, ['momentum', 'params', 'v'], 'momentum.v')).toBe('Gradient coefficient v');
    expect(axisTitle(configOf('steps: 1000\nstages: 10\nmomentum:\n  preset: standard-sgdm\n'), ['momentum', 'params', 'beta'], 'beta')).toBe('Momentum coefficient β');
  });

  it('a value inside a scheduled preset parameter is named after the parameter, never by its raw dotted path: momentum.momentum.fp.1 → "Momentum factor μ (fp.1)"', () => {
    const yolo = configOf('steps: 1000\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 50], fp: [0.8, 0.937] }\n  dampening: 0\n');
    expect(axisTitle(yolo, ['momentum', 'params', 'momentum', 'fp', 1], 'momentum.momentum.fp.1')).toBe('Momentum factor μ (fp.1)');
    expect(axisTitle(yolo, ['momentum', 'params', 'momentum'], 'momentum.momentum')).toBe('Momentum factor μ');
  });

  it('steps, stages, lr and custom u, v have fixed names; anything else keeps its path', () => {
    const custom = configOf('steps: 100\nmomentum:\n  u: "0.9"\n  v: "1 - u"\n');
    expect(axisTitle(custom, ['steps'], 'steps')).toBe('Training steps');
    expect(axisTitle(custom, ['stages'], 'stages')).toBe('Number of stages');
    expect(axisTitle(custom, ['momentum', 'custom', 'u'], 'u')).toBe('Feedback coefficient u');
    expect(axisTitle(custom, ['lr', 'max_lr'], 'lr.max_lr')).toBe('Learning rate α (max_lr)');
    expect(axisTitle(custom, ['momentum', 'custom', 'params', 'mu'], 'mu')).toBe('mu');
  });

  it('only lr keys that are learning rates are named "Learning rate α": OneCycleLR\'s momentum bounds, fractions and factors, and a decay\'s γ, have their own names', () => {
    const oc = configOf('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum:\n  preset: pytorch-sgd\n');
    expect(axisNames(oc, ['lr', 'max_momentum'], 'lr.max_momentum')).toEqual({ title: 'Maximum momentum (max_momentum)', short: 'lr.max_momentum' });
    expect(axisNames(oc, ['lr', 'base_momentum'], 'lr.base_momentum')).toEqual({ title: 'Base momentum (base_momentum)', short: 'lr.base_momentum' });
    for (const key of ['pct_start', 'div_factor', 'final_div_factor', 'T_max', 'gamma']) expect(axisTitle(oc, ['lr', key], `lr.${key}`)).not.toMatch(/Learning rate|α/);
    expect(axisNames(oc, ['lr', 'gamma'], 'lr.gamma').short).toBe('γ (gamma)');
    expect(axisTitle(oc, ['lr', 'base_lr'], 'lr.base_lr')).toBe('Learning rate α (base_lr)');
    expect(axisTitle(oc, ['lr', 'fp', 1], 'lr.fp.1')).toBe('Learning rate α (fp.1)');
  });
});

describe('axisNames: the short name a terminal table heads a swept column with', () => {
  const yolo = configOf('steps: 1000\nlr: "0.01"\nmomentum:\n  preset: nesterov\n  momentum: { scheduler: interp, xp: [0, 50], fp: [0.8, 0.937] }\n  dampening: 0\n');
  it('the symbol of the figures’ human name, with the rest of the path: momentum.momentum.fp.1 → "μ (fp.1)" (8 characters, not 22)', () => {
    expect(axisNames(yolo, ['momentum', 'params', 'momentum', 'fp', 1], 'momentum.momentum.fp.1')).toEqual({ title: 'Momentum factor μ (fp.1)', short: 'μ (fp.1)' });
    const fsgdm = configOf('steps: 1000\nstages: 10\nmomentum:\n  preset: fsgdm\n');
    expect(axisNames(fsgdm, ['momentum', 'params', 'c'], 'momentum.c').short).toBe('c');
    expect(axisNames(configOf('steps: 1000\nstages: 10\nmomentum:\n  preset: standard-sgdm\n'), ['momentum', 'params', 'beta'], 'beta').short).toBe('β');
    expect(axisNames(yolo, ['lr', 'max_lr'], 'lr.max_lr').short).toBe('α (max_lr)');
  });
  it('no symbol: the path’s last two segments (steps, a custom expression’s parameter)', () => {
    const custom = configOf('steps: 100\nmomentum:\n  u: "0.9"\n  v: "1 - u"\n');
    expect(axisNames(custom, ['steps'], 'steps').short).toBe('steps');
    expect(axisNames(custom, ['stages'], 'stages').short).toBe('stages');
    expect(axisNames(custom, ['momentum', 'custom', 'params', 'mu'], 'momentum.custom.params.mu').short).toBe('params.mu');
  });
});
