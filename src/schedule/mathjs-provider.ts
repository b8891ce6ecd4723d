/**
 * Where the expression sandbox (expression.ts) gets mathjs from. The core never loads a package
 * itself here: each entry point provides it, so that the library stays browser-safe and the CLI stays
 * fast (plan §2.4):
 * - `momentum-fr` (src/index.ts): a static `import { create, all } from 'mathjs'`, which a bundler
 *   for a web page can follow;
 * - the CLI, its sweep workers and `momentum-fr/node`: a lazy `createRequire` load
 *   (src/io/require-mathjs.ts), so `--help` and configs without expressions never load mathjs
 *   (~0.2–0.6 s).
 * The loader runs once, on the first expression compiled.
 */
import { TOOL } from '../tool.js';
import { CONSTANTS, FUNCTION_ARITY, OPERATOR_FUNCTIONS } from './expression-functions.js';

/**
 * What the sandbox uses of the mathjs package: its `create` and factories, `all` of them or any set
 * that holds sandboxFactories(all) (dist/mathjs.cjs holds only those).
 */
export interface Mathjs {
  create(factories: unknown, config: { number: 'number'; predictable: boolean }): unknown;
  all: unknown;
}

let loader: (() => Mathjs) | undefined;
let loaded: Mathjs | undefined;

/**
 * Sets the loader of mathjs. With `fallback: true` (the lazy loaders of the Node entry points) it
 * is set only when no loader is yet, so a mathjs that `momentum-fr` already imported is reused
 * rather than loaded a second time.
 */
export function provideMathjs(load: () => Mathjs, options: { fallback?: boolean } = {}): void {
  if (options.fallback && loader) return;
  loader = load;
  loaded = undefined;
}

/** The provided mathjs, loaded on first use. Throws (a programmer error) when no entry point provided one. */
export function providedMathjs(): Mathjs {
  if (loaded) return loaded;
  if (!loader) throw new Error(`${TOOL.name}: no mathjs to compile expressions with: import the library from "${TOOL.name}" (or "${TOOL.name}/node"), or call provideMathjs()`);
  loaded = loader();
  return loaded;
}

/** A mathjs factory as `all` holds it (mathjs' core/factory.js): what it makes and from what. */
interface MathjsFactory {
  /** The name of what it makes (`add`; a transform has the name of its function). */
  fn: string;
  /** The names it is made from; `?name` when optional. */
  dependencies: readonly string[];
}

/** What parsing and evaluating an expression reads of a mathjs instance: the parser, the documented functions, constants and operators. */
export const SANDBOX_NAMES: readonly string[] = ['parse', ...FUNCTION_ARITY.keys(), ...CONSTANTS, ...OPERATOR_FUNCTIONS];

/** Names create() provides itself rather than a factory (mathjs' core/function/import.js). */
const PROVIDED_BY_CREATE = new Set(['math', 'mathWithTransform', 'classes', 'config']);

/**
 * The factories of `all` (keyed as there: `createAdd`) that make SANDBOX_NAMES (with their
 * expression transforms: `max` in an expression is max.transform) and, recursively, what they
 * cannot be made without. Optional dependencies (`?Unit`) are left out unless needed otherwise: an
 * instance created from these parses, compiles and evaluates every expression the sandbox accepts
 * as one created from `all` does, without making the other ~260 (units, matrices' algebra, the
 * symbolic functions), whose making is most of what the first expression costs.
 * Throws (a programmer error) when `all` lacks one of them: a mathjs too old or too new.
 */
export function sandboxFactories(all: unknown): Record<string, unknown> {
  const entries = Object.entries(all as Record<string, MathjsFactory>);
  const byName = new Map<string, string[]>();
  for (const [key, factory] of entries) byName.set(factory.fn, [...(byName.get(factory.fn) ?? []), key]);
  const keys = new Set<string>();
  const seen = new Set<string>();
  const todo = [...SANDBOX_NAMES];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name) || PROVIDED_BY_CREATE.has(name)) continue;
    seen.add(name);
    const made = byName.get(name);
    if (!made) throw new Error(`${TOOL.name}: mathjs has no factory of "${name}", which expressions need`);
    for (const key of made) {
      keys.add(key);
      for (const dependency of (all as Record<string, MathjsFactory>)[key].dependencies) if (!dependency.startsWith('?')) todo.push(dependency);
    }
  }
  return Object.fromEntries(entries.filter(([key]) => keys.has(key)));
}
