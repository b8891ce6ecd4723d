import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { arithmeticBlockEvaluator, arithmeticEvaluator, type ArithmeticNode } from '../../src/schedule/arithmetic-evaluator.js';
import { compileExpression, mathEngine } from '../../src/schedule/expression.js';
import { FUNCTION_ARITY } from '../../src/schedule/expression-functions.js';

// The reference is mathjs itself, a full instance (every factory of mathjs' `all`, as the sandbox was
// made before it took only sandboxFactories) evaluating the same expression; the sandbox's own
// mathjs evaluation (its fallback from the fast path) is held to it too.
const engine = mathEngine();
const mathjs = createRequire(import.meta.url)('mathjs') as { create(f: unknown, c: object): { parse(s: string): { compile(): { evaluate(s: Map<string, number>): unknown } } }; all: unknown };
const full = mathjs.create(mathjs.all, { number: 'number', predictable: true });
/** The expression compiled by the full mathjs. */
const reference = (source: string) => full.parse(source).compile();
const variables = new Set(['k', 'N', 't', 'T', 'p', 'delta', 'mu']);

type Outcome = { value: number } | { error: string };

function outcome(f: () => unknown): Outcome {
  try {
    return { value: f() as number };
  } catch (err) {
    return { error: String((err as Error)?.message ?? err) };
  }
}

/** Both outcomes equal: the same number bit for bit (Object.is: NaN ≡ NaN, −0 ≠ 0), or the same error message. */
function expectSame(fast: Outcome, slow: Outcome, what: string): void {
  if ('value' in fast && 'value' in slow) expect(Object.is(fast.value, slow.value), `${what}: fast ${fast.value}, mathjs ${slow.value}`).toBe(true);
  else expect(fast, what).toEqual(slow);
}

/** A step's variables as the cursor sets them per step (k = t − 1, N = T, p = t/T, delta = 1), and a parameter. */
const scopeArb = fc
  .record({ T: fc.integer({ min: 1, max: 2_000_000 }), at: fc.double({ min: 0, max: 1, noNaN: true }), mu: fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, -0, 0.5, 1e-300, 3)) })
  .map(({ T, at, mu }) => {
    const t = Math.min(T, 1 + Math.floor(at * T));
    return new Map([['k', t - 1], ['N', T], ['t', t], ['T', T], ['p', t / T], ['delta', 1], ['mu', mu]]);
  });

/** Numbers as configs write them: integers, decimals, ties (2.5), tiny and huge ones. */
const numberArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map(String),
  fc.constantFrom('0.5', '2.5', '0.1', '0.3', '1e-3', '1e5', '1e15', '1e-320', '0.49999999999999994', '1849', '0.937', '3'),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
);

const FUNCTIONS = [...FUNCTION_ARITY].map(([name, arity]) => ({ name, min: arity.min, max: Math.min(arity.max, 3) }));

/** Expressions of the fast path's grammar: numbers, variables, constants, + − × ÷ ^ %, unary ±, parentheses, the allowed functions. */
const { expr } = fc.letrec<{ expr: string; leaf: string; node: string }>((tie) => ({
  leaf: fc.oneof(numberArb, fc.constantFrom(...variables), fc.constantFrom('pi', 'e', 'tau')),
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
  node: fc.oneof(
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '%'), tie('expr')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(fc.constantFrom('-', '+'), tie('expr')).map(([op, a]) => `${op}(${a})`),
    fc.constantFrom(...FUNCTIONS).chain((f) => fc.array(tie('expr'), { minLength: f.min, maxLength: f.max }).map((args) => `${f.name}(${args.join(', ')})`)),
    // floor/ceil/round of a quotient or product lands on and beside integers and halves: mathjs' tolerance at work.
    fc.tuple(fc.constantFrom('floor', 'ceil', 'round', 'fix'), fc.constantFrom('t', 'k', 'p * T', 'T * p', '(t - 1)', 'mu'), fc.constantFrom('/', '*'), fc.constantFrom('3', '10', '0.1', '1849', '2', 'T', '0.3', '7'))
      .map(([f, a, op, b]) => `${f}(${a} ${op} ${b})`),
  ),
}));

