import { FUNCTION_ARITY } from './expression-functions.js';

/** The part of a mathjs node the evaluator reads. */
export interface ArithmeticNode {
  type: string;
  name?: string;
  fn?: string | ArithmeticNode;
  args?: ArithmeticNode[];
  value?: unknown;
  content?: ArithmeticNode;
}

/** An expression as a plain function of its scope. */
export type ArithmeticEvaluator = (scope: ReadonlyMap<string, number>) => number;

/**
 * Thrown by an evaluator where mathjs must decide instead (a variable missing from the scope, a
 * name the scope shadows): the caller then evaluates the expression with mathjs, which gives its
 * own value or error.
 */
export const ASK_MATHJS: unique symbol = Symbol('ask mathjs');

/**
 * mathjs' floor, ceil and round of one number, where they are plain arithmetic: undefined where
 * mathjs' own function must decide. mathjs rounds within its tolerance (function/arithmetic/floor.js:
 * floor(x) is round(x) when x is nearly equal to it, |x − r| ≤ max(relTol·max(|x|, |r|), absTol);
 * round(x) first rounds x to 12 decimals when nearly equal, then half away from zero) and does so by
 * formatting decimal strings, ~15 µs a call. Away from those ties — the next integer (floor, ceil) or
 * the half-integer (round) further than `margin`, twice the farthest the tolerance can move x — the
 * result is JavaScript's; ±0, |x| ≥ 10¹⁵, NaN and ∞ are left to mathjs.
 */
const ROUNDING: Record<string, (x: number, margin: number) => number | undefined> = {
  floor: (x, margin) => {
    if (!(Math.abs(x) < 1e15)) return undefined;
    const f = Math.floor(x);
    return f === x || f + 1 - x > margin ? f : undefined;
  },
  ceil: (x, margin) => {
    if (!(Math.abs(x) < 1e15)) return undefined;
    const c = Math.ceil(x);
    return c === x || x - (c - 1) > margin ? c : undefined;
  },
  round: (x, margin) => {
    // (−0.5, 0] rounds to 0 or −0 by mathjs' decimal strings: left to mathjs.
    if (!(Math.abs(x) < 1e15) || !(x > 0 || x <= -0.5)) return undefined;
    const m = Math.abs(x);
    const whole = Math.floor(m);
    const frac = m - whole;
    if (!(Math.abs(frac - 0.5) > margin)) return undefined;
    const n = frac > 0.5 ? whole + 1 : whole;
    return x < 0 ? -n : n;
  },
};

/**
 * mathjs' min and max of numbers (function/statistics/min.js): the first argument, replaced by each
 * later one that is `smaller` (x < y and not nearlyEqual: a near tie keeps the earlier value), NaN
 * once any is NaN. `better(x, best)` is the plain comparison, used where the two are finite and
 * further apart than the tolerance.
 */
const EXTREMA: Record<string, (x: number, best: number) => boolean> = {
  min: (x, best) => x < best,
  max: (x, best) => x > best,
};

type Tolerance = { relTol: number; absTol: number };

function hasTolerance(t: { relTol?: unknown; absTol?: unknown } | undefined): t is Tolerance {
  return typeof t?.relTol === 'number' && typeof t.absTol === 'number';
}

/**
 * The compiled fast path of an arithmetic expression: a closure tree built from mathjs' parsed tree,
 * without mathjs' scope wrapping and typed dispatch at every node (mathjs takes 2–16 µs an
 * evaluation; a per-step lr is evaluated 10⁵–10⁶ times). Only these node kinds are taken: numbers,
 * variables of `variables`, the constants mathjs defines (pi, e, tau), parentheses, + − × ÷ and
 * unary ± (JavaScript's operators: mathjs' number implementations, addScalar … unaryMinus, are
 * exactly those), ^ and % (mathjs' own pow and mod), and calls of the functions of FUNCTION_ARITY,
 * which call mathjs' own functions — its pow of a negative base is NaN or a real odd root under
 * `predictable`, its min compares within its tolerance, its log(x, b) is log(x)/log(b): the same
 * function gives the same value and the same error — except floor, ceil and round of one argument,
 * which take JavaScript's result where it provably equals mathjs' (ROUNDING). Anything else
 * (comparisons, logic, `a ? b : c`) gives undefined: the expression stays on mathjs. Nothing is
 * built from text: the tree was checked by the sandbox (expression.ts). test/schedule/
 * arithmetic-evaluator.test.ts checks random expressions of this grammar against mathjs bit for bit.
 *
 * @param lookup the sandboxed mathjs instance's property by name: a function, a constant, `config`.
 * @returns the evaluator, or undefined when the tree has a node kind outside this grammar.
 */
