import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Mathjs } from '../schedule/mathjs-provider.js';

/**
 * mathjs' CommonJS build, loaded synchronously when first needed (createRequire keeps the core API
 * synchronous): the loader the CLI, its sweep workers and `momentum-fr/node` provide, so that
 * commands whose configs hold no expression never load it.
 *
 * Only `create` and the `all` factories are loaded, from their files beside the package's main
 * entry: the entry itself also builds mathjs' default instance, every function of it at once
 * (~0.8 s of CPU), which the sandbox never uses (it creates its own instance, lazily). A mathjs laid
 * out otherwise is loaded by its entry, as before.
 */
export function requireMathjs(): Mathjs {
  loaded ??= load();
  return loaded;
}

/** One object per thread, so that the sandbox built on it (cached per object) is built once. */
let loaded: Mathjs | undefined;

function load(): Mathjs {
  const require = createRequire(import.meta.url);
  try {
    // By absolute path: the package's exports map does not list these files (and needs not, for a path).
    const lib = dirname(require.resolve('mathjs'));
    const { create } = require(join(lib, 'core/create.js')) as Partial<Mathjs>;
    const { all } = require(join(lib, 'entry/allFactoriesAny.js')) as Partial<Mathjs>;
    if (typeof create === 'function' && typeof all === 'object' && all !== null) return { create, all };
  } catch {
    // another layout: the entry below
  }
  return require('mathjs') as Mathjs;
}
