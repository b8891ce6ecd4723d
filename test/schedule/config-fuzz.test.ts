import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { analyze } from '../../src/analysis/analyze.js';
import { linearGrid } from '../../src/filter/grid.js';
import { FUNCTION_ARITY } from '../../src/schedule/expression-functions.js';
import { ConfigError, formatIssue, type ConfigIssue } from '../../src/schedule/issues.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { SCHEDULER_NAMES } from '../../src/schedule/schedulers/index.js';
import { schedulerKeys } from '../../src/schedule/schedulers/scheduler-value.js';
import { runCli } from '../support/run-cli.js';

/**
 * The config fuzz: generated configs, valid and broken, for every preset and for custom u/v, with
 * learning rates and preset parameters in every value form (schedulers included), through
 * the library and the CLI. Property: every input either analyses or yields typed issues, each with a
 * key path (and, for text, a line and column); never another exception. Sizes are bounded (steps ≤
 * 5000, short expressions, at most a few 10 kB of text) so that each case takes milliseconds.
 */

const GRID = linearGrid(4);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).length;
const PRESET_NAMES = [...PRESETS.keys()];
const STAGE_VARIABLES = ['k', 'N', 't', 'T', 'p', 'delta'];

// ---- expressions, from the grammar (wrong arity, unknown names and functions included) ----------

const { expr } = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    tie('leaf'),
    tie('unary'),
    tie('binary'),
    tie('call'),
    tie('conditional'),
    tie('parenthesis'),
  ),
  leaf: fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 20 }).map(String) },
    { weight: 4, arbitrary: fc.constantFrom(...STAGE_VARIABLES, 'u', 'pi', 'e', 'tau', 'mu', 'warmup') },
    { weight: 1, arbitrary: fc.constantFrom('zz', 'max', 'true', '"s"', '2 cm', '[1, 2]', 'a.b', '1e999', 'x = 1') },
  ),
  unary: fc.tuple(fc.constantFrom('-', '+', 'not ', '-', '!'), tie('expr')).map(([op, e]) => `${op}${e}`),
  binary: fc
    .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '%', ' mod ', '<', '>', '<=', '>=', '==', '!=', ' and ', ' or ', ' xor ', '=', "'"), tie('expr'))
    .map(([a, op, b]) => `${a}${op}${b}`),
  call: fc
    .tuple(fc.constantFrom(...FUNCTION_ARITY.keys(), 'sum', 'evaluate', 'import', 'f'), fc.array(tie('expr'), { maxLength: 4 }))
    .map(([f, args]) => `${f}(${args.join(', ')})`),
  conditional: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
  parenthesis: tie('expr').map((e) => `(${e})`),
}));

const pathological = fc.constantFrom(
  `1${'+1'.repeat(2000)}`,
  `${'-'.repeat(5000)}1`,
  `${'('.repeat(3000)}1${')'.repeat(3000)}`,
  `${'-'.repeat(400)}0.5`,
  `${'0+'.repeat(150)}0.5`,
  `${'abs('.repeat(120)}0.5${')'.repeat(120)}`,
  'round(0.5, 20)',
  'round(0.5, k + 14)',
  'min(sqrt(-1), 0.5)',
  'x'.repeat(3000),
  '',
  ' ',
  '\n',
);

const expression = fc.oneof({ weight: 8, arbitrary: expr }, { weight: 1, arbitrary: pathological });

// ---- values that do not belong where they are put -----------------------------------------------

const special = fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e13, 1e308, -1e308, 2 ** 53 + 2, 5e-324, 0, -1, 0.5, 1, 1.5);
const smallInt = fc.integer({ min: -3, max: 5000 });

