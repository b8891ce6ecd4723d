import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; main: string; types: string; dependencies: Record<string, string> };

/** What `npm pack` would put in the tarball (scripts off: `prepare` would rebuild dist/). */
function packed(): { files: string[]; unpackedSize: number } {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [entry] = JSON.parse(r.stdout) as { files: { path: string }[]; unpackedSize: number }[];
  return { files: entry.files.map((f) => f.path), unpackedSize: entry.unpackedSize };
}

/** The package a require() of `spec` names: `@scope/name` or `name`. */
function packageOf(spec: string): string {
  return spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
}

describe('the published package (`npm pack --dry-run`)', () => {
  const { files, unpackedSize } = packed();

  it('holds the binary, the library with its types, the CLI bundles, the configs and the docs', () => {
    for (const f of ['package.json', 'README.md', PKG.bin['momentum-fr'], PKG.main.replace(/^\.\//, ''), PKG.types.replace(/^\.\//, ''), 'dist/cli.cjs', 'dist/cli-actions.cjs', 'dist/vega.cjs', 'dist/util/load-bundle.js', 'dist/util/load-bundle.cjs', 'bin/package.json', 'configs/fsgdm-cifar100.yaml', 'docs/cli.md']) {
      expect(files, f).toContain(f);
    }
  });

  it('holds no code cache, no vendored package, no sources, tests or build scripts', () => {
    const unwanted = files.filter((f) => /\.cache$|^dist\/vendor\/|^src\/|^test\/|^node_modules\/|^\.ci\/|^bin\/(?!momentum-fr\.js$|package\.json$)/.test(f));
    expect(unwanted).toEqual([]);
    // A registry install of a few MB: the three bundles are ~1.6 MB of it.
    expect(unpackedSize).toBeLessThan(20e6);
  });

  it('every require() left in the CLI bundles names a node: builtin, another bundle or a declared dependency', () => {
    const declared = new Set(Object.keys(PKG.dependencies));
    const builtins = new Set(builtinModules);
    const foreign: string[] = [];
    for (const bundle of ['dist/cli.cjs', 'dist/cli-actions.cjs', 'dist/vega.cjs', 'dist/mathjs.cjs']) {
      expect(files).toContain(bundle);
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      for (const [, spec] of text.matchAll(/\brequire\("([^"]+)"\)/g)) {
        const ok = /^\.\/(cli|cli-actions|vega|mathjs)\.cjs$/.test(spec) || builtins.has(spec.replace(/^node:/, '')) || declared.has(packageOf(spec));
        if (!ok) foreign.push(`${bundle} → ${spec}`);
      }
    }
    expect(foreign).toEqual([]);
    expect(existsSync(join(ROOT, 'dist/vendor'))).toBe(false);
  });
});