export function arithmeticEvaluator(root: ArithmeticNode, variables: ReadonlySet<string>, lookup: (name: string) => unknown): ArithmeticEvaluator | undefined {
  return compileTree<ArithmeticEvaluator>(root, variables, lookup, {
    constant: (value) => () => value,
    variable: (name) => (scope) => {
      const x = scope.get(name);
      if (typeof x !== 'number') throw ASK_MATHJS;
      return x;
    },
    // mathjs reads the scope before its constants.
    named: (name, value) => (scope) => {
      if (scope.has(name)) throw ASK_MATHJS;
      return value;
    },
    negated: (a) => (scope) => -a(scope),
    binary(fn, a, b) {
      switch (fn) {
        case 'add':
          return (scope) => a(scope) + b(scope);
        case 'subtract':
          return (scope) => a(scope) - b(scope);
        case 'multiply':
          return (scope) => a(scope) * b(scope);
        case 'divide':
          return (scope) => a(scope) / b(scope);
        default:
          return (scope) => fn(a(scope), b(scope)) as number;
      }
    },
    call(name, f, args, tolerance) {
      // mathjs looks a function's name up in the scope first.
      const shadowed = (scope: ReadonlyMap<string, number>) => {
        if (scope.has(name)) throw ASK_MATHJS;
      };
      const better = EXTREMA[name];
      if (better && tolerance) {
        const { relTol, absTol } = tolerance;
        return (scope) => {
          shadowed(scope);
          const xs = args.map((a) => a(scope));
          let best = xs[0];
          for (let i = 1; i < xs.length; i++) {
            const x = xs[i];
            // Decisive only between finite values further apart than nearlyEqual's tolerance; else mathjs decides.
            if (!(Number.isFinite(x) && Number.isFinite(best) && Math.abs(x - best) > relTol * Math.max(Math.abs(x), Math.abs(best)) + absTol)) return f(...xs) as number;
            if (better(x, best)) best = x;
          }
          return best;
        };
      }
      if (args.length === 1) {
        const [a] = args;
        const rounded = ROUNDING[name];
        if (rounded && tolerance) {
          const { relTol, absTol } = tolerance;
          return (scope) => {
            shadowed(scope);
            const x = a(scope);
            return rounded(x, 2 * (relTol * (Math.abs(x) + 1) + absTol)) ?? (f(x) as number);
          };
        }
        return (scope) => (shadowed(scope), f(a(scope)) as number);
      }
      if (args.length === 2) {
        const [a, b] = args;
        return (scope) => (shadowed(scope), f(a(scope), b(scope)) as number);
      }
      return (scope) => (shadowed(scope), f(...args.map((a) => a(scope))) as number);
    },
  });
}

type MathFunction = (...args: number[]) => unknown;

/** How one kind of evaluator makes each node of the grammar from its children's (compileTree). */
interface NodeKinds<F> {
  constant(value: number): F;
  /** A variable of `variables`. */
  variable(name: string): F;
  /** A constant of the mathjs instance (pi, e, tau), `value`. */
  named(name: string, value: number): F;
  negated(a: F): F;
  /** + − × ÷ by name; ^ and % as mathjs' own pow and mod. */
  binary(fn: 'add' | 'subtract' | 'multiply' | 'divide' | MathFunction, a: F, b: F): F;
  /** A call of mathjs' function `name` (of FUNCTION_ARITY); `tolerance`: the instance's, where it has one. */
  call(name: string, f: MathFunction, args: F[], tolerance: Tolerance | undefined): F;
}