const strayValue: fc.Arbitrary<unknown> = fc.oneof(
  special,
  smallInt,
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('ten', 'x-base', '__proto__', 'constructor', '*', '&a', '!!set', 'ä'.repeat(200)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(smallInt, fc.string({ maxLength: 4 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), smallInt, { maxKeys: 3 }),
  fc.integer({ min: 60, max: 70 }).map((n) => nested(n)),
);

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

// ---- configs ------------------------------------------------------------------------------------

const coefficient = fc.oneof(
  fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  expression,
  fc.array(fc.oneof(fc.double({ min: -0.99, max: 0.99, noNaN: true }), expression), { minLength: 1, maxLength: 5 }),
  fc
    .tuple(
      fc.boolean(),
      fc.array(fc.record({ from: fc.integer({ min: 0, max: 3000 }), value: fc.oneof(fc.double({ min: -0.99, max: 0.99, noNaN: true }), expression) }), { minLength: 1, maxLength: 4 }),
    )
    // Mostly well-formed (first segment from step 1, increasing), sometimes not.
    .map(([ordered, segments]) => ({ piecewise: ordered ? segments.sort((a, b) => a.from - b.from).map((s, i) => (i === 0 ? { ...s, from: 1 } : s)) : segments })),
);

/**
 * `{ scheduler: … }` values: every torch / Hugging Face name (and a few wrong ones), each with a random
 * subset of its own kwargs, valued mostly in range (small step counts, factors in (0, 1], sorted
 * milestones) and sometimes not (special numbers, strings, lists where torch takes one number).
 */
const kwargValue = (key: string): fc.Arbitrary<unknown> => {
  const plausible: fc.Arbitrary<unknown> =
    key === 'anneal_strategy'
      ? fc.constantFrom('cos', 'linear', 'quad')
      : key === 'mode'
        ? fc.constantFrom('triangular', 'triangular2', 'exp_range', 'sine')
        : ['cycle_momentum', 'three_phase', 'verbose'].includes(key)
          ? fc.boolean()
          : ['milestones', 'xp'].includes(key)
            ? fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.sort((a, b) => a - b))
            : key === 'fp'
              ? fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 })
              : fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }));
  return fc.oneof({ weight: 9, arbitrary: plausible }, { weight: 1, arbitrary: strayValue });
};

const schedulerOf = (names: readonly string[], asChild: boolean, child: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.constantFrom(...names, 'OneCycle', 'LambdaLR').chain((name) => {
    const keys = schedulerKeys(name, asChild).filter((k) => k !== 'scheduler');
    const kwargs = keys.map((key) => fc.option((key === 'schedulers' ? fc.array(child, { minLength: 1, maxLength: 3 }) : kwargValue(key)).map((v) => [key, v] as const), { freq: 3 }));
    return fc.tuple(...kwargs).map((pairs) => ({ scheduler: name, ...Object.fromEntries(pairs.filter((p) => p !== null)) }));
  });

const sequentialChild = schedulerOf(
  SCHEDULER_NAMES.filter((n) => n !== 'SequentialLR' && n !== 'interp'),
  true,
  fc.constant({}),
);
const scheduler = schedulerOf(SCHEDULER_NAMES, false, sequentialChild);

/** A schedule value of any form: number, expression, per-stage list, piecewise segments or a scheduler. */
const scheduleValue = (numbers: fc.Arbitrary<number>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: numbers },
    { weight: 2, arbitrary: expression },
    { weight: 1, arbitrary: fc.array(fc.oneof(numbers, expression), { minLength: 1, maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.record({ from: fc.integer({ min: 1, max: 3000 }), value: fc.oneof(numbers, expression) }), { minLength: 1, maxLength: 4 })
        .map((segments) => ({ piecewise: segments.sort((a, b) => a.from - b.from).map((seg, i) => (i === 0 ? { ...seg, from: 1 } : seg)) })),
    },
    { weight: 3, arbitrary: scheduler },
  );

// Mostly a training run's rates, sometimes ones whose update response α·|H| is at the edge of binary64.
const learningRate = scheduleValue(fc.oneof({ weight: 9, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e306, 1e307, 1e308) }));

