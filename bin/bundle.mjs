#!/usr/bin/env node
// Build step after tsc (`npm run build`): the CLI in four CommonJS files, which bin/momentum-fr.js
// loads (src/util/load-bundle.ts) for every command and every sweep worker thread:
// - dist/cli.cjs: run() (src/cli/main.ts) with commander and every command's declaration, all that
//   `--help` and `--version` read (~75 KB);
// - dist/cli-actions.cjs: what the commands do, with the modules they import and the packages zod,
//   yaml, chalk and fft.js (~150 ES modules and ~200 package files otherwise), required by cli.cjs
//   when a command runs;
// - dist/vega.cjs: vega and vega-lite (~350 files of ~40 packages), required by cli-actions.cjs when
//   a command draws;
// - dist/mathjs.cjs: mathjs' create and the factories of the expression sandbox (~250 of its ~650
//   files), required by cli-actions.cjs when a config first uses an expression;
// - their V8 code caches for the Node.js that builds (and for that version only), written by
//   bin/warm-code-cache.mjs after a representative run.
// dist/'s ES modules (tsc's output, the library) are left as they are: they import the packages.
// resvg (a native addon) stays a package; the library's ES modules load mathjs from its package.
// What this buys, measured: README.md, "What the build buys".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const src = join(root, 'src');
// zod ships ~45 message locales and loads them all; momentum-fr's messages are its own, in English
// (zod's default): a third of zod, parsed at every start (and shipped in every page), for nothing.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', resolveDir: join(root, 'node_modules/zod/v4/locales') }));
  },
};
const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'inline', logLevel: 'warning' };

// The bundles, their map and their code caches (`cli.cjs.v20.20.2-x64.cache`): a code cache must
// never outlive its bundle (V8 checks little more than the source's length).
for (const f of readdirSync(dist)) if (/^(cli|cli-actions|vega|mathjs)\.cjs(\.map|\..*\.cache)?$/.test(f)) rmSync(join(dist, f));

