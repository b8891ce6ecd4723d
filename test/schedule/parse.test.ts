import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { CLI_VOCABULARY } from '../../src/cli/messages.js';
import { LIBRARY_VOCABULARY } from '../../src/vocabulary.js';

const messages = (text: string, opts = {}) => parseSchedules(text, opts).issues.map((i) => formatIssue('x.yaml', i));

describe('parseSchedules: the schedule language', () => {
  it('partitions T steps into N stages of lengths differing by at most one', () => {
    const { schedules } = parseSchedules('steps: 10\nstages: 3\nmomentum: { u: 0.5 }\n');
    const t = schedules[0].stages;
    expect([...t.startStep]).toEqual([1, 4, 7]);
    expect([...t.endStep]).toEqual([3, 6, 10]);
    expect([...t.v]).toEqual([1, 1, 1]);
  });

  it('lr is the learning rate of every stage; absent, the schedule has none', () => {
    const withLr = parseSchedules('steps: 10\nstages: 3\nlr: 0.05\nmomentum: { u: 0.5 }\n').schedules[0];
    expect([...withLr.lr!]).toEqual([0.05, 0.05, 0.05]);
    expect(parseSchedules('steps: 10\nmomentum: { u: 0.5 }\n').schedules[0].lr).toBeUndefined();
    expect(parseSchedules('steps: 10\nlr: -1\nmomentum: { u: 0.5 }\n').issues.map((i) => i.path.join('.'))).toEqual(['lr']);
  });

  it('stageLength gives stages of that many steps and a short last one', () => {
    const { schedules } = parseSchedules('steps: 10\nstageLength: 4\nmomentum: { u: 0.5 }\n');
    expect([...schedules[0].stages.endStep]).toEqual([4, 8, 10]);
  });

  it('evaluates expressions once per stage with k, N, t, T, p, delta, params, and u inside v', () => {
    const { schedules, issues } = parseSchedules(
      'steps: 100\nstages: 4\nmomentum:\n  params: { mu: 10 }\n  u: "t / (t + mu)"\n  v: "1 - u + 0*(k + N + T + p + delta)"\n',
    );
    expect(issues).toEqual([]);
    const t = schedules[0].stages;
    for (let k = 0; k < 4; k++) {
      const start = 25 * k + 1;
      expect(t.u[k]).toBe(start / (start + 10));
      expect(t.v[k]).toBe(1 - start / (start + 10));
    }
  });

  it('each stage variable has its documented value: k from 0, t from 1, p = t/T, delta the stage length', () => {
    // Encode (k, t, p, delta, N, T) of each stage into u, then decode: u = k/1e3 + t/1e6 …
    const { schedules, issues } = parseSchedules(
      'steps: 10\nstages: 3\nmomentum:\n  u: "0"\n  v: "k * 1e6 + t * 1e4 + delta * 1e2 + N + T * 1e-3 + p * 1e-6"\n',
    );
    expect(issues).toEqual([]);
    const { v } = schedules[0].stages;
    // Stages of 10 steps in 3: steps 1–3, 4–6, 7–10.
    const expected = [
      { k: 0, t: 1, delta: 3 },
      { k: 1, t: 4, delta: 3 },
      { k: 2, t: 7, delta: 4 },
    ].map(({ k, t, delta }) => k * 1e6 + t * 1e4 + delta * 1e2 + 3 + 10 * 1e-3 + (t / 10) * 1e-6);
    for (let k = 0; k < 3; k++) expect(v[k]).toBeCloseTo(expected[k], 9);
  });

  it('per-stage lists and piecewise segments', () => {
    const list = parseSchedules('steps: 30\nstages: 3\nmomentum: { u: [0, 0.5, "0.9"], v: 1 }\n').schedules[0].stages;
    expect([...list.u]).toEqual([0, 0.5, 0.9]);
    const pw = parseSchedules('steps: 30\nstages: 3\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0.1 }, { from: 11, value: "0.2 * k" } ] }\n').schedules[0].stages;
    expect([...pw.u]).toEqual([0.1, 0.2, 0.4]);
  });

  it('reads several schedules from a schedules: list and from multi-document YAML', () => {
    const list = parseSchedules('schedules:\n  - { name: a, steps: 5, momentum: { u: 0.1 } }\n  - { name: b, steps: 5, momentum: { u: 0.2 } }\n');
    expect(list.schedules.map((s) => s.name)).toEqual(['a', 'b']);
    const docs = parseSchedules('steps: 5\nmomentum: { u: 0.1 }\n---\nsteps: 5\nmomentum: { u: 0.2 }\n', { defaultName: 'f' });
    expect(docs.schedules.map((s) => s.name)).toEqual(['f-1', 'f-2']);
  });

  it('accepts JSON', () => {
    expect(parseSchedules('{"steps": 5, "momentum": {"preset": "ema-sgdm", "beta": 0.5}}').schedules[0].stages.v[0]).toBe(0.5);
  });

  it('every preset\'s starter YAML (momentum-fr init) parses and resolves', () => {
    for (const name of PRESETS.keys()) {
      const r = parseSchedules(starterYaml(name));
      expect(r.issues, name).toEqual([]);
      expect(r.schedules[0].stages.count).toBeGreaterThan(0);
    }
    expect(parseSchedules(starterYaml()).issues).toEqual([]);
  });

  it('applies --set overrides by dot path', () => {
    const r = parseSchedules(starterYaml('ema-sgdm'), { overrides: [{ path: ['momentum', 'beta'], value: 0.99 }, { path: ['steps'], value: 7 }] });
    expect(r.schedules[0].stages.u[0]).toBe(0.99);
    expect(r.schedules[0].steps).toBe(7);
  });

  it('paper presets: orthodox increasing low-pass is u = t/(t+μ), v = 1 − u; unorthodox high-pass decreasing is u = −μ/(t+μ), v = 1', () => {
    const a = parseSchedules('steps: 100\nstages: 2\nmomentum: { preset: paper-orthodox-low-pass-increasing, mu: 10 }\n').schedules[0].stages;
    expect([...a.u]).toEqual([1 / 11, 51 / 61]);
    expect([...a.v]).toEqual([1 - 1 / 11, 1 - 51 / 61]);
    const b = parseSchedules('steps: 100\nstages: 2\nmomentum: { preset: paper-unorthodox-high-pass-decreasing, mu: 10 }\n').schedules[0].stages;
    expect([...b.u]).toEqual([-10 / 11, -10 / 61]);
    expect([...b.v]).toEqual([1, 1]);
  });
});

