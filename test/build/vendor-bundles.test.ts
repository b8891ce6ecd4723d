import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleCacheStatus, loadBundle, writeCodeCaches } from '../../src/util/load-bundle.js';

const ROOT = join(import.meta.dirname, '../..');
const VENDOR = join(ROOT, 'dist/vendor');
const PACKAGES = ['zod', 'yaml', 'commander', 'chalk', 'vega', 'vega-lite'];

/** Runs an ES module snippet in a fresh `node` (the flags commands run with) and parses its JSON. */
function nodeJson(code: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('dependency bundles under dist/vendor (bin/bundle.mjs)', () => {
  it('every bundle has a code cache, and a fresh node process accepts each one', () => {
    const bundles = readdirSync(VENDOR).filter((f) => f.endsWith('.cjs'));
    expect(bundles.sort()).toEqual(['chalk.cjs', 'commander.cjs', 'vega-all.cjs', 'yaml.cjs', 'zod.cjs']);
    for (const b of bundles) expect(existsSync(join(VENDOR, `${b}.cache`)), b).toBe(true);
    const status = nodeJson(
      `${PACKAGES.map((p, i) => `import * as m${i} from ${JSON.stringify(pathToFileURL(join(VENDOR, `${p}.js`)).href)};`).join('\n')}
       const { bundleCacheStatus } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/util/load-bundle.js')).href)});
       console.log(JSON.stringify(bundleCacheStatus().map((s) => [s.file.split('/').pop(), s.cached])));`,
    ) as [string, boolean][];
    expect(status.sort()).toEqual(['chalk.cjs', 'commander.cjs', 'vega-all.cjs', 'yaml.cjs', 'zod.cjs'].map((f) => [f, true]));
  });

  it('dist/cli.cjs (what bin/momentum-fr.js runs for commands) has a code cache V8 accepts, and prints what the ES modules print', () => {
    expect(existsSync(join(ROOT, 'dist/cli.cjs.cache'))).toBe(true);
    const result = nodeJson(
      `import { Writable } from 'node:stream';
       const { loadBundle, bundleCacheStatus } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/util/load-bundle.js')).href)});
       const bundled = loadBundle(new URL(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli.cjs')).href)}));
       const modules = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/main.js')).href)});
       const capture = async (run, argv) => {
         let out = '';
         const stdout = new Writable({ write: (c, _e, done) => ((out += c), done()) });
         const code = await run(argv, { stdout, stderr: stdout, env: { NO_COLOR: '1' }, cwd: ${JSON.stringify(ROOT)} });
         return code + ':' + out;
       };
       const jobs = [['analyze', 'configs/fsgdm-cifar100.yaml', '--format', 'json', '--freqs', '16'], ['analyze', 'configs/aggmo.yaml'], ['coefficients', 'configs/qhm.yaml', '--format', 'csv'], ['validate', 'configs/nope.yaml'], ['plot', 'configs/ema-sgdm.yaml', '--kind', 'response-map', '-o', '-', '--format', 'svg']];
       const same = [];
       for (const argv of jobs) same.push([argv[0], (await capture(bundled.run, argv)) === (await capture(modules.run, argv))]);
       console.log(JSON.stringify({ cached: bundleCacheStatus().find((s) => s.file.endsWith('cli.cjs')).cached, same }));`,
    ) as { cached: boolean; same: [string, boolean][] };
    expect(result.cached).toBe(true);
    expect(result.same).toEqual([
      ['analyze', true],
      ['analyze', true],
      ['coefficients', true],
      ['validate', true],
      ['plot', true],
    ]);
  });

  it('each vendored module exports exactly the names the package itself exports', () => {
    const names = nodeJson(
      `const out = {};
       for (const p of ${JSON.stringify(PACKAGES)}) {
         const keys = (m) => Object.keys(m).filter((k) => k !== 'module.exports').sort();
         out[p] = [keys(await import(p)), keys(await import(${JSON.stringify(pathToFileURL(VENDOR).href)} + '/' + p + '.js'))];
       }
       console.log(JSON.stringify(out));`,
    ) as Record<string, [string[], string[]]>;
    for (const p of PACKAGES) {
      const [own, vendored] = names[p];
      expect(own.length, p).toBeGreaterThan(1);
      // yaml is CommonJS: Node's ESM view of it has a `default` that the bundle exposes too.
      expect(vendored, p).toEqual(own);
    }
  });
});

describe('loadBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a CommonJS file with or without a cache; a cache V8 rejects costs nothing but the compile', () => {
    const file = join(dir, 'sum.cjs');
    writeFileSync(file, "const { join } = require('node:path');\nexports.sum = (a, b) => a + b;\nexports.where = join(__dirname, 'x');\n");
    const url = pathToFileURL(file);
    const first = loadBundle(url) as { sum(a: number, b: number): number; where: string };
    expect(first.sum(2, 3)).toBe(5);
    expect(first.where).toBe(join(dir, 'x'));
    expect(bundleCacheStatus().find((s) => s.file === file)?.cached).toBe(false);

    expect(writeCodeCaches()).toContain(`${file}.cache`);
    // In a fresh process: here V8 would find the source in its in-memory compilation cache anyway.
    const second = nodeJson(
      `const { loadBundle, bundleCacheStatus } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/util/load-bundle.js')).href)});
       const m = loadBundle(new URL(${JSON.stringify(url.href)}));
       console.log(JSON.stringify({ sum: m.sum(4, 5), cached: bundleCacheStatus()[0].cached }));`,
    );
    expect(second).toEqual({ sum: 9, cached: true });

    // Another source (V8 would otherwise find the first one in its in-memory compilation cache).
    const other = join(dir, 'product.cjs');
    writeFileSync(other, 'exports.product = (a, b) => a * b;\n');
    writeFileSync(`${other}.cache`, Buffer.from('not a code cache'));
    const third = loadBundle(pathToFileURL(other)) as { product(a: number, b: number): number };
    expect(third.product(3, 4)).toBe(12);
    expect(bundleCacheStatus().find((s) => s.file === other)?.cached).toBe(false);
  });
});
