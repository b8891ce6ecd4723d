import { describe, expect, it } from 'vitest';
import { applyOverride, bareNamePath, sweepTarget, valueAt } from '../../src/schedule/config-path.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { PRESETS } from '../../src/schedule/presets/index.js';

const configOf = (text: string) => {
  const { configs, issues } = parseSchedules(text);
  if (issues.length) throw new Error(issues.map((i) => i.message).join('\n'));
  return configs[0];
};

describe('the one path syntax', () => {
  it('a bare name is a schedule key first, then a preset parameter, then a custom param, then u / v', () => {
    expect(bareNamePath('steps', { preset: 'ema-sgdm' }, 'settable')).toEqual(['steps']);
    expect(bareNamePath('stageLength', { customParams: ['stageLength'] }, 'settable')).toEqual(['stageLength']);
    expect(bareNamePath('beta', { preset: 'ema-sgdm' }, 'settable')).toEqual(['momentum', 'beta']);
    expect(bareNamePath('mu', { customParams: ['mu'] }, 'settable')).toEqual(['momentum', 'params', 'mu']);
    // A custom param named like a coefficient is the param: params come before u / v.
    expect(bareNamePath('u', { customParams: ['u'] }, 'settable')).toEqual(['momentum', 'params', 'u']);
    expect(bareNamePath('v', { customParams: [] }, 'settable')).toEqual(['momentum', 'v']);
    expect(bareNamePath('u', { preset: 'ema-sgdm' }, 'sweepable')).toEqual({ error: 'unknown parameter "u" (sweepable here: steps, stages, stageLength, lr, beta)' });
    expect(bareNamePath('bta', { preset: 'ema-sgdm' }, 'settable')).toEqual({ error: 'unknown parameter "bta" (did you mean "beta"?) (settable here: steps, stages, stageLength, lr, beta)' });
  });

  it('every parameter of every preset is reachable by its bare name, except one named like a schedule key', () => {
    const scheduleKeys = ['name', 'description', 'steps', 'stages', 'stageLength', 'momentum', 'sweep'];
    for (const [name, preset] of PRESETS) {
      for (const key of Object.keys(preset.params.shape)) {
        expect(bareNamePath(key, { preset: name }, 'settable'), `${name}.${key}`).toEqual(scheduleKeys.includes(key) ? [key] : ['momentum', key]);
      }
    }
    // pytorch-sgd's `momentum` (PyTorch's name) is the block as a bare name; momentum.momentum is the parameter.
    expect(bareNamePath('momentum', { preset: 'pytorch-sgd' }, 'settable')).toEqual(['momentum']);
  });

  it('an override sets the resolved path on the raw mapping, creating mappings on the way', () => {
    const preset = { steps: 10, momentum: { preset: 'ema-sgdm' } };
    expect(applyOverride(preset, ['beta'], 0.5)).toEqual(['momentum', 'beta']);
    expect(preset).toEqual({ steps: 10, momentum: { preset: 'ema-sgdm', beta: 0.5 } });
    const custom: Record<string, unknown> = { steps: 10, momentum: { params: { mu: 1 }, u: 'mu / (mu + t)' } };
    expect(applyOverride(custom, ['mu'], 7)).toEqual(['momentum', 'params', 'mu']);
    expect(applyOverride(custom, ['v'], '1 - u')).toEqual(['momentum', 'v']);
    expect(applyOverride(custom, ['momentum', 'u', 'piecewise'], [])).toEqual(['momentum', 'u', 'piecewise']);
    expect(custom).toEqual({ steps: 10, momentum: { params: { mu: 7 }, u: { piecewise: [] }, v: '1 - u' } });
    expect(applyOverride(custom, ['nu'], 1)).toEqual({ error: 'unknown parameter "nu" (did you mean "u"?) (settable here: steps, stages, stageLength, lr, u, v, mu)' });
  });

  it('a bare name is resolved against the schedule as it stands: after --set momentum.preset', () => {
    const root: Record<string, unknown> = { steps: 10, momentum: { params: { mu: 1 }, u: 0.5 } };
    applyOverride(root, ['momentum'], { preset: 'fsgdm' });
    expect(applyOverride(root, ['c'], 0.1)).toEqual(['momentum', 'c']);
    expect(root).toEqual({ steps: 10, momentum: { preset: 'fsgdm', c: 0.1 } });
  });

  it('without a known preset or a custom block, a bare name is left as written (validation reports the block)', () => {
    const root: Record<string, unknown> = { steps: 10, momentum: { preset: 'nosuch' } };
    expect(applyOverride(root, ['beta'], 0.5)).toEqual(['beta']);
    expect(root.beta).toBe(0.5);
  });

  it('sweep targets resolve bare names the same way, and map momentum.c to the config path momentum.params.c', () => {
    const preset = configOf('steps: 1000\nstages: 10\nmomentum: { preset: fsgdm, c: 0.05 }\n');
    expect(sweepTarget(preset, 'c')).toMatchObject({ column: 'momentum.c', configPath: ['momentum', 'params', 'c'], integer: false, current: 0.05 });
    expect(sweepTarget(preset, 'momentum.c')).toMatchObject({ column: 'momentum.c', configPath: ['momentum', 'params', 'c'] });
    expect(sweepTarget(preset, 'stages')).toMatchObject({ column: 'stages', configPath: ['stages'], integer: true, current: 10 });
    const custom = configOf('steps: 100\nmomentum: { params: { mu: 3 }, u: { piecewise: [ { from: 1, value: 0.5 }, { from: 50, value: 0.9 } ] }, v: 1 }\n');
    expect(sweepTarget(custom, 'mu')).toMatchObject({ column: 'momentum.params.mu', current: 3 });
    expect(sweepTarget(custom, 'momentum.u.piecewise.1.value')).toMatchObject({ configPath: ['momentum', 'custom', 'u', 'piecewise', 1, 'value'], current: 0.9 });
    expect(sweepTarget(custom, 'momentum.u.piecewise.2.value')).toMatchObject({ error: expect.stringContaining('not an index of this list (0..1)') });
    expect(sweepTarget(custom, 'name')).toEqual({ error: 'name: not a numeric value' });
  });

  it('a table has no number to sweep: its column is said to be a table\'s, not an unknown key', () => {
    const tabled = configOf('steps: 3\nlr: { table: [0.1, 0.2, 0.3], column: 1 }\nmomentum: { u: 0.9 }\n');
    expect(sweepTarget(tabled, 'lr.column')).toEqual({ error: 'lr.column: lr is a table, read from its file once: it has no number to sweep' });
  });

  it('lr is a schedule key reachable by its bare name and into its value (it was "unknown parameter")', () => {
    const plain = configOf('steps: 100\nlr: 0.1\nmomentum: { u: 0.9 }\n');
    expect(sweepTarget(plain, 'lr')).toMatchObject({ column: 'lr', configPath: ['lr'], integer: false, current: 0.1 });
    const scheduled = configOf('steps: 100\nlr: { piecewise: [ { from: 1, value: 0.01 }, { from: 50, value: 0.1 } ] }\nmomentum: { u: 0.9 }\n');
    expect(sweepTarget(scheduled, 'lr.piecewise.1.value')).toMatchObject({ column: 'lr.piecewise.1.value', configPath: ['lr', 'piecewise', 1, 'value'], current: 0.1 });
    expect(sweepTarget(plain, 'lr.piecewise')).toEqual({ error: 'lr.piecewise: lr is a single value; sweep it without ".piecewise"' });
    const raw: Record<string, unknown> = { steps: 10, momentum: { u: 0.5 } };
    expect(applyOverride(raw, ['lr'], 0.2)).toEqual(['lr']);
    expect(raw.lr).toBe(0.2);
  });

  it('sweep targets reach a scheduler\'s kwargs, in lr and in a preset parameter written as a value (they were "unknown key" / "no parameter")', () => {
    const cycle = configOf('steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.1 }\nmomentum: { preset: pytorch-sgd }\n');
    expect(sweepTarget(cycle, 'lr.max_lr')).toMatchObject({ column: 'lr.max_lr', configPath: ['lr', 'max_lr'], integer: false, current: 0.1 });
    expect(sweepTarget(cycle, 'lr.total_steps')).toMatchObject({ configPath: ['lr', 'total_steps'], integer: true });
    expect(sweepTarget(cycle, 'lr.max_lrr')).toEqual({ error: 'lr.max_lrr: unknown key "max_lrr" (did you mean "max_lr"?)' });
    const beta = configOf('steps: 1000\nstages: 10\nmomentum: { preset: ema-sgdm, beta: { scheduler: StepLR, step_size: 300, base: 0.9 } }\n');
    expect(sweepTarget(beta, 'momentum.beta.gamma')).toMatchObject({ column: 'momentum.beta.gamma', configPath: ['momentum', 'params', 'beta', 'gamma'], integer: false });
    expect(sweepTarget(beta, 'momentum.beta.step_size')).toMatchObject({ configPath: ['momentum', 'params', 'beta', 'step_size'], integer: true, current: 300 });
    const plain = configOf('steps: 1000\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n');
    expect(sweepTarget(plain, 'momentum.beta.gamma')).toEqual({ error: 'momentum.beta.gamma: momentum.beta is a single value; sweep it without ".gamma"' });
  });

  it('refuses prototype keys in every path', () => {
    const preset = configOf('steps: 1000\nmomentum: { preset: fsgdm }\n');
    for (const text of ['__proto__', 'momentum.constructor', 'momentum.prototype.x']) {
      expect(sweepTarget(preset, text)).toMatchObject({ error: expect.stringContaining('not allowed as a key') });
    }
  });

  it('valueAt reads a path of plain data, undefined past a leaf', () => {
    expect(valueAt({ a: [{ b: 2 }] }, ['a', 0, 'b'])).toBe(2);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});
