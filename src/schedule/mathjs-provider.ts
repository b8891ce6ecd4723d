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

/** What the sandbox uses of the mathjs package: its `create` and the `all` factories. */
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
