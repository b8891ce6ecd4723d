/**
 * The functions an expression may call, with the argument counts momentum-fr accepts: the subset of
 * each mathjs signature that takes and returns real numbers (`cbrt(x, allRoots)` returns a matrix,
 * so only `cbrt(x)`). `decimals` marks functions whose second argument is mathjs' number of decimals,
 * a whole number from 0 to 15. test/schedule/expression.test.ts checks this table against mathjs.
 */
export interface FunctionArity {
  min: number;
  max: number;
  decimals?: true;
}

const one: FunctionArity = { min: 1, max: 1 };
const two: FunctionArity = { min: 2, max: 2 };
const oneOrTwo: FunctionArity = { min: 1, max: 2 };
const rounding: FunctionArity = { min: 1, max: 2, decimals: true };
const variadic: FunctionArity = { min: 1, max: Infinity };

export const FUNCTION_ARITY: ReadonlyMap<string, FunctionArity> = new Map([
  ['abs', one], ['sqrt', one], ['cbrt', one], ['exp', one], ['expm1', one],
  ['log', oneOrTwo], ['log10', one], ['log2', one], ['log1p', oneOrTwo], ['pow', two],
  ['sin', one], ['cos', one], ['tan', one], ['asin', one], ['acos', one], ['atan', one], ['atan2', two],
  ['sinh', one], ['cosh', one], ['tanh', one],
  ['floor', rounding], ['ceil', rounding], ['round', rounding], ['fix', rounding], ['sign', one],
  ['min', variadic], ['max', variadic], ['mod', two], ['hypot', variadic],
]);

/** mathjs' limit on the number of decimals of round/floor/ceil/fix. */
export const MAX_DECIMALS = 15;

/** Named constants of expressions. */
export const CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e', 'tau']);

/** The mathjs functions behind the operators an expression may use (OperatorNode's `fn`). */
export const OPERATOR_FUNCTIONS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not', 'xor',
]);

/** What `name(…)` with `count` arguments is wrong about, or undefined when the count is fine. */
export function arityProblem(name: string, count: number): string | undefined {
  const arity = FUNCTION_ARITY.get(name);
  if (!arity || (count >= arity.min && count <= arity.max)) return undefined;
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  const expected =
    arity.max === Infinity ? `at least ${plural(arity.min)}` : arity.min === arity.max ? plural(arity.min) : `${arity.min} or ${plural(arity.max)}`;
  return `${name}() takes ${expected} (got ${count})`;
}

/** Params may not take the name of a function or a constant: `max(…)` would call the param. */
export function isReservedName(name: string): boolean {
  return FUNCTION_ARITY.has(name) || CONSTANTS.has(name);
}
