import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { isEdge } from './layer-table.js';

/**
 * `momentum-fr` (src/index.ts) bundles for a web page: esbuild, platform 'browser', fails on any
 * Node builtin, and the metafile lists every module in the bundle, so neither the CLI's packages nor
 * an edge of src/ may be among them.
 *
 * Ratchet: the Node builtins and edge files that other engineers remove from the core in this round
 * are listed (with who removes them); the test fails on a new one, and on a listed one that has gone.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `importer -> builtin` pairs still in the core, by who removes them. */
const BUILTINS_BEING_REMOVED: Record<string, string> = {
};
/** Edge files still reached from the core, by who removes the edge. */
const EDGES_BEING_REMOVED: Record<string, string> = {
};
/** Packages the library must never carry: the CLI's, the renderers' and the native addon. */
const FORBIDDEN_PACKAGES = ['commander', 'chalk', 'vega', 'vega-lite', '@resvg/resvg-js'];

const isBuiltin = (path: string) => path.startsWith('node:') || builtinModules.includes(path.split('/')[0]);

/** Lets the listed builtin imports of src/ files through (as externals), and records every builtin import of src/. */
function builtinsOfSource(seen: string[]): Plugin {
  return {
    name: 'builtins-of-source',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!isBuiltin(args.path) || !args.importer.startsWith(`${ROOT}src/`)) return undefined;
        const pair = `${relative(ROOT, args.importer)} -> ${args.path.startsWith('node:') ? args.path : `node:${args.path}`}`;
        seen.push(pair);
        return pair in BUILTINS_BEING_REMOVED ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

let metafile: Metafile;
const builtins: string[] = [];
beforeAll(async () => {
  const result = await build({
    entryPoints: [`${ROOT}src/index.ts`],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
    plugins: [builtinsOfSource(builtins)],
  });
  metafile = result.metafile;
}, 120_000);

describe('momentum-fr bundles for a browser (esbuild, platform "browser")', () => {
  it('the bundle builds, and src/ imports no Node builtin beyond the ones being removed', () => {
    expect([...new Set(builtins)].filter((b) => !(b in BUILTINS_BEING_REMOVED)), 'Node builtins in the core').toEqual([]);
  });

  it('every listed builtin import is still there (delete the ones that went)', () => {
    expect(Object.keys(BUILTINS_BEING_REMOVED).filter((b) => !builtins.includes(b))).toEqual([]);
  });

  it('carries none of commander, chalk, vega, vega-lite, @resvg', () => {
    const packages = new Set(Object.keys(metafile.inputs).map(packageOf).filter((p) => p !== undefined));
    expect(FORBIDDEN_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    // The core's own packages are there: the check above looks at the right list.
    for (const p of ['zod', 'yaml', 'fft.js', 'mathjs']) expect(packages, p).toContain(p);
  });

  it('carries no edge of src/ (io, cli, plot/render, sweep/parallel, the node entry) beyond the ones being removed, and each listed one is still there', () => {
    const sources = Object.keys(metafile.inputs).filter((i) => i.startsWith('src/'));
    expect(sources).toContain('src/index.ts');
    const edges = sources.filter(isEdge);
    expect(edges.filter((e) => !(e in EDGES_BEING_REMOVED)), 'edge files in the library bundle').toEqual([]);
    expect(Object.keys(EDGES_BEING_REMOVED).filter((e) => !edges.includes(e)), 'gone: delete these entries').toEqual([]);
  });
});
