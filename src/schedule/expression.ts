import { excerpt, quoted } from '../util/excerpt.js';
import { arityProblem, CONSTANTS, FUNCTION_ARITY, MAX_DECIMALS, OPERATOR_FUNCTIONS } from './expression-functions.js';
import { providedMathjs, sandboxFactories, type Mathjs } from './mathjs-provider.js';
import { arithmeticBlockEvaluator, arithmeticEvaluator, ASK_MATHJS, type ArithmeticNode, type BlockEvaluator } from './arithmetic-evaluator.js';

/**
 * Coefficient expressions ("t / (t + mu)", "1 - u"), parsed by mathjs and compiled once.
 *
 * Sandbox: an expression may only use numbers, the variables it is given, the constants pi/e/tau,
 * arithmetic/comparison/logical operators, `a ? b : c`, and the pure functions of FUNCTION_ARITY
 * with the argument counts listed there. The AST is checked against that whitelist before
 * compilation, so `import`, `evaluate`, `parse`, `createUnit`, `simplify`, `derivative`, `resolve`,
 * assignments, function definitions, property access, matrices, units and strings are all refused;
 * the instance additionally has those functions replaced by throwing stubs (mathjs' own security
 * advice), as a second wall.
 *
 * The instance is `predictable`: a function outside its real domain (sqrt(−1), acos(2), log(−1))
 * gives NaN rather than a complex number, so it is reported like any other non-finite coefficient,
 * with its stage. Expressions longer than EXPRESSION_LIMITS.length characters or nested deeper than
 * EXPRESSION_LIMITS.depth are refused before mathjs' recursive parser sees them.
 *
 * mathjs comes from the entry point (mathjs-provider.ts): the CLI loads it lazily (it costs ~0.2–0.6 s
 * to load) and only when a config uses an expression; a caller may also pass its own engine.
 */

export const EXPRESSION_LIMITS = {
  /** Characters of one expression (a realistic one has < 100). */
  length: 1000,
  /** Nesting of parentheses and of the parsed tree (a 100-term sum is 100 deep). */
  depth: 100,
} as const;

const DISABLED = [
  'import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'reviver', 'rationalize',
];

/** A compiled expression: a pure function of its variables, and the variables it reads. */
export interface CompiledExpression {
  /** Throws ExpressionError when mathjs refuses the values (e.g. round(x, k) with k > 15). */
  evaluate(scope: Map<string, number>): number;
  variables: ReadonlySet<string>;
  /**
   * The expression over blocks of at most `blockSize` steps (arithmeticBlockEvaluator), where it is
   * arithmetic; undefined otherwise. Where a block throws, `evaluate` step by step gives the value or error.
   */
  blocks?(blockSize: number): BlockEvaluator | undefined;
}

/** A user-facing problem with an expression (no position: the caller knows the YAML node). */
export class ExpressionError extends Error {
  /** Key path of the expression in the config, once a caller knows it. */
  path?: (string | number)[];