/** A run of steps cut into blocks (block sizes that do not divide the steps among them) and a parameter. */
const blockRunArb = fc.record({
  steps: fc.integer({ min: 1, max: 40 }),
  blockSize: fc.constantFrom(1, 3, 7, 16, 64),
  mu: fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, -0, 0.5, 3)),
});

/**
 * The block evaluator over steps 1 … steps, block by block, against mathjs step by step: a block it
 * evaluates holds mathjs' value at every step (mathjs throws at none of them); a block it refuses
 * (throws) holds a step where mathjs throws, so the caller's step-by-step evaluation meets that error.
 */
function expectBlocksLikeMathjs(source: string, root: ArithmeticNode, compiled: { evaluate(s: Map<string, number>): unknown }, run: { steps: number; blockSize: number; mu: number }): void {
  const { steps, blockSize, mu } = run;
  const block = arithmeticBlockEvaluator(root, variables, engine.lookup!, blockSize);
  expect(block, `${source} has a block evaluator`).toBeDefined();
  const names = ['k', 'N', 't', 'T', 'p', 'delta', 'mu'] as const;
  const inputs = new Map(names.map((name) => [name as string, new Float64Array(blockSize)]));
  for (let first = 1; first <= steps; first += blockSize) {
    const n = Math.min(blockSize, steps - first + 1);
    const scopes = Array.from({ length: n }, (_, i) => {
      const t = first + i;
      return new Map<string, number>([['k', t - 1], ['N', steps], ['t', t], ['T', steps], ['p', t / steps], ['delta', 1], ['mu', mu]]);
    });
    scopes.forEach((scope, i) => names.forEach((name) => (inputs.get(name)![i] = scope.get(name)!)));
    const got = outcome(() => block!(inputs, n).slice(0, n));
    const slow = scopes.map((scope) => outcome(() => compiled.evaluate(scope)));
    const what = `${source} over steps ${first}–${first + n - 1} of ${steps} (blocks of ${blockSize}, mu = ${mu})`;
    if ('error' in got) expect(slow.some((o) => 'error' in o), `${what}: refused (${got.error}) where mathjs throws at no step`).toBe(true);
    else slow.forEach((o, i) => expectSame({ value: (got.value as unknown as Float64Array)[i] }, o, `${what} at step ${first + i}`));
  }
}