await build({
  ...common,
  stdin: { contents: "export * as vega from 'vega';\nexport * as vega_lite from 'vega-lite';\n", resolveDir: root, sourcefile: 'vega-entry.js', loader: 'js' },
  // vega-canvas looks for the optional `canvas` package with a top-level await (which CommonJS cannot
  // hold); its browser build finds no canvas in Node. Text is then measured from the font size alone,
  // so a figure's layout (and its bytes) does not depend on whether a machine has node-canvas.
  alias: { 'vega-canvas': join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js') },
  outfile: join(dist, 'vega.cjs'),
});

// mathjs' `create` and the factories of the expression sandbox (sandboxFactories: the parser, the
// documented functions, constants and operators, and what they are made from; ~110 of ~370),
// required by cli-actions.cjs when a config uses an expression. From mathjs' ES modules, so that
// esbuild leaves out the files of every other factory.
{
  const lib = dirname(createRequire(import.meta.url).resolve('mathjs'));
  const esm = join(lib, '../esm');
  const { sandboxFactories } = await import('../dist/schedule/mathjs-provider.js');
  const keys = Object.keys(sandboxFactories(createRequire(import.meta.url)(join(lib, 'entry/allFactoriesAny.js')).all));
  await build({
    ...common,
    stdin: {
      contents: `export { create } from ${JSON.stringify(join(esm, 'core/create.js'))};\nimport { ${keys.join(', ')} } from ${JSON.stringify(join(esm, 'factoriesAny.js'))};\nexport const all = { ${keys.join(', ')} };\n`,
      resolveDir: root,
      sourcefile: 'mathjs-entry.js',
      loader: 'js',
    },
    outfile: join(dist, 'mathjs.cjs'),
  });
}

// dist/cli.cjs is what `--help` and `--version` read, so it holds only run() (src/cli/main.ts) with
// commander and every command's declaration; what a command does (each dynamic import: the actions,
// the sweep worker) is in dist/cli-actions.cjs, required when the command runs. A module both need
// stays cli.cjs's alone (one instance: report() tests errors with instanceof, providers keep state):
// cli.cjs exports each of its modules (`shared`, by path), which cli-actions.cjs imports from it.
const cliPlugins = [
  zodEnglishOnly,
  {
    // commander requires child_process (with net, dgram… behind it) at load, for subcommands that are
    // separate executables, which momentum-fr has none of: required on first use instead, so that a
    // start-up (`--help`) does not pay for it.
    name: 'commander-lazy-child-process',
    setup(b) {
      b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const eager = "const childProcess = require('node:child_process');";
        if (!text.includes(eager)) throw new Error(`${args.path}: expected \`${eager}\` (commander changed: update bin/bundle.mjs)`);
        return { contents: text.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
      });
    },
  },
  {
    // vega and vega-lite from dist/vega.cjs, required when first imported (`await import('vega')`).
    name: 'vega-from-its-bundle',
    setup(b) {
      b.onResolve({ filter: /^vega(-lite)?$/ }, (args) => ({ path: args.path, namespace: 'vega-bundle' }));
      b.onLoad({ filter: /.*/, namespace: 'vega-bundle' }, (args) => ({ contents: `module.exports = require('./vega.cjs').${args.path.replace('-', '_')};`, loader: 'js' }));
    },
  },
  {
    // mathjs' create and the sandbox's factories from dist/mathjs.cjs (with its code cache), not from ~680
    // package files resolved and compiled one by one when a config first uses an expression.
    name: 'mathjs-from-its-bundle',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]io[\\/]require-mathjs\.ts$/ }, () => ({
        contents: "let loaded; export function requireMathjs() { loaded ??= require('./mathjs.cjs'); return loaded; }",
        loader: 'js',
      }));
    },
  },
  {
    // resvg (a native addon, CommonJS) stays a package; `await import()` would stay a real dynamic
    // import, which a vm.Script cannot make: require it.
    name: 'resvg-by-require',
    setup(b) {
      b.onResolve({ filter: /^@resvg\/resvg-js$/, namespace: 'file' }, (args) => ({ path: args.path, namespace: 'resvg-require' }));
      b.onResolve({ filter: /^@resvg\/resvg-js$/, namespace: 'resvg-require' }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'resvg-require' }, () => ({ contents: "module.exports = require('@resvg/resvg-js');", loader: 'js' }));
    },
  },
  {
    // The bundles require each other (and vega.cjs) by these names, from the same folder.
    name: 'bundles-external',
    setup(b) {
      b.onResolve({ filter: /^\.\/(vega|mathjs|cli|cli-actions)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    },
  },
];
const cliOptions = {
  ...common,
  // One file, one URL: every module's import.meta.url is its bundle's (dist/cli.cjs or
  // dist/cli-actions.cjs, side by side), so paths resolved from it must not depend on the module's
  // folder (src/version.ts finds package.json by the package's name); sweep workers start from the
  // binary (src/sweep/parallel/run-sweep.ts).
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl', CLI_WORKER_ENTRY: JSON.stringify('../bin/momentum-fr.js') },
  external: ['mathjs'],
  // For `--debug`: stack traces name src/ files (src/util/load-bundle.ts turns source maps on).
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  absWorkingDir: root,
};
/** A module's key in `shared` and in cli-actions.cjs's `modules`: its path in the repository. */
const keyOf = (path) => relative(root, path).split(sep).join('/');
const ENTRY = 'cli-entry.ts';
const entry = (contents) => ({ contents, resolveDir: src, sourcefile: ENTRY, loader: 'ts' });

// cli.cjs, built until the modules it exports are all the modules it holds (exporting a module
// whole can bring in what tree shaking left out).
const later = new Set();
let shared = [];
let cliBuild;
for (;;) {
  const imports = shared.map((key, i) => `import * as m${i} from ${JSON.stringify(join(root, key))};`).join('\n');
  cliBuild = await build({
    ...cliOptions,
    stdin: entry(`export { run } from './cli/main.ts';\nexport const sweepWorker = () => import('./sweep/parallel/sweep-worker.ts');\n${imports}\nexport const shared = { ${shared.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };\n`),
    plugins: [...cliPlugins, actionsLater(later)],
    outfile: join(dist, 'cli.cjs'),
  });
  const held = esmInputs(cliBuild.metafile);
  if (held.length === shared.length && held.every((k, i) => k === shared[i])) break;
  shared = held;
}
const actions = await build({
  ...cliOptions,
  stdin: entry(`export const modules = {\n${[...later].sort().map((key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(join(root, key))}),`).join('\n')}\n};\n`),
  plugins: [sharedFromCli(new Set(shared)), ...cliPlugins],
  outfile: join(dist, 'cli-actions.cjs'),
});
const twice = fileInputs(actions.metafile).filter((key) => fileInputs(cliBuild.metafile).includes(key));
if (twice.length > 0) throw new Error(`bundle: in both dist/cli.cjs and dist/cli-actions.cjs (cli.cjs must export them): ${twice.join(', ')}`);

/** The files a build bundled (repository paths; virtual modules and the entry left out). */
function fileInputs(metafile) {
  return Object.keys(metafile.inputs).filter((key) => !key.includes(':') && key !== keyOf(join(src, ENTRY))).sort();
}

/** The ES modules among them: those cli.cjs can export whole. */
function esmInputs(metafile) {
  return fileInputs(metafile).filter((key) => metafile.inputs[key].format === 'esm');
}

/** cli.cjs's plugin: every dynamic import becomes a require of dist/cli-actions.cjs, made when it runs. */
function actionsLater(keys) {
  return {
    name: 'actions-later',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const found = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: 'import-statement' });
        if (found.errors.length > 0) return { errors: found.errors };
        keys.add(keyOf(found.path));
        return { path: keyOf(found.path), namespace: 'cli-actions' };
      });
      b.onLoad({ filter: /.*/, namespace: 'cli-actions' }, (args) => ({ contents: `module.exports = require('./cli-actions.cjs').modules[${JSON.stringify(args.path)}]();`, loader: 'js' }));
    },
  };
}

/** cli-actions.cjs's plugin: a module cli.cjs holds is taken from it. */
function sharedFromCli(keys) {
  return {
    name: 'shared-from-cli',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.own || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const found = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { own: true } });
        if (found.errors.length > 0 || found.external || found.namespace !== 'file' || !keys.has(keyOf(found.path))) return undefined;
        return { path: keyOf(found.path), namespace: 'from-cli' };
      });
      b.onLoad({ filter: /.*/, namespace: 'from-cli' }, (args) => ({ contents: `module.exports = require('./cli.cjs').shared[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}

// The bundle loader as CommonJS (dist/util/load-bundle.cjs) for bin/momentum-fr.js, a CommonJS file:
// the same source as tsc's dist/util/load-bundle.js, which the library's tools and tests import.
await build({
  ...common,
  minify: false,
  entryPoints: [join(src, 'util/load-bundle.ts')],
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
  outfile: join(dist, 'util/load-bundle.cjs'),
});

// dist/explore-page.js: the page module of `momentum-fr explore` for the browser (one IIFE with the
// library, zod, yaml, vega and vega-lite), which the command inlines into its page. Minified: the
// page must stay under 3 MB (docs/explore.md gives its size). mathjs and the YAML editor
// (CodeMirror) ride in it as text, each a function body that returns its exports, run on first use
// (src/explore/page/deferred-module.ts): the page opens without parsing them (test/bench/explore.mjs).
const pageOptions = { bundle: true, platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', plugins: [zodEnglishOnly] };
const deferredBody = async (sourcefile, contents) => {
  const out = await build({ ...pageOptions, stdin: { contents, resolveDir: src, sourcefile, loader: 'ts' }, format: 'iife', globalName: '__exports', footer: { js: 'return __exports;' }, write: false });
  return out.outputFiles[0].text;
};
await build({
  ...pageOptions,
  entryPoints: [join(src, 'explore/page/main.ts')],
  format: 'iife',
  define: {
    EXPLORE_DEFERRED_MATHJS: JSON.stringify(await deferredBody('explore-mathjs.ts', "export { create, all } from 'mathjs';")),
    EXPLORE_DEFERRED_EDITOR: JSON.stringify(await deferredBody('explore-editor.ts', "export { yamlEditor } from './explore/page/yaml-editor.ts';")),
  },
  outfile: join(dist, 'explore-page.js'),
});

// The code caches: a child process (plain `node`, the flags every command runs with) runs the
// workload and writes them. Not fatal: without caches every command still works, only slower.
const warm = spawnSync(process.execPath, [fileURLToPath(new URL('./warm-code-cache.mjs', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
if (warm.status !== 0) process.stderr.write(`bundle: warning: the code-cache warm-up failed (exit ${warm.status}); the bundles have no caches\n`);