  constructor(
    message: string,
    readonly code: 'expression' | 'too_long' | 'too_deep' = 'expression',
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

interface MathNode {
  type: string;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  forEach(cb: (child: MathNode) => void): void;
  traverse(cb: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: Map<string, number>): unknown };
}

/** A sandboxed mathjs instance: what compileExpression parses with, and its functions and constants by name. */
export interface MathEngine {
  parse(expr: string): MathNode;
  /** The instance's property `name` (a function or a constant), for the arithmetic fast path; without it every expression runs on mathjs. */
  lookup?(name: string): unknown;
}

const engines = new WeakMap<Mathjs, MathEngine>();

/**
 * The sandboxed instance of a mathjs package (one per package, cached): made of sandboxFactories
 * only, `predictable`, numbers only, and the functions of DISABLED replaced by throwing stubs.
 */
export function mathEngine(mathjs: Mathjs = providedMathjs()): MathEngine {
  const cached = engines.get(mathjs);
  if (cached) return cached;
  const math = mathjs.create(sandboxFactories(mathjs.all), { number: 'number', predictable: true }) as MathEngine & { import(fns: object, options: object): void };
  const parse = math.parse;
  const refuse = (name: string) => () => {
    throw new ExpressionError(`function ${name} is disabled in expressions`);
  };
  math.import(Object.fromEntries(DISABLED.map((n) => [n, refuse(n)])), { override: true });
  const own = math as unknown as Record<string, unknown>;
  // A function is made (mathjs makes it on first access, with the typed functions it needs) on its
  // first call: the fast path looks up every function an expression names, and calls most of them
  // only at ties (floor beside an integer, min of two nearly equal values), which many runs never meet.
  const deferred = new Map<string, (...args: unknown[]) => unknown>();
  const lookup = (name: string): unknown => {
    if (!Object.hasOwn(own, name)) return undefined;
    if (!FUNCTION_ARITY.has(name) && !OPERATOR_FUNCTIONS.has(name)) return own[name];
    let f = deferred.get(name);
    if (!f) {
      let made: ((...args: unknown[]) => unknown) | undefined;
      f = (...args) => (made ??= own[name] as (...args: unknown[]) => unknown)(...args);
      deferred.set(name, f);
    }
    return f;
  };
  const engine: MathEngine = { parse, lookup };
  engines.set(mathjs, engine);
  return engine;
}

/**
 * Parses, checks and compiles `source`. `variables` are the names the expression may read; `engine`
 * defaults to the sandbox of the mathjs the entry point provided.
 * Throws ExpressionError with a user-facing message that quotes at most ~80 characters of it.
 */
export function compileExpression(source: string, variables: ReadonlySet<string>, engine?: MathEngine): CompiledExpression {
  const shown = quoted(source);
  if (source.length > EXPRESSION_LIMITS.length) {
    throw new ExpressionError(`expression too long: ${source.length} characters, at most ${EXPRESSION_LIMITS.length}`, 'too_long');
  }
  const tooDeep = () => new ExpressionError(`expression too deep: nested more than ${EXPRESSION_LIMITS.depth} levels`, 'too_deep');
  if (parenthesisDepth(source) > EXPRESSION_LIMITS.depth) throw tooDeep();
  // Outside the try: no mathjs provided is a programmer error, not a problem with the expression.
  const math = engine ?? mathEngine();
  let root: MathNode;
  try {
    root = math.parse(source);
  } catch (err) {
    // mathjs' parser recurses once per operator: a long chain of unary minus overflows the stack.
    if (err instanceof RangeError) throw tooDeep();
    throw new ExpressionError(`cannot parse expression ${shown}: ${excerpt(firstLine(err))}`);
  }
  if (treeDepth(root) > EXPRESSION_LIMITS.depth) throw tooDeep();
  const problems = sandboxProblems(root, variables);
  if (problems.length > 0) throw new ExpressionError(`expression ${shown}: ${listed([...new Set(problems)], 3, '; ')}`);
  // Compiled by mathjs when first needed: compiling makes the operators' typed functions, which
  // arithmetic (the common case, evaluated at every step of a run) never uses, for it skips mathjs' interpreter.
  let compiled: { evaluate(scope: Map<string, number>): unknown } | undefined;
  const interpreted = (scope: Map<string, number>): unknown => (compiled ??= root.compile()).evaluate(scope);
  const fast = math.lookup && arithmeticEvaluator(root as ArithmeticNode, variables, math.lookup);
  const run = fast
    ? (scope: Map<string, number>): unknown => {
        try {
          return fast(scope);
        } catch (err) {
          if (err === ASK_MATHJS) return interpreted(scope);
          throw err;
        }
      }
    : interpreted;
  const used = new Set<string>();
  root.traverse((node, _path, parent) => {
    if (node.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && parent.fn === node) && variables.has(node.name!)) used.add(node.name!);
  });
  let block: { size: number; evaluator: BlockEvaluator | undefined } | undefined;
  const lookup = math.lookup;
  return {
    variables: used,
    blocks: fast && lookup
      ? (size) => {
          if (block?.size !== size) block = { size, evaluator: arithmeticBlockEvaluator(root as ArithmeticNode, variables, lookup, size) };
          return block.evaluator;
        }
      : undefined,
    evaluate(scope) {
      let value: unknown;
      try {
        value = run(scope);
      } catch (err) {
        throw new ExpressionError(`expression ${shown}: ${excerpt(firstLine(err))}`);
      }
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value !== 'number') throw new ExpressionError(`expression ${shown} did not give a real number`);
      return value;
    },
  };
}

