import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ARITY, MAX_DECIMALS } from '../../src/schedule/expression-functions.js';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { compileExpression, mathEngine } from '../../src/schedule/expression.js';
import { sandboxFactories, SANDBOX_NAMES } from '../../src/schedule/mathjs-provider.js';

const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));
const withU = (u: string, extra = '') => `steps: 100\nstages: 4\nmomentum:\n  u: ${JSON.stringify(u)}\n${extra}`;

describe('expressions: the allowed functions and their argument counts', () => {
  // The reference is mathjs itself: a call with n real arguments evaluates to a real number exactly
  // when the table allows n arguments (0.5 and 2 are in every function's domain; 2 decimals are valid).
  const mathjs = createRequire(import.meta.url)('mathjs');
  const math = mathjs.create(mathjs.all, { number: 'number', predictable: true });
  for (const [name, arity] of FUNCTION_ARITY) {
    it(`${name}() accepts ${arity.min}${arity.max === arity.min ? '' : `…${arity.max}`} arguments, as mathjs evaluates them to a real number`, () => {
      for (let n = 0; n <= 4; n++) {
        const args = Array.from({ length: n }, (_, i) => (i === 0 ? '0.5' : '2')).join(', ');
        let real: boolean;
        try {
          real = typeof math.evaluate(`${name}(${args})`) === 'number';
        } catch {
          real = false;
        }
        const accepted = parseSchedules(withU(`0 * ${name}(${args}) + 0.5`)).issues.length === 0;
        expect(accepted, `${name}(${args}): mathjs ${real ? 'gives a number' : 'refuses'}`).toBe(real);
      }
    });
  }

  it.each([
    ['max()', 'max() takes at least 1 argument (got 0)'],
    ['sqrt(1, 2)', 'sqrt() takes 1 argument (got 2)'],
    ['pow(1)', 'pow() takes 2 arguments (got 1)'],
    ['log(1,2,3)', 'log() takes 1 or 2 arguments (got 3)'],
    ['round(0.5, 20)', `round(x, n): n is the number of decimals, a whole number from 0 to ${MAX_DECIMALS} (got 20)`],
  ])('%s is refused before evaluation, at momentum.u with its position', (u, problem) => {
    expect(messages(withU(u))).toEqual([`x.yaml:4:6: momentum.u: expression ${JSON.stringify(u)}: ${problem}`]);
  });

  it('a number of decimals computed per stage is checked when evaluated, naming the stage where it fails', () => {
    expect(messages(withU('round(0.5, k + 14)'))).toEqual([
      'x.yaml:4:6: momentum.u: expression "round(0.5, k + 14)": Number of decimals in function round must be an integer from 0 to 15 inclusive in stage 2 (steps 51–75)',
    ]);
  });

  it('a failing expression inside a per-stage list or a piecewise segment is named by its own key path', () => {
    expect(messages('steps: 100\nstages: 2\nmomentum:\n  u: [0.5, "round(0.5, k + 15)"]\n')).toEqual([
      'x.yaml:4:12: momentum.u[1]: expression "round(0.5, k + 15)": Number of decimals in function round must be an integer from 0 to 15 inclusive in stage 1 (steps 51–100)',
    ]);
    expect(messages('steps: 100\nstages: 2\nmomentum:\n  u: { piecewise: [ { from: 1, value: 0.5 }, { from: 51, value: "pow(2)" } ] }\n')[0]).toBe(
      'x.yaml:4:65: momentum.u.piecewise[1].value: expression "pow(2)": pow() takes 2 arguments (got 1)',
    );
  });

  it('results that are not real numbers (sqrt(−1), acos(2), min(sqrt(−1), 0.5)) are errors of momentum.u naming the stages', () => {
    for (const u of ['sqrt(-1)', 'acos(2)', 'min(sqrt(-1), 0.5)', 'log(-1)']) {
      expect(messages(withU(u)), u).toEqual([
        'x.yaml:4:6: momentum.u: u is not a finite number in stage 0 (steps 1–25): NaN, stage 1 (steps 26–50): NaN, stage 2 (steps 51–75): NaN and 1 more stage',
      ]);
    }
    expect(messages(withU('sqrt(p - 0.5)'))).toEqual(['x.yaml:4:6: momentum.u: u is not a finite number in stage 0 (steps 1–25): NaN, stage 1 (steps 26–50): NaN']);
  });

  it('a params name that is a function or a constant is refused: max(…) would call the number', () => {
    expect(messages('steps: 100\nmomentum:\n  params: { max: 1, pi: 3 }\n  u: "max(p, 0.5)"\n')).toEqual([
      'x.yaml:3:13: momentum.params.max: "max" is the name of a function or constant in expressions; choose another name',
      'x.yaml:3:21: momentum.params.pi: "pi" is the name of a function or constant in expressions; choose another name',
    ]);
  });

  it('v and --set values are expressions too, checked the same way', () => {
    expect(messages('steps: 100\nmomentum:\n  u: 0.5\n  v: "hypot()"\n')).toEqual(['x.yaml:4:6: momentum.v: expression "hypot()": hypot() takes at least 1 argument (got 0)']);
    const r = parseSchedules('steps: 100\nmomentum: { u: 0.5 }\n', { overrides: [{ path: ['momentum', 'u'], value: 'atan2(1)' }] });
    expect(r.issues.map((i) => i.message)).toEqual(['expression "atan2(1)": atan2() takes 2 arguments (got 1)']);
  });
});

