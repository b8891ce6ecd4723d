#!/usr/bin/env node
// Build step after tsc: bundles the dependencies commands load at start-up (zod: ~100 ESM files;
// yaml: ~85 CommonJS files; commander and chalk: ~10 each) and those `plot` loads (vega and
// vega-lite: ~350 files of ~40 packages) into minified files under dist/vendor/, and points dist/'s
// imports at them. Fewer, smaller files cut the start-up of every command by tens of milliseconds
// and of `plot` by ~150 ms (see `npm run bench`). Types (.d.ts) keep importing the packages
// themselves. vega and vega-lite are still imported lazily, only by the code that draws; mathjs and
// resvg (a native addon) stay as they are.
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const VENDORED = ['zod', 'yaml', 'commander', 'chalk', 'vega', 'vega-lite'];

/** ESM re-exports everything statically; a CommonJS package (yaml on Node) needs its names listed. */
async function entrySource(name) {
  const mod = await import(name);
  const names = Object.keys(mod).filter((k) => k !== 'default' && k !== 'module.exports' && /^[A-Za-z_$][\w$]*$/.test(k));
  const isCommonJs = 'module.exports' in mod || (mod.default && typeof mod.default === 'object' && names.every((k) => mod.default[k] === mod[k]));
  if (!isCommonJs) return `export * from '${name}';`;
  return `import m from '${name}';\nexport const { ${names.join(', ')} } = m;\nexport default m;\n`;
}

await build({
  entryPoints: VENDORED.map((name) => ({ in: `vendor-entry:${name}`, out: name })),
  plugins: [
    {
      // zod ships ~45 message locales and loads them all; momentum-fr's messages are English (its
      // own), so only `en` (zod's default) is kept: a third of the bundle, parsed at every start.
      name: 'zod-english-only',
      setup(b) {
        b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', resolveDir: join(root, 'node_modules/zod/v4/locales') }));
      },
    },
    {
      name: 'vendor-entry',
      setup(b) {
        b.onResolve({ filter: /^vendor-entry:/ }, (args) => ({ path: args.path.slice('vendor-entry:'.length), namespace: 'vendor-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, async (args) => ({ contents: await entrySource(args.path), resolveDir: root }));
      },
    },
  ],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: join(dist, 'vendor'),
  // yaml's Node build is CommonJS and requires node builtins: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
  legalComments: 'inline',
  minify: true,
  splitting: true, // vega and vega-lite share vega-util and d3 modules: one copy in a shared chunk
  logLevel: 'warning',
});

/** Rewrites `from 'zod'` / `import('yaml')` in every compiled module to the vendored file. */
function rewrite(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'vendor') rewrite(path);
      continue;
    }
    if (!entry.name.endsWith('.js')) continue;
    const text = readFileSync(path, 'utf8');
    let next = text;
    for (const name of VENDORED) {
      let target = relative(dirname(path), join(dist, 'vendor', `${name}.js`)).split(sep).join('/');
      if (!target.startsWith('.')) target = `./${target}`;
      next = next.replace(new RegExp(`(from |import\\()(['"])${name}\\2`, 'g'), `$1$2${target}$2`);
    }
    if (next !== text) writeFileSync(path, next);
  }
}
rewrite(dist);
