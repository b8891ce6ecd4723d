import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

// Shared by every copy of this module (dist/util/load-bundle.js, and the one inside dist/cli.cjs),
// so the build's warm-up can write the cache of every bundle any of them loaded.
const REGISTRY = Symbol.for('momentum-fr.loadBundle.loaded');
const loaded: Map<string, Script> = ((globalThis as Record<symbol, unknown>)[REGISTRY] as Map<string, Script> | undefined) ?? new Map<string, Script>();
(globalThis as Record<symbol, unknown>)[REGISTRY] = loaded;

/**
 * Loads one of the bundles bin/bundle.mjs builds (a CommonJS file: dist/cli.cjs, dist/vendor/*.cjs)
 * with V8's code cache: `<bundle>.cache`, written at build time after a representative run, holds
 * the bytecode of every function that run compiled, so a command neither parses the bundle nor
 * compiles those functions again (vega and vega-lite: ~0.8 MB of JavaScript). Node 20 has no
 * compile cache of its own (module.enableCompileCache arrived in Node 22).
 *
 * A missing cache, or one V8 rejects (another Node version, other V8 flags such as --cpu-prof),
 * only costs the compilation it would have saved. Caches are never written at run time.
 */
export function loadBundle(url: URL): Record<string, unknown> {
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper on the first line, so line numbers in stack traces match the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  loaded.set(file, script);
  const module = { exports: {} as Record<string, unknown> };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}


/** Whether V8 took the code cache of each bundle loaded so far (for `npm run bench` and tests). */
export function bundleCacheStatus(): { file: string; cached: boolean }[] {
  return [...loaded].map(([file, script]) => ({ file, cached: script.cachedDataRejected === false }));
}

/**
 * Build step only (bin/bundle.mjs, after its warm-up run): writes `<bundle>.cache` for every
 * bundle loaded in this process, holding what the run compiled. Returns the files written.
 */
export function writeCodeCaches(): string[] {
  const written: string[] = [];
  for (const [file, script] of loaded) {
    const target = `${file}.cache`;
    const temp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, target);
    } finally {
      rmSync(temp, { force: true });
    }
    written.push(target);
  }
  return written;
}
