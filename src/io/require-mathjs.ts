import { createRequire } from 'node:module';
import type { Mathjs } from '../schedule/mathjs-provider.js';

/**
 * mathjs' CommonJS build, loaded synchronously when first needed (createRequire keeps the core API
 * synchronous): the loader the CLI, its sweep workers and `momentum-fr/node` provide, so that
 * commands whose configs hold no expression never pay ~0.2–0.6 s to load it.
 */
export function requireMathjs(): Mathjs {
  return createRequire(import.meta.url)('mathjs') as Mathjs;
}