/** The grammar of arithmeticEvaluator, walked once for any kind of evaluator: undefined outside it. */
function compileTree<F>(root: ArithmeticNode, variables: ReadonlySet<string>, lookup: (name: string) => unknown, kinds: NodeKinds<F>): F | undefined {
  const mathFunction = (name: string): MathFunction | undefined => {
    const f = lookup(name);
    return typeof f === 'function' ? (f as MathFunction) : undefined;
  };
  const config = lookup('config');
  const settings = typeof config === 'function' ? (config as () => { relTol?: unknown; absTol?: unknown })() : undefined;
  const tolerance = hasTolerance(settings) ? settings : undefined;

  const build = (node: ArithmeticNode): F | undefined => {
    switch (node.type) {
      case 'ConstantNode':
        return typeof node.value === 'number' ? kinds.constant(node.value) : undefined;
      case 'ParenthesisNode':
        return node.content ? build(node.content) : undefined;
      case 'SymbolNode': {
        const name = node.name ?? '';
        if (variables.has(name)) return kinds.variable(name);
        const constant = lookup(name);
        return typeof constant === 'number' ? kinds.named(name, constant) : undefined;
      }
      case 'OperatorNode':
        return operator(String(node.fn), node.args ?? []);
      case 'FunctionNode':
        return call(node.fn, node.args ?? []);
      default:
        return undefined;
    }
  };

  const operator = (fn: string, nodes: ArithmeticNode[]): F | undefined => {
    const args = built(nodes);
    if (!args) return undefined;
    if (args.length === 1) {
      const [a] = args;
      if (fn === 'unaryMinus') return kinds.negated(a);
      if (fn === 'unaryPlus') return a;
      return undefined;
    }
    if (args.length !== 2) return undefined;
    const [a, b] = args;
    switch (fn) {
      case 'add':
      case 'subtract':
      case 'multiply':
      case 'divide':
        return kinds.binary(fn, a, b);
      case 'pow':
      case 'mod': {
        const f = mathFunction(fn);
        return f && kinds.binary(f, a, b);
      }
      default:
        return undefined;
    }
  };

  const call = (callee: ArithmeticNode['fn'], nodes: ArithmeticNode[]): F | undefined => {
    if (typeof callee !== 'object' || callee.type !== 'SymbolNode' || !FUNCTION_ARITY.has(callee.name ?? '')) return undefined;
    const name = callee.name!;
    const f = mathFunction(name);
    const args = built(nodes);
    return f && args && kinds.call(name, f, args, tolerance);
  };

  const built = (nodes: ArithmeticNode[]): F[] | undefined => {
    const out: F[] = [];
    for (const node of nodes) {
      const f = build(node);
      if (!f) return undefined;
      out.push(f);
    }
    return out;
  };

  return build(root);
}


/**
 * Values of the variables over a block of steps: variable name → one value per step of the block
 * (at least `count` of them).
 */
export type BlockInputs = ReadonlyMap<string, Float64Array>;

/**
 * An expression evaluated over a block of `count` ≤ blockSize steps at once: its values at index
 * 0 … count − 1 of the returned array (scratch: valid until the next call). Throws where the step
 * evaluator would ask mathjs or throw, or a mathjs function gives something other than a number:
 * the caller then evaluates those steps one by one, which gives mathjs' value or its error at its step.
 */
export type BlockEvaluator = (inputs: BlockInputs, count: number) => Float64Array;

/** Thrown by a block evaluator: evaluate these steps one by one instead. */
export const PER_STEP: unique symbol = Symbol('per step');

/**
 * arithmeticEvaluator over blocks of steps: each node fills a scratch Float64Array of `blockSize`
 * values from its children's, one loop per node instead of a closure call per node and step, and no
 * number is boxed between nodes. Every value is made by the same operation on the same operands as
 * in arithmeticEvaluator (JavaScript's operators, the same mathjs function, ROUNDING and EXTREMA
 * with the same tolerance), so each is the same double. Undefined where arithmeticEvaluator is.
 */
