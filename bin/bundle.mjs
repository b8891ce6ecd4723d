#!/usr/bin/env node
// Build step after tsc (`npm run build`): the CLI in two CommonJS files, which bin/momentum-fr.js
// loads (src/util/load-bundle.ts) for every command and every sweep worker thread:
// - dist/cli.cjs: src/cli/main.ts with every module it imports and the packages zod, yaml,
//   commander, chalk and fft.js (~150 ES modules and ~200 package files otherwise);
// - dist/vega.cjs: vega and vega-lite (~350 files of ~40 packages), required by cli.cjs when a
//   command draws;
// - their V8 code caches for the Node.js that builds (and for that version only), written by
//   bin/warm-code-cache.mjs after a representative run.
// dist/'s ES modules (tsc's output, the library) are left as they are: they import the packages.
// mathjs (large, loaded only for custom expressions) and resvg (a native addon) stay packages.
// What this buys, measured: README.md, "What the build buys".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
for (const f of readdirSync(dist)) if (/^(cli|vega)\.cjs(\.map|\..*\.cache)?$/.test(f)) rmSync(join(dist, f));

await build({
  ...common,
  stdin: { contents: "export * as vega from 'vega';\nexport * as vega_lite from 'vega-lite';\n", resolveDir: root, sourcefile: 'vega-entry.js', loader: 'js' },
  // vega-canvas looks for the optional `canvas` package with a top-level await (which CommonJS cannot
  // hold); its browser build finds no canvas in Node. Text is then measured from the font size alone,
  // so a figure's layout (and its bytes) does not depend on whether a machine has node-canvas.
  alias: { 'vega-canvas': join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js') },
  outfile: join(dist, 'vega.cjs'),
});

await build({
  ...common,
  stdin: {
    contents: "export { run } from './cli/main.ts';\nexport const sweepWorker = () => import('./sweep/parallel/sweep-worker.ts');\n",
    resolveDir: src,
    sourcefile: 'cli-entry.ts',
    loader: 'ts',
  },
  plugins: [
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
        b.onResolve({ filter: /^\.\/vega\.cjs$/ }, (args) => ({ path: args.path, external: true }));
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
  ],
  // One file, one URL: every module's import.meta.url is the bundle's (dist/cli.cjs), so paths
  // resolved from it must not depend on the module's folder (src/version.ts finds package.json by
  // the package's name); sweep workers start from the binary (src/sweep/parallel/run-sweep.ts).
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl', CLI_WORKER_ENTRY: JSON.stringify('../bin/momentum-fr.js') },
  external: ['mathjs'],
  // For `--debug`: stack traces name src/ files (src/util/load-bundle.ts turns source maps on).
  sourcemap: 'linked',
  sourcesContent: false,
  outfile: join(dist, 'cli.cjs'),
});

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
// Then the start-up variant (help and version only; src/util/load-bundle.ts).
for (const variant of [[], ['--start']]) {
  const warm = spawnSync(process.execPath, [fileURLToPath(new URL('./warm-code-cache.mjs', import.meta.url)), ...variant], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (warm.status !== 0) process.stderr.write(`bundle: warning: the code-cache warm-up${variant.length ? ` (${variant[0]})` : ''} failed (exit ${warm.status}); the bundles have no caches\n`);
}