const params = fc.oneof(
  { weight: 4, arbitrary: fc.record({ mu: fc.double({ min: 1, max: 5000, noNaN: true }), warmup: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('mu', 'warmup', 'max', 'pi', 't', 'u', 'bad name', 'x'.repeat(100)), fc.oneof(fc.double({ min: -5, max: 5000, noNaN: true }), special), { maxKeys: 3 }) },
);

const customMomentum = fc.record({ u: coefficient, v: coefficient, params, firstStepCopy: fc.boolean() }, { requiredKeys: ['u'] });

/**
 * A preset's defaults, each number kept, scaled by a random factor (which may make it invalid) or
 * written as a schedule value (expression, list, piecewise, scheduler: refused for a structural one).
 */
const presetMomentum = fc.constantFrom(...PRESET_NAMES).chain((name) => {
  const defaults = PRESETS.get(name)!.params.parse({}) as Record<string, unknown>;
  const entries = Object.entries(defaults).map(([key, value]) =>
    (typeof value === 'number'
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constant(value) },
          { weight: 3, arbitrary: fc.double({ min: 0.5, max: 1.1, noNaN: true }).map((f) => value * f) },
          { weight: 2, arbitrary: scheduleValue(fc.double({ min: 0.5, max: 1.1, noNaN: true }).map((f) => value * f)) },
        )
      : fc.constant(value)
    ).map((v) => [key, v] as const),
  );
  return fc.tuple(...entries).map((pairs) => ({ preset: name, ...Object.fromEntries(pairs) }));
});

const partition = fc.oneof(
  fc.constant({}),
  fc.integer({ min: 1, max: 40 }).map((stages) => ({ stages })),
  fc.integer({ min: 2, max: 5000 }).map((stageLength) => ({ stageLength })),
);

const schedule = fc
  .tuple(
    fc.record(
      { name: fc.string({ minLength: 1, maxLength: 10 }), steps: fc.integer({ min: 1, max: 5000 }), lr: learningRate, momentum: fc.oneof(presetMomentum, customMomentum) },
      { requiredKeys: ['steps', 'momentum'] },
    ),
    partition,
  )
  .map(([s, p]) => ({ ...s, ...p }));

/** Key paths of every value in a plain object (for mutations). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { at: number; kind: 'set' | 'delete' | 'unknown-key' | 'prototype-key'; value: unknown; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'unknown-key', 'prototype-key'),
  value: strayValue,
  key: fc.constantFrom('stage', 'momentumm', 'x-anchor', 'preset', 'u', 'schedules', 'sweep', 'ä'.repeat(90), '__proto__', 'constructor', 'prototype'),
});

function mutate(root: unknown, mutations: Mutation[]): unknown {
  let value = structuredClone(root);
  for (const m of mutations) {
    const all = paths(value);
    const path = all[m.at % all.length];
    if (path.length === 0) {
      if (m.kind === 'set') value = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
    const key = path[path.length - 1];
    const target = parent[key];
    if (m.kind === 'set') parent[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      // An own property, even for __proto__ (what JSON.parse and the yaml package create).
      const name = m.kind === 'prototype-key' ? (['__proto__', 'constructor', 'prototype'] as const)[m.at % 3] : m.key;
      Object.defineProperty(target, name, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return value;
}

const configValue = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: schedule },
      { weight: 1, arbitrary: fc.array(schedule, { minLength: 1, maxLength: 3 }).map((schedules) => ({ schedules })) },
    ),
    fc.array(mutation, { maxLength: 3 }),
  )
  .map(([config, mutations]) => mutate(config, mutations));

// ---- text ----------------------------------------------------------------------------------------

const YAML_NOISE = ['[', ']', '{', '}', ':', '- ', '? ', '*a', '&a ', '!!set ', '!foo ', '|', '>', '#', "'", '"', '\n', '\t', ',', '%YAML 1.2\n', '---\n', '...\n', '<<: ', '\u00ff', '\ufeff', '\0', '\\'];

const textEdit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'truncate'), noise: fc.constantFrom(...YAML_NOISE), length: fc.integer({ min: 1, max: 12 }) });

function edit(text: string, edits: { at: number; kind: string; noise: string; length: number }[]): string {
  let out = text;
  for (const e of edits) {
    const i = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, i) + e.noise + out.slice(i);
    else if (e.kind === 'delete') out = out.slice(0, i) + out.slice(i + e.length);
    else out = out.slice(0, i);
  }
  return out;
}

function render(value: unknown, as: 'yaml' | 'json' | 'flow'): string {
  if (as === 'json') return JSON.stringify(value) ?? '';
  return stringify(value, { aliasDuplicateObjects: true, ...(as === 'flow' ? { collectionStyle: 'flow' as const } : {}) });
}

/** Anchors in an `x-` key (the Compose idiom), aliases to missing anchors, complex keys, several documents. */
const handWritten = fc.oneof(
  fc.tuple(presetMomentum, fc.integer({ min: 1, max: 5000 })).map(([m, steps]) => `x-base: &b ${render(m, 'flow').trim()}\nsteps: ${steps}\nmomentum: *b\n`),
  fc.tuple(presetMomentum, fc.constantFrom('*b', '*nope', '*b\nstages: *b', '[*b]')).map(([m, alias]) => `x-base: &b ${render(m, 'flow').trim()}\nsteps: 100\nmomentum: ${alias}\n`),
  fc.constantFrom(
    '',
    '---',
    '~',
    '- 1',
    '42',
    '"str"',
    '[]',
    '{}',
    '---\n---\n',
    'schedules: [~]',
    'schedules: []',
    'schedules: [1, [2], {steps: 1, momentum: {u: 0}}]',
    'a: &a [*a]\nsteps: 1\nmomentum: {u: 0}',
    '? [1, 2]\n: 3\nsteps: 10\nmomentum: {preset: ema-sgdm}',
    `? ${'['.repeat(300)}${']'.repeat(300)}\n: 1\nsteps: 10\nmomentum: {preset: ema-sgdm}`,
    `steps: 10\nmomentum: {u: 0.5}\nx: ${'- '.repeat(500)}1`,
    'steps: !!binary aGVsbG8=\nmomentum: {u: 0.5}',
    'steps: 10\nmomentum: !!set {u, v}',
    'steps: 10\nmomentum: {u: 0.5, params: {__proto__: 1}}',
    'steps: 10\nconstructor: 1\nmomentum: {u: 0.5}',
    'steps: 1e400\nmomentum: {u: .nan}',
    'steps: 10\nmomentum: {u: 0.5}\n---\nsteps: 0\nmomentum: {u: 2}',
  ),
);

