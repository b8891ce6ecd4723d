import { createRequire } from 'node:module';

/**
 * Coefficient expressions ("t / (t + mu)", "1 - u"), parsed by mathjs and compiled once.
 *
 * Sandbox: an expression may only use numbers, the variables it is given, the constants pi/e/tau,
 * arithmetic/comparison/logical operators, `a ? b : c`, and the pure functions in ALLOWED_FUNCTIONS.
 * The AST is checked against that whitelist before compilation, so `import`, `evaluate`, `parse`,
 * `createUnit`, `simplify`, `derivative`, `resolve`, assignments, function definitions, property
 * access, matrices, units and strings are all refused; the instance additionally has those functions
 * replaced by throwing stubs (mathjs' own security advice), as a second wall.
 *
 * mathjs is loaded lazily (it costs ~0.2–0.6 s to load) and only when a config uses an expression.
 */

const ALLOWED_FUNCTIONS = new Set([
  'abs', 'sqrt', 'cbrt', 'exp', 'expm1', 'log', 'log10', 'log2', 'log1p', 'pow', 'sin', 'cos', 'tan',
  'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'floor', 'ceil', 'round', 'fix', 'sign',
  'min', 'max', 'mod', 'hypot',
]);
const CONSTANTS = new Set(['pi', 'e', 'tau']);
const ALLOWED_OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not', 'xor',
]);
const DISABLED = [
  'import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'resolve', 'reviver', 'rationalize',
];

/** A compiled expression: a pure function of its variables. */
export type CompiledExpression = (scope: Map<string, number>) => number;

export class ExpressionError extends Error {}

interface MathNode {
  type: string;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  traverse(cb: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: Map<string, number>): unknown };
}

interface MathInstance {
  parse(expr: string): MathNode;
}

let instance: MathInstance | undefined;

function mathInstance(): MathInstance {
  if (instance) return instance;
  // createRequire: a synchronous lazy load of mathjs' CommonJS build keeps the core API synchronous.
  const mathjs = createRequire(import.meta.url)('mathjs');
  const math = mathjs.create(mathjs.all, { number: 'number' });
  const parse = math.parse;
  const refuse = (name: string) => () => {
    throw new ExpressionError(`function ${name} is disabled in momentum-fr expressions`);
  };
  math.import(Object.fromEntries(DISABLED.map((n) => [n, refuse(n)])), { override: true });
  instance = { parse };
  return instance;
}

/**
 * Parses, checks and compiles `source`. `variables` are the names the expression may read.
 * Throws ExpressionError with a user-facing message (no position: the caller knows the YAML node).
 */
export function compileExpression(source: string, variables: ReadonlySet<string>): CompiledExpression {
  let root: MathNode;
  try {
    root = mathInstance().parse(source);
  } catch (err) {
    throw new ExpressionError(`cannot parse expression "${source}": ${(err as Error).message}`);
  }
  const problems: string[] = [];
  root.traverse((node, _path, parent) => {
    switch (node.type) {
      case 'ConstantNode':
        if (typeof node.value !== 'number') problems.push(`only numbers are allowed (got ${JSON.stringify(node.value)})`);
        return;
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'OperatorNode':
        if (!ALLOWED_OPERATORS.has(String(node.fn))) problems.push(`operator "${node.op}" is not allowed`);
        return;
      case 'FunctionNode': {
        const name = (node.fn as MathNode).name ?? '';
        if (!ALLOWED_FUNCTIONS.has(name)) problems.push(`function "${name}" is not allowed`);
        return;
      }
      case 'SymbolNode': {
        const isCallee = parent?.type === 'FunctionNode' && parent.fn === node;
        if (isCallee) return;
        const name = node.name ?? '';
        if (!variables.has(name) && !CONSTANTS.has(name)) {
          const known = [...variables].sort().join(', ');
          problems.push(`unknown variable "${name}" (known: ${known})`);
        }
        return;
      }
      default:
        problems.push(`${describe(node.type)} is not allowed`);
    }
  });
  if (problems.length > 0) throw new ExpressionError(`expression "${source}": ${[...new Set(problems)].join('; ')}`);
  const compiled = root.compile();
  return (scope) => {
    const value = compiled.evaluate(scope);
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number') throw new ExpressionError(`expression "${source}" did not give a number`);
    return value;
  };
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