/** Everything in the tree outside the sandbox, one message each. */
function sandboxProblems(root: MathNode, variables: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  root.traverse((node, _path, parent) => {
    switch (node.type) {
      case 'ConstantNode':
        if (typeof node.value !== 'number') problems.push(`only numbers are allowed (got ${typeof node.value === 'string' ? quoted(node.value) : String(node.value)})`);
        return;
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'OperatorNode':
        if (!OPERATOR_FUNCTIONS.has(String(node.fn))) problems.push(`operator ${quoted(String(node.op))} is not allowed`);
        return;
      case 'FunctionNode': {
        const name = (node.fn as MathNode).name ?? '';
        if (!FUNCTION_ARITY.has(name)) {
          problems.push(`function ${quoted(name)} is not allowed`);
          return;
        }
        const args = node.args ?? [];
        const problem = arityProblem(name, args.length) ?? decimalsProblem(name, args);
        if (problem) problems.push(problem);
        return;
      }
      case 'SymbolNode': {
        const isCallee = parent?.type === 'FunctionNode' && parent.fn === node;
        if (isCallee) return;
        const name = node.name ?? '';
        if (!variables.has(name) && !CONSTANTS.has(name)) {
          const known = listed([...variables].sort().map((v) => excerpt(v, 20)), 12, ', ');
          problems.push(`unknown variable ${quoted(name)} (known: ${known})`);
        }
        return;
      }
      default:
        problems.push(`${describe(node.type)} is not allowed`);
    }
  });
  return problems;
}

/** round(x, 20): a constant number of decimals is checked now; a computed one when evaluated. */
function decimalsProblem(name: string, args: MathNode[]): string | undefined {
  if (!FUNCTION_ARITY.get(name)?.decimals || args.length < 2) return undefined;
  const n = constantValue(args[1]);
  if (n === undefined || (Number.isInteger(n) && n >= 0 && n <= MAX_DECIMALS)) return undefined;
  return `${name}(x, n): n is the number of decimals, a whole number from 0 to ${MAX_DECIMALS} (got ${n})`;
}

/** The value of a literal number, possibly signed or in parentheses, else undefined. */
function constantValue(node: MathNode): number | undefined {
  if (node.type === 'ConstantNode') return typeof node.value === 'number' ? node.value : undefined;
  if (node.type === 'ParenthesisNode') return constantValue((node as unknown as { content: MathNode }).content);
  if (node.type === 'OperatorNode' && node.args?.length === 1 && (node.fn === 'unaryMinus' || node.fn === 'unaryPlus')) {
    const v = constantValue(node.args[0]);
    return v === undefined ? undefined : node.fn === 'unaryMinus' ? -v : v;
  }
  return undefined;
}

/** Deepest nesting of brackets of any kind, counted before parsing. */
function parenthesisDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) max = Math.max(max, ++depth); // ( [ {
    else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return max;
}

/** Depth of the parsed tree, walked with an explicit stack (the tree may be deeper than is safe to recurse). */
function treeDepth(root: MathNode): number {
  let max = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > EXPRESSION_LIMITS.depth) return max;
    node.forEach((child) => stack.push([child, depth + 1]));
  }
  return max;
}

/** The first `max` items joined, then `and N more`: a message stays one readable line. */
function listed(items: string[], max: number, separator: string): string {
  const more = items.length - max;
  return items.slice(0, max).join(separator) + (more > 0 ? `${separator}and ${more} more` : '');
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment',
    FunctionAssignmentNode: 'defining a function',
    AccessorNode: 'property access',
    IndexNode: 'indexing',
    ObjectNode: 'an object',
    ArrayNode: 'a matrix',
    RangeNode: 'a range',
    BlockNode: 'several statements',
    RelationalNode: 'a chained comparison',
  };
  return names[type] ?? type;
}

/** True when a coefficient value is an expression rather than a plain number. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string';
}