const configText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(configValue, fc.constantFrom('yaml', 'json', 'flow') as fc.Arbitrary<'yaml' | 'json' | 'flow'>).map(([v, as]) => render(v, as)) },
  { weight: 2, arbitrary: fc.tuple(configValue, fc.array(textEdit, { minLength: 1, maxLength: 3 })).map(([v, edits]) => edit(render(v, 'yaml'), edits)) },
  { weight: 2, arbitrary: handWritten },
  { weight: 1, arbitrary: fc.tuple(handWritten, fc.array(textEdit, { minLength: 1, maxLength: 2 })).map(([t, edits]) => edit(t, edits)) },
);

// ---- the property ---------------------------------------------------------------------------------

/** Every issue is data: a code, a key path, a one-line message, and (for text) a line and column. */
function expectTyped(issues: readonly ConfigIssue[], located: boolean): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    const shown = formatIssue('x.yaml', issue);
    expect(typeof issue.code, shown).toBe('string');
    expect(Array.isArray(issue.path), shown).toBe(true);
    expect(issue.path.every((k) => typeof k === 'string' || Number.isInteger(k)), shown).toBe(true);
    expect(shown, shown).not.toMatch(/[\n\r]/);
    // The message shows ~80 characters of any input at most (paths and values are cut); the rest is ours.
    expect(shown.length, shown).toBeLessThan(600);
    if (located) {
      expect(Number.isInteger(issue.line) && issue.line! >= 1, shown).toBe(true);
      expect(Number.isInteger(issue.column) && issue.column! >= 1, shown).toBe(true);
    }
  }
}

/** analyze(input) returns a result with schedules, or throws a ConfigError with typed issues. */
function analysesOrIsRefused(input: unknown, located: boolean): void {
  try {
    analysisOrIssues(input, located);
  } finally {
    // No input reaches Object.prototype (a polluted prototype breaks every later parse).
    expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(PROTOTYPE_NAMES);
  }
}