describe('parseSchedules: errors name file:line:col, key path and value, all at once', () => {
  it('reports every problem of a file with its position', () => {
    const text = 'steps: ten\nstages: 0\nmomentum:\n  u: 0.5\n  w: 1\n';
    expect(messages(text)).toEqual([
      'x.yaml:1:8: steps: expected a number (got "ten")',
      'x.yaml:2:9: stages: must be ≥ 1 (got 0)',
      'x.yaml:5:3: momentum.w: unknown key (did you mean "u"?)',
    ]);
  });

  it('unknown keys get a suggestion', () => {
    expect(messages('steps: 10\nstage: 2\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:2:1: stage: unknown key (did you mean "stages"?)']);
    expect(messages('steps: 10\nmomentum:\n  preset: fsgdm\n  cc: 0.1\n')).toEqual(['x.yaml:4:3: momentum.cc: unknown key (did you mean "c"?)']);
  });

  it('unknown presets get a suggestion, and a pointer to the list in the words of the vocabulary', () => {
    const text = 'steps: 10\nmomentum: { preset: fsgd }\n';
    expect(messages(text)[0]).toBe('x.yaml:2:21: momentum.preset: unknown preset (did you mean "fsgdm"?); see PRESETS (got "fsgd")');
    expect(messages(text, { vocabulary: CLI_VOCABULARY })[0]).toBe('x.yaml:2:21: momentum.preset: unknown preset (did you mean "fsgdm"?); see `momentum-fr presets` (got "fsgd")');
  });

  it('unstable stages are errors naming the stage and its steps, unless allowed', () => {
    const text = 'steps: 40\nstages: 4\nmomentum:\n  u: [0.5, 1, 1.5, 0.2]\n';
    expect(messages(text)).toEqual(['x.yaml:4:6: momentum.u: |u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got in stage 1 (steps 11–20): 1, stage 2 (steps 21–30): 1.5']);
    expect(parseSchedules(text, { allowUnstable: true }).issues).toEqual([]);
  });

  it('an unstable aggmo branch is named from 1 (as u1, u2… in tables) at its betas entry', () => {
    // betas[1] = 1.5 is the second buffer: u2, the entry on line 5 at column 14.
    const text = 'name: ag\nsteps: 100\nmomentum:\n  preset: aggmo\n  betas: [0, 1.5, 0.99]\n';
    expect(messages(text)).toEqual(['x.yaml:5:14: momentum.betas[1]: |u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got branch 2 u = 1.5 in stage 0 (steps 1–100)']);
  });

  it('an unstable preset whose one parameter is u points at that parameter, not at momentum', () => {
    const text = 'steps: 100\nmomentum:\n  preset: pytorch-sgd\n  momentum: 1.2\n';
    expect(messages(text)).toEqual(['x.yaml:4:13: momentum.momentum: |u| must be < 1 for a stable filter (use allowUnstable: true to analyse it anyway); got in stage 0 (steps 1–100): 1.2']);
  });

  it('the advice names the knob in the caller\'s words: the library option by default, a given vocabulary otherwise', () => {
    const text = 'steps: 40\nstages: 4\nmomentum:\n  u: [0.5, 1, 1.5, 0.2]\n';
    const words = { ...LIBRARY_VOCABULARY, allowUnstable: '--allow-unstable' };
    expect(parseSchedules(text, { vocabulary: words }).issues.map((i) => i.message)).toEqual(['|u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got in stage 1 (steps 11–20): 1, stage 2 (steps 21–30): 1.5']);
  });

  it('NaN/∞ from an expression is an error naming the stage', () => {
    expect(messages('steps: 20\nstages: 2\nmomentum:\n  u: "0.5"\n  v: "1 / k"\n')[0]).toBe('x.yaml:5:6: momentum.v: v is not a finite number in stage 0 (steps 1–10): NaN'.replace('NaN', 'Infinity'));
  });

  it('per-stage lists must have one value per stage', () => {
    expect(messages('steps: 20\nstages: 2\nmomentum: { u: [0.1, 0.2, 0.3] }\n')[0]).toBe('x.yaml:3:16: momentum.u: needs one value per stage: 2 values (got a list of 3)');
  });

  it('YAML syntax errors carry the parser\'s line and column', () => {
    const [m] = messages('steps: 10\nmomentum: { u: 0.5\n');
    expect(m).toMatch(/^x\.yaml:\d+:\d+: /);
  });

  it('refuses alias bombs and absurd nesting instead of exhausting memory', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    expect(messages(bomb).join('\n')).toMatch(/alias|resource/i);
    const deep = `steps: 1\nmomentum: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    expect(messages(deep).join('\n')).toMatch(/deeper than 64|could not parse/);
  });

  it('refuses absurd sizes before allocating', () => {
    expect(messages('steps: 1e15\nmomentum: { u: 0.5 }\n')[0]).toMatch(/steps: must be ≤ 1000000000000/);
    expect(messages('steps: 1000000000000\nstageLength: 1\nmomentum: { u: 0.5 }\n')[0]).toMatch(/stageLength: gives 1000000000000 stages, more than 10000000/);
  });
});

describe('expressions are sandboxed', () => {
  it.each([
    ['import({}, {override: true})', /function "import" is not allowed/],
    ['evaluate("1+1")', /function "evaluate" is not allowed/],
    ['parse("1")', /not allowed/],
    ['createUnit("furlong")', /not allowed/],
    ['simplify("x")', /not allowed/],
    ['f(x) = x', /defining a function is not allowed/],
    ['a = 1', /assignment is not allowed/],
    ['[1, 2]', /a matrix is not allowed/],
    ['"str"', /only numbers are allowed/],
    ['2 cm', /unknown variable "cm"/],
    ['cos.constructor', /property access|not allowed/],
    ['zz + 1', /unknown variable "zz"/],
  ])('refuses %s', (expr, pattern) => {
    const out = messages(`steps: 10\nmomentum:\n  u: '${expr}'\n`).join('\n');
    expect(out).toMatch(/^x\.yaml:3:6: momentum\.u: /);
    expect(out).toMatch(pattern);
  });

  it('allows arithmetic, comparisons, conditionals and pure functions', () => {
    const r = parseSchedules(`steps: 10\nstages: 2\nmomentum:\n  u: "k > 0 ? min(0.9, 1 - exp(-k)) : sqrt(0.01)"\n`);
    expect(r.issues).toEqual([]);
    expect([...r.schedules[0].stages.u]).toEqual([0.1, Math.min(0.9, 1 - Math.exp(-1))]);
  });
});

describe('parseSchedules: --set overrides and what they touch', () => {
  const ONE_CYCLE = 'steps: 100\nlr: { scheduler: OneCycleLR, max_lr: 0.1, total_steps: 100 }\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n';

  it('an issue about the value holding an override names the override, not the line (--set lr.max_lr=-1 → lr: must be ≥ 0)', () => {
    const r = parseSchedules(ONE_CYCLE, { overrides: [{ path: ['lr', 'max_lr'], value: -1, origin: '--set lr.max_lr=-1' }] });
    const text = r.issues.map((i) => formatIssue('x.yaml', i));
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/^x\.yaml: --set lr\.max_lr=-1: lr: /);
  });

  it('an issue about the schedule as a whole keeps its place', () => {
    const r = parseSchedules('steps: 10\nstages: 5\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n', { overrides: [{ path: ['momentum', 'beta'], value: 0.5, origin: '--set momentum.beta=0.5' }, { path: ['stages'], value: 20, origin: '--set stages=20' }] });
    expect(r.issues.map((i) => formatIssue('x.yaml', i))).toEqual([expect.stringMatching(/^x\.yaml: --set stages=20: stages: /)]);
  });

  const SEQUENTIAL = 'steps: 100\nlr:\n  scheduler: SequentialLR\n  base: 0.1\n  milestones: [10]\n  schedulers:\n    - { scheduler: LinearLR, start_factor: 0.1, total_iters: 10 }\n    - { scheduler: CosineAnnealingLR, T_max: 90 }\nmomentum: { preset: pytorch-sgd }\n';
  const setInto = (path: string, value: unknown) => parseSchedules(SEQUENTIAL, { overrides: [{ path: path.split('.'), value, origin: `--set ${path}=${String(value)}` }] }).issues.map((i) => formatIssue('x.yaml', i));

  it('an override inside a list names the option, not the line of the entry it replaced', () => {
    expect(setInto('lr.schedulers.0.scheduler', 'Foo')).toEqual([expect.stringMatching(/^x\.yaml: --set lr\.schedulers\.0\.scheduler=Foo: lr\.schedulers\[0\]\.scheduler: unknown scheduler/)]);
    expect(setInto('lr.schedulers.1.T_max', -3)).toEqual(['x.yaml: --set lr.schedulers.1.T_max=-3: lr.schedulers[1].T_max: must be > 0 (got -3)']);
  });

  it('an index past a list\'s end is one issue at the option, saying how many entries the list has (no holes filled)', () => {
    const has = 'lr.schedulers has 2 entries (indexes 0–1); to add or remove entries, set the whole list (lr.schedulers=[…])';
    expect(setInto('lr.schedulers.2.T_max', 3)).toEqual([`x.yaml: --set lr.schedulers.2.T_max=3: ${has}`]);
    expect(setInto('lr.schedulers.5', 1)).toEqual([`x.yaml: --set lr.schedulers.5=1: ${has}`]);
    expect(setInto('lr.milestones.1', 50)).toEqual(['x.yaml: --set lr.milestones.1=50: lr.milestones has 1 entry (index 0); to add or remove entries, set the whole list (lr.milestones=[…])']);
  });

  it('an override of a momentum OneCycleLR overwrites warns once, naming lr.base_momentum and lr.max_momentum', () => {
    const r = parseSchedules(ONE_CYCLE, { overrides: [{ path: ['momentum', 'momentum'], value: 0.5, origin: '--set momentum.momentum=0.5' }] });
    expect(r.issues).toEqual([]);
    const text = r.warnings.map((w) => formatIssue('x.yaml', w));
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/^x\.yaml: --set momentum\.momentum=0\.5: warning: lr's OneCycleLR overwrites momentum\.momentum at every step .* lr\.base_momentum and lr\.max_momentum/);
  });
});

describe('parseSchedules: what a PyTorch user writes is answered in plain words, in position order', () => {
  const say = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));
  const sgd = (lr: string) => say(`steps: 100\nlr: ${lr}\nmomentum: { preset: pytorch-sgd }\n`);

  it('torch keys a preset does not take point to what it takes: adam-m betas → beta1, pytorch-sgd nesterov → preset: nesterov', () => {
    expect(say('steps: 100\nmomentum: { preset: adam-m, betas: [0.9, 0.999] }\n')[0]).toMatch(/^x\.yaml:2:29: momentum\.betas: unknown key: torch's betas\[0\] is beta1 here/);
    expect(say('steps: 100\nmomentum: { preset: pytorch-sgd, nesterov: true }\n')[0]).toMatch(/^x\.yaml:2:34: momentum\.nesterov: unknown key: .*preset: nesterov/);
  });

  it('pytorch-sgd takes nesterov: false, torch\'s default (plain momentum), and resolves as without it', () => {
    const plain = parseSchedules('steps: 100\nmomentum: { preset: pytorch-sgd, momentum: 0.9 }\n');
    const spelt = parseSchedules('steps: 100\nmomentum: { preset: pytorch-sgd, momentum: 0.9, nesterov: false }\n');
    expect(spelt.issues).toEqual([]);
    // u = momentum = 0.9, v = 1 − dampening = 1 (torch.optim.SGD with dampening 0).
    expect([spelt.schedules[0].stages.u[0], spelt.schedules[0].stages.v[0]]).toEqual([0.9, 1]);
    expect(spelt.schedules[0].stages.u).toEqual(plain.schedules[0].stages.u);
  });

  it('ademamix betas map to beta1 and beta3; standard-sgdm nesterov: true points to preset nesterov; weight_decay is said not to enter the filter', () => {
    expect(say('steps: 100\nmomentum: { preset: ademamix, betas: [0.9, 0.999, 0.9999] }\n')[0]).toMatch(/momentum\.betas: unknown key: .*beta1: betas\[0\] and beta3: betas\[2\]/);
    expect(say('steps: 100\nmomentum: { preset: standard-sgdm, nesterov: true }\n')[0]).toMatch(/momentum\.nesterov: unknown key: nesterov: true is preset: nesterov/);
    expect(say('steps: 100\nmomentum: { preset: standard-sgdm, weight_decay: 0.0005 }\n')[0]).toMatch(/momentum\.weight_decay: unknown key: weight decay does not enter the momentum filter/);
    expect(say('steps: 100\nmomentum: { preset: pytorch-sgd, weight_decay: 0.0005 }\n')[0]).toMatch(/weight decay does not enter the momentum filter/);
  });

  it('LambdaLR, ChainedScheduler and ReduceLROnPlateau say why they cannot be modelled and that a table can', () => {
    for (const name of ['LambdaLR', 'ChainedScheduler', 'ReduceLROnPlateau']) {
      expect(sgd(`{ scheduler: ${name}, base: 0.1 }`)).toEqual([expect.stringMatching(new RegExp(`^x\\.yaml:2:18: lr\\.scheduler: ${name} cannot be modelled: .*\\{ table: lr\\.csv \\}`))]);
    }
  });

  it('a missing base is the optimizer\'s lr=; an enum and a missing scheduler name in plain words, no zod text; issues by line and column', () => {
    expect(sgd('{ scheduler: CosineAnnealingLR, T_max: 10 }')).toEqual(["x.yaml:2:5: lr.base: is required (a number): the lr= you gave the optimizer (torch's initial_lr), which the scheduler scales"]);
    expect(sgd('{ scheduler: OneCycleLR, anneal_strategy: cosine, max_lr: "0.1", pct_strat: 0.3 }')).toEqual([
      'x.yaml:2:47: lr.anneal_strategy: must be one of "cos", "linear" (got "cosine")',
      'x.yaml:2:63: lr.max_lr: expected a number (got "0.1")',
      'x.yaml:2:70: lr.pct_strat: unknown key (did you mean "pct_start"?)',
    ]);
    const child = say('steps: 100\nlr:\n  scheduler: SequentialLR\n  base: 0.1\n  milestones: [10]\n  schedulers:\n    - { T_max: 3 }\n    - { scheduler: CosineAnnealingLR, T_max: 90 }\nmomentum: { preset: pytorch-sgd }\n');
    expect(child).toHaveLength(1);
    expect(child[0]).toMatch(/^x\.yaml:7:7: lr\.schedulers\[0\]\.scheduler: is required \(one of OneCycleLR, CyclicLR, /);
    expect(child.join('\n')).not.toMatch(/Invalid|discriminator|expected one of/);
  });
});