export function arithmeticBlockEvaluator(root: ArithmeticNode, variables: ReadonlySet<string>, lookup: (name: string) => unknown, blockSize: number): BlockEvaluator | undefined {
  const filled = (value: number) => new Float64Array(blockSize).fill(value);
  const number = (x: unknown): number => {
    if (typeof x !== 'number') throw PER_STEP;
    return x;
  };
  /** A node whose step i is `op(i)` of its children's blocks, into its own scratch block. */
  const each = (children: BlockEvaluator[], op: (blocks: Float64Array[], out: Float64Array, n: number) => void): BlockEvaluator => {
    const out = filled(0);
    return (inputs, n) => {
      op(children.map((a) => a(inputs, n)), out, n);
      return out;
    };
  };
  return compileTree<BlockEvaluator>(root, variables, lookup, {
    constant(value) {
      const out = filled(value);
      return () => out;
    },
    variable: (name) => (inputs) => {
      const x = inputs.get(name);
      if (!x) throw PER_STEP;
      return x;
    },
    named(name, value) {
      const out = filled(value);
      return (inputs) => {
        if (inputs.has(name)) throw PER_STEP;
        return out;
      };
    },
    negated: (a) =>
      each([a], ([x], out, n) => {
        for (let i = 0; i < n; i++) out[i] = -x[i];
      }),
    binary(fn, a, b) {
      switch (fn) {
        case 'add':
          return each([a, b], ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
          });
        case 'subtract':
          return each([a, b], ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
          });
        case 'multiply':
          return each([a, b], ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
          });
        case 'divide':
          return each([a, b], ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = x[i] / y[i];
          });
        default:
          return each([a, b], ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = number(fn(x[i], y[i]));
          });
      }
    },
    call(name, f, args, tolerance) {
      // mathjs looks a function's name up in the scope first; the arguments' blocks are made left to right.
      const shadowing = (node: BlockEvaluator): BlockEvaluator => (inputs, n) => {
        if (inputs.has(name)) throw PER_STEP;
        return node(inputs, n);
      };
      const better = EXTREMA[name];
      if (better && tolerance) {
        const { relTol, absTol } = tolerance;
        const xs = new Array<number>(args.length);
        return shadowing(
          each(args, (columns, out, n) => {
            for (let i = 0; i < n; i++) {
              let best = columns[0][i];
              let decided = true;
              for (let j = 1; j < columns.length && decided; j++) {
                const x = columns[j][i];
                decided = Number.isFinite(x) && Number.isFinite(best) && Math.abs(x - best) > relTol * Math.max(Math.abs(x), Math.abs(best)) + absTol;
                if (decided && better(x, best)) best = x;
              }
              if (!decided) {
                for (let j = 0; j < columns.length; j++) xs[j] = columns[j][i];
                best = number(f(...xs));
              }
              out[i] = best;
            }
          }),
        );
      }
      const rounded = ROUNDING[name];
      if (args.length === 1 && rounded && tolerance) {
        const { relTol, absTol } = tolerance;
        return shadowing(
          each(args, ([x], out, n) => {
            for (let i = 0; i < n; i++) out[i] = rounded(x[i], 2 * (relTol * (Math.abs(x[i]) + 1) + absTol)) ?? number(f(x[i]));
          }),
        );
      }
      if (args.length === 1) {
        return shadowing(
          each(args, ([x], out, n) => {
            for (let i = 0; i < n; i++) out[i] = number(f(x[i]));
          }),
        );
      }
      if (args.length === 2) {
        return shadowing(
          each(args, ([x, y], out, n) => {
            for (let i = 0; i < n; i++) out[i] = number(f(x[i], y[i]));
          }),
        );
      }
      const xs = new Array<number>(args.length);
      return shadowing(
        each(args, (columns, out, n) => {
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < columns.length; j++) xs[j] = columns[j][i];
            out[i] = number(f(...xs));
          }
        }),
      );
    },
  });
}