describe('expressions: too long or too deep is a short error, never a stack overflow', () => {
  it.each([
    ['a 2 000-term sum', `1${'+1'.repeat(2000)}`, 'expression too long: 4001 characters, at most 1000'],
    ['5 000 unary minus', `${'-'.repeat(5000)}1`, 'expression too long: 5001 characters, at most 1000'],
    ['3 000 parentheses', `${'('.repeat(3000)}1${')'.repeat(3000)}`, 'expression too long: 6001 characters, at most 1000'],
    ['900 unary minus', `${'-'.repeat(900)}0.5`, 'expression too deep: nested more than 100 levels'],
    ['a 200-term sum', `${'0+'.repeat(200)}0.5`, 'expression too deep: nested more than 100 levels'],
    ['150 parentheses', `${'('.repeat(150)}0.5${')'.repeat(150)}`, 'expression too deep: nested more than 100 levels'],
    ['120 nested calls', `${'abs('.repeat(120)}0.5${')'.repeat(120)}`, 'expression too deep: nested more than 100 levels'],
  ])('%s', (_what, u, message) => {
    expect(messages(withU(u))).toEqual([`x.yaml:4:6: momentum.u: ${message}`]);
  });

  it('an expression of realistic depth (a 50-term sum in 40 parentheses) is fine', () => {
    const u = `${'('.repeat(40)}${'0.01+'.repeat(49)}0.01${')'.repeat(40)}`;
    const r = parseSchedules(withU(u));
    expect(r.issues).toEqual([]);
    expect(r.schedules[0].stages.u[0]).toBeCloseTo(0.5, 12);
  });

  it('messages quote at most ~80 characters of an expression, on one line', () => {
    const long = `${'x'.repeat(300)}\n+1`;
    const [m] = messages(withU(long));
    expect(m).toBe(`x.yaml:4:6: momentum.u: expression "${'x'.repeat(79)}…": several statements is not allowed; unknown variable "${'x'.repeat(79)}…" (known: N, T, delta, k, p, t)`);
  });
});

describe('the sandbox\'s mathjs instance: the schedule language\'s factories only', () => {
  const mathjs = createRequire(import.meta.url)('mathjs') as { create(f: unknown, c: object): Record<string, unknown>; all: Record<string, unknown> };
  const full = mathjs.create(mathjs.all, { number: 'number', predictable: true }) as { evaluate(s: string, scope: Map<string, number>): unknown };

  it('is made without units, the symbolic functions or the rest of mathjs (what made the first expression cost ~0.3 s)', () => {
    const engine = mathEngine();
    for (const name of SANDBOX_NAMES) expect(engine.lookup!(name), name).toBeDefined();
    for (const name of ['Unit', 'unit', 'sum', 'gamma', 'lusolve', 'format', 'random']) expect(engine.lookup!(name), name).toBeUndefined();
    const factories = Object.keys(sandboxFactories(mathjs.all));
    expect(factories).toContain('createParse');
    expect(factories).toContain('createMaxTransform'); // max in an expression is max.transform
    expect(factories.length).toBeLessThan(Object.keys(mathjs.all).length / 3);
  });

  it('evaluates comparisons, logic, conditionals and constants as a full mathjs instance does, ties within its tolerance too', () => {
    // Outside the fast path's grammar: compiled by the sandbox's own mathjs (test/schedule/arithmetic-evaluator.test.ts holds the rest to the full instance).
    const sources = [
      't > mu ? 1 : 0', 't >= mu', 't < mu', 't <= mu', 't == mu', 't != mu', 'not t', 'not mu', 't > 1 and mu < 0.5', 't > 1 or mu < 0.5', 't xor mu',
      'min(t, mu) == mu ? pi : e', 'tau * t % mu', '(t - 1) / 1849 == floor((t - 1) / 1849)', 'mu ^ (1 / 3)', 'log(mu, t)', 'log1p(mu, t)', 'round(mu, 3)', 'hypot(t, mu, 2)',
    ];
    const variables = new Set(['t', 'mu']);
    for (const source of sources) {
      const f = compileExpression(source, variables);
      for (const [t, mu] of [[1, 1], [3, 3 + 1e-13], [3, 3 - 1e-9], [2, -8], [1850, 0.5], [5, Number.NaN], [0, 0], [7, -0]]) {
        const scope = new Map([['t', t], ['mu', mu]]);
        const expected = full.evaluate(source, scope);
        expect(f.evaluate(scope), `${source} at t = ${t}, mu = ${mu}`).toBe(typeof expected === 'boolean' ? Number(expected) : expected);
      }
    }
  });

  it('makes a function the fast path calls only at ties (floor beside an integer) when first called, not when the expression compiles', () => {
    let made = 0;
    const floor = mathjs.all.createFloor as ((scope: unknown) => unknown) & Record<string, unknown>;
    const counted = Object.assign((scope: unknown) => (made++, floor(scope)), { isFactory: true, fn: floor.fn, dependencies: floor.dependencies, meta: floor.meta });
    const engine = mathEngine({ create: mathjs.create as never, all: { ...mathjs.all, createFloor: counted } });
    const f = compileExpression('floor(t / 3)', new Set(['t']), engine);
    expect(f.evaluate(new Map([['t', 4]]))).toBe(1);
    expect(made).toBe(0);
    // 3·(1 − 2⁻⁵³)/3 is within mathjs' tolerance of 1: its floor is 1 (JavaScript's is 0), which only mathjs' floor decides.
    const tie = 3 * (1 - 2 ** -53);
    expect(f.evaluate(new Map([['t', tie]]))).toBe(full.evaluate('floor(t / 3)', new Map([['t', tie]])));
    expect(f.evaluate(new Map([['t', tie]]))).toBe(1);
    expect(made).toBe(1);
  });

  it('refuses a mathjs without a factory the language needs, naming it (a programmer error)', () => {
    const { createFloor: _, ...noFloor } = mathjs.all;
    expect(() => sandboxFactories(noFloor)).toThrow('momentum-fr: mathjs has no factory of "floor", which expressions need');
  });
});