function analysisOrIssues(input: unknown, located: boolean): void {
  let result;
  try {
    result = analyze(input as string, { frequencies: GRID });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw new Error(`untyped ${String((err as Error)?.name)}: ${String((err as Error)?.message)}`, { cause: err });
    expectTyped(err.issues, located);
    return;
  }
  expect(result.schedules.length).toBeGreaterThan(0);
  // Every stage, or display stages above 1000 of them (stages: 'auto').
  for (const s of result.schedules) expect(s.stages.length).toBe(s.display ? s.display.stages : s.stageCount);
  // Stable stages (analyze refuses others by default) have finite gains, and so, with lr, finite update gains.
  for (const s of result.schedules) {
    for (const stage of s.stages) {
      expect(Number.isFinite(stage.metrics.dcGain), `dcGain of ${s.name} stage ${stage.index}`).toBe(true);
      if (stage.lr !== undefined) expect(Number.isFinite(stage.metrics.effectiveLearningRate), `effectiveLearningRate of ${s.name} stage ${stage.index} (lr ${stage.lr})`).toBe(true);
    }
  }
  if (result.warnings) expectTyped(result.warnings, located);
}

/**
 * The properties' cases (fixed seed: test/support/fast-check-seed.ts) run in blocks of BLOCK, each its
 * own test with its own timeout, so a loaded machine never holds one test for minutes. fast-check's
 * `path` skips the cases before a block: the blocks are exactly the cases of one run of TEXT_RUNS
 * (resp. OBJECT_RUNS), with shrinking as before.
 */
const TEXT_RUNS = 2500;
const OBJECT_RUNS = 1000;
const BLOCK = 500;
const blocks = (runs: number): number[] => Array.from({ length: runs / BLOCK }, (_, i) => i * BLOCK);
const casesFrom = (from: number): fc.Parameters<unknown> => ({ numRuns: BLOCK, ...(from > 0 ? { path: String(from) } : {}) });

describe('config fuzz: every input analyses or yields typed, located issues', () => {
  for (const from of blocks(TEXT_RUNS)) {
    it(`config text (YAML and JSON, valid and mutated, every preset and custom u/v) never throws anything but a ConfigError (cases ${from + 1}–${from + BLOCK} of ${TEXT_RUNS})`, () => {
      fc.assert(
        fc.property(configText, (text) => analysesOrIsRefused(text, true)),
        casesFrom(from),
      );
    });
  }

  const exotic = fc.constantFrom<unknown>(
    undefined,
    null,
    42,
    'steps: 1',
    [],
    () => 1,
    new Date(0),
    new Map([['steps', 1]]),
    Object.create(null),
    { steps: 10, momentum: { u: 0.5, params: { mu: () => 1 } } },
    { steps: 10, momentum: { u: new Float64Array([0.5]) } },
    { steps: 10n, momentum: { u: 0.5 } },
    { steps: 10, momentum: { u: Symbol('u') } },
    (() => {
      const cyclic: Record<string, unknown> = { steps: 10, momentum: { u: 0.5 } };
      cyclic.self = cyclic;
      return cyclic;
    })(),
    Object.defineProperty({ steps: 10 }, 'momentum', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    }),
    new Proxy({}, { ownKeys: () => { throw new Error('proxy'); } }),
  );
  for (const from of blocks(OBJECT_RUNS)) {
    it(`config objects given to analyze are validated by the same rules: issues with key paths, never a TypeError (cases ${from + 1}–${from + BLOCK} of ${OBJECT_RUNS})`, () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 9, arbitrary: configValue }, { weight: 1, arbitrary: exotic }), (value) => analysesOrIsRefused(value, false)),
        casesFrom(from),
      );
    });
  }

  it('the CLI exits 0 or 2 on the same inputs, and every line on stderr is located (file:line:col) or a summary', async () => {
    const cases = fc.sample(configText, { numRuns: 150 });
    for (const text of cases) {
      for (const argv of [['validate', '-'], ['analyze', '-', '--format', 'json', '--freqs', '4']]) {
        const r = await runCli(argv, { input: text });
        expect([0, 2], `${argv.join(' ')} on ${JSON.stringify(text)}:\n${r.stderr}`).toContain(r.code);
        for (const line of r.stderr.split('\n').filter((l) => l !== '')) {
          expect(line, `${argv.join(' ')} on ${JSON.stringify(text)}`).toMatch(/^<stdin>(:\d+:\d+: .+|: ok \(.*\))$/);
        }
      }
    }
  });
});
