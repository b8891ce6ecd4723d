import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

// How the CLI's code is loaded (bin/momentum-fr.js, for the main thread and every sweep worker).
// bin/bundle.mjs builds four plain CommonJS files: dist/cli.cjs (src/cli/main.ts: run(), commander
// and every command's declaration, all that `--help` and `--version` read), dist/cli-actions.cjs
// (what the commands do, with the modules and packages they use, which cli.cjs requires when a
// command runs), dist/vega.cjs (vega and vega-lite, which cli-actions.cjs requires when a command
// draws) and dist/mathjs.cjs (mathjs' create and factories, required when a config first uses an
// expression). What a command saves is compiling them:
// - the build runs a representative workload and writes each bundle's V8 code cache (the bytecode
//   of every function that run compiled; bin/warm-code-cache.mjs), named after the Node.js version,
//   architecture and V8 version that wrote it (codeCacheFile). When this Node wrote one, the
//   bundles run in a vm.Script with it. V8's own check is not enough: Node 20.19.0 takes a cache
//   written by 20.20.2 (same V8 version, other Node patches) and then crashes. A cache V8 rejects
//   (other flags) costs only the compile it would have saved.
// - otherwise (a registry install, another Node) they are required, with Node's compile cache on
//   where it exists (module.enableCompileCache, Node ≥ 22.8): from the first run on, Node keeps
//   their compiled top-level code in os.tmpdir()/node-compile-cache (or NODE_COMPILE_CACHE). It is
//   on in the other case too, for the package the bundles leave out (resvg).
// Same files, same code either way. The library (dist/index.js) is tsc's ES modules and never
// comes here.

/** What dist/cli.cjs exports. */
export interface CliBundle {
  /** src/cli/main.ts's run(argv, io): the exit code. */
  run(argv: string[], io?: object): Promise<number>;
  /** Runs a `sweep --jobs N` worker thread (src/sweep/parallel/sweep-worker.ts) from the bundle. */
  sweepWorker(): Promise<unknown>;
}

/** How a bundle was loaded, for `npm run bench` and the build tests. */
export interface BundleLoad {
  file: string;
  /** code-cache: in a vm.Script with the build's code cache for this Node; require: by Node's require. */
  via: 'code-cache' | 'require';
  /** code-cache only: whether V8 took it (false: rejected, or none after all). */
  cacheAccepted?: boolean;
  /** The directory of Node's compile cache, when it is on. */
  compileCache?: string;
}

/** Node ≥ 22.8 (@types/node 20 does not declare them). */
const { enableCompileCache, getCompileCacheDir } = module as { enableCompileCache?: () => unknown; getCompileCacheDir?: () => string | undefined };

const loads: BundleLoad[] = [];
const scripts = new Map<string, Script>();
const bundles = new Map<string, Record<string, unknown>>();

/** Thrown by loadCli when dist/cli.cjs is missing, or older than tsc's output in a checkout. */
export class StaleBundleError extends Error {
  readonly code = 'ERR_STALE_BUNDLE';
}

/**
 * Loads dist/cli.cjs (beside this module's dist/util/) the fastest way this Node allows. With
 * `debug` (`--debug`), by require() with source maps on, so that stack traces name src/ files.
 *
 * Throws StaleBundleError when the bundle is missing, or, in a checkout (src/ beside dist/), older
 * than tsc's dist/cli/main.js: the sources changed after it was built (a bare `tsc` after
 * `npm run build`), and it would run yesterday's code. An installed package has no src/, and npm
 * stamps its files in the order it extracts them, so there their ages say nothing.
 */
export function loadCli(options: { debug?: boolean } = {}): CliBundle {
  // Paths in this package, not imports: this module runs from dist/util/.
  const dist = fileURLToPath(new URL('..', import.meta.url));
  const file = join(dist, 'cli.cjs');
  const modules = join(dist, 'cli/main.js');
  const checkout = mtime(join(dist, '../src/cli/main.ts')) >= 0;
  if (mtime(file) < 0) throw new StaleBundleError(`${file} is missing: run \`npm run build\``);
  if (checkout && mtime(file) < mtime(modules)) throw new StaleBundleError(`${file} is older than ${modules}: run \`npm run build\``);
  enableCompileCache?.();
  if (options.debug) process.setSourceMapsEnabled(true);
  // vm.Script has no source maps: --debug requires the bundle.
  const bundle = !options.debug && mtime(codeCacheFile(file)) >= mtime(file) ? loadBundle(file) : requireBundle(file);
  return bundle as unknown as CliBundle;
}

/**
 * Runs a CommonJS bundle in a vm.Script with its V8 code cache (codeCacheFile) when this Node wrote
 * one and it is no older than the bundle. Relative requires of other `.cjs` bundles go through here
 * too (with their own caches); every other require is the bundle's own. Each runs once per thread.
 */
export function loadBundle(file: string): Record<string, unknown> {
  const known = bundles.get(file);
  if (known) return known;
  const source = readFileSync(file, 'utf8');
  const cache = codeCacheFile(file);
  const cachedData = mtime(cache) >= mtime(file) ? readFileSync(cache) : undefined;
  // The CommonJS wrapper on the first line, so line numbers in stack traces match the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const own = createRequire(file);
  const bundleRequire = Object.assign((id: string) => (id.startsWith('.') && id.endsWith('.cjs') ? loadBundle(resolve(dirname(file), id)) : own(id)), own);
  const mod = { exports: {} as Record<string, unknown> };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init(mod.exports, bundleRequire, mod, file, dirname(file));
  scripts.set(file, script);
  bundles.set(file, mod.exports);
  loads.push({ file, via: 'code-cache', cacheAccepted: cachedData !== undefined && !script.cachedDataRejected, compileCache: getCompileCacheDir?.() });
  return mod.exports;
}

function requireBundle(file: string): Record<string, unknown> {
  loads.push({ file, via: 'require', compileCache: getCompileCacheDir?.() });
  return createRequire(import.meta.url)(file) as Record<string, unknown>;
}

/** The bundles loaded in this thread so far, in order (dist/vega.cjs, when required by Node's require, is not listed). */
export function bundleLoads(): BundleLoad[] {
  return loads.map((l) => ({ ...l }));
}

/**
 * Where a bundle's V8 code cache for this very Node.js build is:
 * `dist/cli.cjs.v20.20.2-x64-v8-11.3.244.8-node.19.cache`.
 * Keyed by Node's version, the architecture and V8's version, so that no other build of Node ever opens it.
 */
export function codeCacheFile(file: string): string {
  return `${file}.${process.version}-${process.arch}-v8-${process.versions.v8}.cache`;
}

/**
 * Build step only (bin/warm-code-cache.mjs, after its representative run): writes the code cache of
 * every bundle loadBundle ran in this thread, holding what the run compiled. Returns the files.
 */
export function writeCodeCaches(): string[] {
  const written: string[] = [];
  for (const [file, script] of scripts) {
    const target = codeCacheFile(file);
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

function mtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}