describe('arithmeticEvaluator: the fast path equals mathjs bit for bit', () => {
  it('gives mathjs’ value or error for random expressions of its grammar at random steps', () => {
    fc.assert(
      fc.property(expr, fc.array(scopeArb, { minLength: 1, maxLength: 4 }), blockRunArb, (source, scopes, run) => {
        const root = engine.parse(source) as unknown as ArithmeticNode & { compile(): { evaluate(s: Map<string, number>): unknown } };
        const fast = arithmeticEvaluator(root, variables, engine.lookup!);
        expect(fast, `${source} is in the grammar`).toBeDefined();
        const compiled = reference(source);
        const own = root.compile();
        for (const scope of scopes) {
          const expected = outcome(() => compiled.evaluate(scope));
          expectSame(outcome(() => fast!(scope)), expected, `${source} at ${JSON.stringify([...scope])}`);
          expectSame(outcome(() => own.evaluate(scope)), expected, `${source} by the sandbox's mathjs at ${JSON.stringify([...scope])}`);
        }
        expectBlocksLikeMathjs(source, root, compiled, run);
      }),
      { numRuns: 3000 },
    );
  });

  it('floors, ceils and rounds like mathjs beside integers and halves, where mathjs tolerates round-off', () => {
    // x = n + d for d within and beyond the tolerance (relTol 1e-12): mathjs' floor(2.9999999999999) is 3.
    const names = ['floor', 'ceil', 'round', 'fix'];
    const fs = names.map((name) => arithmeticEvaluator(engine.parse(`${name}(mu)`) as unknown as ArithmeticNode, variables, engine.lookup!)!);
    const compiled = names.map((name) => reference(`${name}(mu)`));
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.constantFrom(0, 0.5, -0.5),
        fc.oneof(fc.double({ min: -1e-9, max: 1e-9, noNaN: true }), fc.constantFrom(0, -0, 1e-13, -1e-13, 4e-12, -4e-12, 1e-11, -1e-11)),
        (n, half, d) => {
          const scope = new Map([['mu', n + half + d]]);
          names.forEach((name, i) => expectSame(outcome(() => fs[i](scope)), outcome(() => compiled[i].evaluate(scope)), `${name}(${n + half + d})`));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('takes min and max like mathjs beside ties, where mathjs keeps the earlier of two nearly equal values', () => {
    const sources = ['min(mu, k)', 'max(k, mu)', 'min(mu, k, t)', 'max(t, mu, k)', 'min(k, mu)'];
    const fs = sources.map((source) => arithmeticEvaluator(engine.parse(source) as unknown as ArithmeticNode, variables, engine.lookup!)!);
    const compiled = sources.map(reference);
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.oneof(fc.double({ min: -1e-9, max: 1e-9, noNaN: true }), fc.constantFrom(0, -0, 1e-13, -1e-13, 1e-12, 2e-12, Number.NaN, Infinity)),
        fc.integer({ min: -1000, max: 1000 }),
        (n, d, t) => {
          const scope = new Map([['mu', n + d], ['k', n], ['t', t]]);
          sources.forEach((source, i) => expectSame(outcome(() => fs[i](scope)), outcome(() => compiled[i].evaluate(scope)), `${source} at mu = ${n + d}, k = ${n}, t = ${t}`));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves comparisons, logic and conditionals to mathjs', () => {
    for (const source of ['t > 5 ? 1 : 0', 'min(t, 5) == 5', 't > 1 and p < 0.5', 'not t']) {
      expect(arithmeticEvaluator(engine.parse(source) as unknown as ArithmeticNode, variables, engine.lookup!), source).toBeUndefined();
    }
  });
});

describe('compileExpression with the fast path', () => {
  it('evaluates the YOLO recipe’s lr as its closed form at every warm-up and epoch boundary', () => {
    // lr = 0.01·((1 − ⌊(t − 1)/1849⌋/300)·0.99 + 0.01)·min(t − 1, 5547)/5547 (configs/yolo-nesterov-warmup.yaml).
    const f = compileExpression('0.01 * ((1 - floor((t - 1) / 1849) / 300) * (1 - 0.01) + 0.01) * min(t - 1, 5547) / 5547', new Set(['t']));
    const scope = new Map<string, number>();
    for (const t of [1, 2, 1849, 1850, 1851, 5547, 5548, 5549, 277_350, 554_700]) {
      scope.set('t', t);
      const expected = 0.01 * ((1 - Math.floor((t - 1) / 1849) / 300) * (1 - 0.01) + 0.01) * Math.min(t - 1, 5547) / 5547;
      expect(f.evaluate(scope), `t = ${t}`).toBe(expected);
    }
  });

  it('reports a variable missing from the scope with mathjs’ own message', () => {
    const f = compileExpression('t + mu', new Set(['t', 'mu']));
    const g = compileExpression('t + mu', new Set(['t', 'mu']), { parse: engine.parse });
    const scope = new Map([['t', 1]]);
    expect(() => f.evaluate(scope)).toThrow(/Undefined symbol mu/);
    expectSame(outcome(() => f.evaluate(scope)), outcome(() => g.evaluate(scope)), 'missing mu');
  });

  it('gives the same located error as mathjs for a computed number of decimals out of range', () => {
    const source = 'round(t, t / 2)';
    const f = compileExpression(source, variables);
    const g = compileExpression(source, variables, { parse: engine.parse });
    for (const t of [2, 3, 40]) {
      const scope = new Map([['t', t]]);
      expectSame(outcome(() => f.evaluate(scope)), outcome(() => g.evaluate(scope)), `t = ${t}`);
    }
    expect(() => f.evaluate(new Map([['t', 3]]))).toThrow(/expression "round\(t, t \/ 2\)"/);
  });
});
