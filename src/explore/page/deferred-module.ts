/**
 * A module the page carries as text and runs on first use: bin/bundle.mjs builds it as a function
 * body that returns the module's exports (an IIFE with `return`), and the page module holds that
 * body as a string. A string costs the browser a scan at load, code a parse and a compile: the
 * page opens without paying for modules its first view does not need (mathjs until a config has an
 * expression, the editor until the first figure is drawn). Runs once; later calls return the same exports.
 */
export function deferredModule<T>(body: string): () => T {
  let exports: T | undefined;
  // Function, not eval: the body sees only globals, as a module would.
  return () => (exports ??= new Function(body)() as T);
}
