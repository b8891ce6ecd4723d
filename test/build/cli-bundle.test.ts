import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import module, { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleLoads, codeCacheFile, loadBundle, writeCodeCaches } from '../../src/util/load-bundle.js';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
/** Node ≥ 22.8: Node's compile cache, for what the binary requires. */
const COMPILE_CACHE = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const LOADER = pathToFileURL(join(DIST, 'util/load-bundle.js')).href;

const scratch = mkdtempSync(join(tmpdir(), 'mfr-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs an ES module snippet in a fresh `node` (the flags commands run with) and parses the JSON it prints. */
async function nodeJson(code: string, env: Record<string, string> = {}): Promise<unknown> {
  const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** The binary and its build in a directory of their own (node_modules and configs linked), to break on purpose. */
function packageCopy(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'bin/momentum-fr.js'), join(dir, 'bin/momentum-fr.js'));
  cpSync(join(ROOT, 'bin/package.json'), join(dir, 'bin/package.json'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(DIST, join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(ROOT, 'configs'), join(dir, 'configs'));
  return dir;
}

function spawnBin(dir: string, args: string[], cwd = scratch) {
  return spawnAsync(process.execPath, [join(dir, 'bin/momentum-fr.js'), ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
}

/**
 * spawnSync's result without blocking this test worker: a file of blocking spawns keeps vitest's
 * own messages to the worker unanswered, and they time out after 60 s on a loaded machine.
 */
function spawnAsync(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail).on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Every specifier a compiled module imports (static, re-exported or dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('the library: dist/ as tsc wrote it', () => {
  it('every module reachable from the entry points (dist/index.js, index-node.js, node.js) imports only node: builtins, modules under dist/ and declared dependencies; none of them loads code through vm', async () => {
    const declared = new Set(Object.keys(PKG.dependencies));
    const builtins = new Set(builtinModules);
    const seen = new Set<string>();
    const foreign: string[] = [];
    // Every entry point package.json exports: momentum-fr (its browser and node conditions) and momentum-fr/node.
    const queue = ['index.js', 'index-node.js', 'node.js'].map((f) => join(DIST, f));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of specifiers(file)) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (relative(DIST, target).startsWith('..') || !existsSync(target)) foreign.push(`${relative(ROOT, file)} → ${spec}`);
          else queue.push(target);
        } else if (spec === 'node:vm' || !(spec.startsWith('node:') ? builtins.has(spec.slice(5)) : declared.has(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')))) {
          foreign.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(seen.has(join(DIST, 'util/load-bundle.js'))).toBe(false);
    expect(foreign).toEqual([]);
  });

  it("`import 'momentum-fr'` analyses a config and `momentum-fr/node` draws an SVG with the installed vega", async () => {
    const result = await nodeJson(
      `import { readFileSync } from 'node:fs';
       import { analyze, parseSchedules } from 'momentum-fr';
       import { renderPlots } from 'momentum-fr/node';
       const yaml = readFileSync('configs/ema-sgdm.yaml', 'utf8');
       const stage = analyze(yaml).schedules[0].stages[0];
       const { files } = await renderPlots(parseSchedules(yaml).schedules, { kinds: ['magnitude'], formats: ['svg'] });
       console.log(JSON.stringify({ u: stage.u, svg: files[0].data.toString().startsWith('<svg') }));`,
    );
    expect(result).toEqual({ u: 0.9, svg: true });
  });
});

describe('dist/cli.cjs, dist/cli-actions.cjs and dist/vega.cjs: what the binary runs', () => {
  it('prints what the ES modules (dist/cli/main.js) print, byte for byte, for a set of commands', async () => {
    const jobs = [
      ['--help'],
      ['--version'],
      ['analyze', 'configs/fsgdm-cifar100.yaml', '--format', 'json', '--freqs', '16'],
      ['analyze', 'configs/aggmo.yaml'],
      ['analyze', 'configs/custom-expressions.yaml', '--stages', 'last', '--format', 'csv'],
      ['coefficients', 'configs/qhm.yaml', '--format', 'csv'],
      ['validate', 'configs/nope.yaml'],
      ['plot', 'configs/ema-sgdm.yaml', '--kind', 'response-map', '-o', '-', '--format', 'svg'],
      ['plot', 'configs/ema-sgdm.yaml', '--kind', 'bode', '-o', '-', '--format', 'vg.json'],
      ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:12', '--stages', 'last', '--format', 'csv'],
      ['simulate', '--preset', 'ema-sgdm', '--steps', '2000', '--format', 'json'],
      ['spectrum', 'test/fixtures/spectral/grad-trace.npy', '--format', 'json'],
    ];
    const result = await nodeJson(
      `import { Writable } from 'node:stream';
       const { loadCli } = await import(${JSON.stringify(LOADER)});
       const bundled = loadCli();
       const modules = await import(${JSON.stringify(pathToFileURL(join(DIST, 'cli/main.js')).href)});
       const capture = async (run, argv) => {
         let out = '';
         const stdout = new Writable({ write: (c, _e, done) => ((out += c), done()) });
         const code = await run(argv, { stdout, stderr: stdout, env: { NO_COLOR: '1' }, cwd: ${JSON.stringify(ROOT)} });
         return code + ':' + out;
       };
       const same = [];
       for (const argv of ${JSON.stringify(jobs)}) {
         const a = await capture(bundled.run, argv), b = await capture(modules.run, argv);
         same.push([argv.join(' '), a === b, a.length]);
       }
       console.log(JSON.stringify(same));`,
    ) as [string, boolean, number][];
    expect(result.map(([argv, same]) => [argv, same])).toEqual(jobs.map((argv) => [argv.join(' '), true]));
    for (const [argv, , length] of result) expect(length, argv).toBeGreaterThan(5);
  });

  it('help and the version read dist/cli.cjs alone, a bundle under 100 KB, and load neither what the commands do nor worker_threads', async () => {
    // Recorded as the process exits: the bundles the binary's loader ran, and whether Node loaded worker_threads.
    const probe = join(scratch, 'start-probe.cjs');
    writeFileSync(
      probe,
      `process.on('exit', () => {
         const loads = require(${JSON.stringify(join(DIST, 'util/load-bundle.cjs'))}).bundleLoads().map((l) => require('node:path').basename(l.file));
         process.stderr.write(JSON.stringify({ loads, workerThreads: process.moduleLoadList.includes('NativeModule worker_threads') }));
       });\n`,
    );
    for (const argv of [['--help'], ['--version'], ['sweep', '--help'], ['help', 'analyze'], []]) {
      const r = await spawnAsync(process.execPath, ['-r', probe, join(ROOT, 'bin/momentum-fr.js'), ...argv], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
      const probed = r.stderr.lastIndexOf('{"loads"');
      // Without a command, the help goes to stderr.
      expect([argv.join(' '), r.status, (r.stdout + r.stderr.slice(0, probed)).includes('Usage:') || /^\d+\.\d+\.\d+\n$/.test(r.stdout), JSON.parse(r.stderr.slice(probed))]).toEqual([argv.join(' '), 0, true, { loads: ['cli.cjs'], workerThreads: false }]);
    }
    expect(readFileSync(join(DIST, 'cli.cjs')).length).toBeLessThan(100_000);
  });

  it('--version reads the version from package.json inside the bundle too', async () => {
    const dir = packageCopy('version');
    const r = await spawnBin(dir, ['--version']);
    expect(r.stdout).toBe(`${PKG.version}\n`);
  });

  it('sweep worker threads start from the binary and run the bundle: --jobs 2 needs no ES-module worker and writes the bytes of --jobs 1', async () => {
    const dir = packageCopy('workers');
    rmSync(join(dir, 'dist/sweep/parallel/sweep-worker.js'));
    const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:30:log', '--grid', 'v=0.5:2:20', '--stages', 'first,step:50000,last', '-f', 'csv'];
    const serial = await spawnBin(dir, [...args, '--jobs', '1']);
    const parallel = await spawnBin(dir, [...args, '--jobs', '2']);
    expect(parallel.stderr).toBe('');
    expect(parallel.status).toBe(0);
    expect(parallel.stdout.length).toBeGreaterThan(100_000);
    expect(parallel.stdout === serial.stdout).toBe(true);
  });

  it('a worker thread that fails as it starts fails the sweep (exit 1, its message on stderr) instead of being left out', async () => {
    const dir = packageCopy('broken-worker');
    const bin = join(dir, 'bin/momentum-fr.js');
    const text = readFileSync(bin, 'utf8');
    expect(text).toContain('else if (worker) cli.sweepWorker();');
    writeFileSync(bin, text.replace('else if (worker) cli.sweepWorker();', "else if (worker) throw new Error('the worker broke');"));
    const r = await spawnBin(dir, ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:300', '--grid', 'v=0.5:2:100', '--stages', 'last', '-f', 'csv', '--jobs', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^momentum-fr: the worker broke/);
    // Rows the calling thread wrote before the failure arrived, at most: never all 30 000.
    expect(r.stdout.split('\n').length).toBeLessThan(30_000);
  });

  it("in a checkout, a bundle older than tsc's output is never run: the binary says to rebuild and exits 1", async () => {
    const dir = packageCopy('stale');
    mkdirSync(join(dir, 'src/cli'), { recursive: true });
    writeFileSync(join(dir, 'src/cli/main.ts'), '// a checkout: the sources are here\n');
    const bundle = join(dir, 'dist/cli.cjs');
    writeFileSync(bundle, "exports.run = async () => (process.stdout.write('the old bundle ran\\n'), 0);\n");
    const then = new Date('2020-01-01T00:00:00Z');
    utimesSync(bundle, then, then);
    const stale = await spawnBin(dir, ['--version']);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toMatch(/^momentum-fr: .*dist\/cli\.cjs is older than .*dist\/cli\/main\.js: run `npm run build`\n$/);
    expect(stale.status).toBe(1);

    // The same file, as new as tsc's output, is run: it was its age that kept it from running.
    const now = new Date();
    utimesSync(join(dir, 'dist/cli/main.js'), now, now);
    utimesSync(bundle, now, now);
    expect((await spawnBin(dir, ['--version'])).stdout).toBe('the old bundle ran\n');
  });

  it('an installed package (no src/) runs its bundle whatever the ages npm gave the files; without one it says to rebuild', async () => {
    const dir = packageCopy('installed');
    const bundle = join(dir, 'dist/cli.cjs');
    writeFileSync(bundle, "exports.run = async () => (process.stdout.write('the bundle ran\\n'), 0);\n");
    // npm writes a tarball's files in order, stamped with the time: dist/cli.cjs before dist/cli/.
    const then = new Date('2020-01-01T00:00:00Z');
    utimesSync(bundle, then, then);
    expect((await spawnBin(dir, ['--version'])).stdout).toBe('the bundle ran\n');

    rmSync(bundle);
    const missing = await spawnBin(dir, ['--version']);
    expect([missing.status, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toMatch(/^momentum-fr: .*dist\/cli\.cjs is missing: run `npm run build`\n$/);
  });

  it('vega and vega-lite run from dist/vega.cjs, built from the installed packages (the ones the HTML page inlines)', async () => {
    const versions = await nodeJson(
      `import { readFileSync } from 'node:fs';
       import { createRequire } from 'node:module';
       import { dirname, join } from 'node:path';
       const require = createRequire(import.meta.url);
       const b = require('./dist/vega.cjs');
       // Both packages export only their entry, in build/ beside package.json's folder.
       const installed = (p) => JSON.parse(readFileSync(join(dirname(require.resolve(p)), '../package.json'), 'utf8')).version;
       console.log(JSON.stringify([b.vega.version, b.vega_lite.version, installed('vega'), installed('vega-lite')]));`,
    ) as string[];
    expect(versions.slice(0, 2)).toEqual(versions.slice(2));
    expect(readFileSync(join(DIST, 'cli-actions.cjs'), 'utf8')).toContain('require("./vega.cjs")');
  });

  it('with the code caches the build wrote for this Node.js, the three bundles run in a vm.Script and V8 takes them', async () => {
    const dir = packageCopy('code-cache');
    for (const f of readdirSync(join(dir, 'dist'))) if (f.endsWith('.cache')) rmSync(join(dir, 'dist', f));
    // The build's warm-up, run by this Node in the copy.
    cpSync(join(ROOT, 'bin/warm-code-cache.mjs'), join(dir, 'bin/warm-code-cache.mjs'));
    const warm = await spawnAsync(process.execPath, [join(dir, 'bin/warm-code-cache.mjs')], { cwd: scratch, env: process.env });
    expect(warm.status, warm.stderr).toBe(0);
    for (const f of ['cli.cjs', 'cli-actions.cjs', 'vega.cjs']) expect(existsSync(codeCacheFile(join(dir, 'dist', f))), f).toBe(true);
    expect(await loadsOfPlot(dir)).toEqual([
      ['cli.cjs', 'code-cache', true],
      ['cli-actions.cjs', 'code-cache', true],
      ['vega.cjs', 'code-cache', true],
    ]);
  });

  it('a config with an expression takes mathjs from dist/mathjs.cjs with its code cache: no file of the mathjs package is required', async () => {
    const got = (await nodeJson(
      `import { Writable } from 'node:stream';
       import { createRequire } from 'node:module';
       const { loadCli, bundleLoads } = await import(${JSON.stringify(LOADER)});
       const sink = new Writable({ write: (_c, _e, done) => done() });
       const code = await loadCli().run(['validate', 'configs/yolo-nesterov-warmup.yaml'], { stdout: sink, stderr: sink, env: {}, cwd: ${JSON.stringify(ROOT)} });
       if (code !== 0) throw new Error('validate exited ' + code);
       const packageFiles = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/node_modules/mathjs/')).length;
       console.log(JSON.stringify({ loads: bundleLoads().map((l) => [l.file.split('/').pop(), l.via, l.cacheAccepted]), packageFiles }));`,
    )) as { loads: unknown[][]; packageFiles: number };
    expect(got.packageFiles).toBe(0);
    // The build's code caches are keyed for the Node.js that built it; on another one (CI's 22 and 24)
    // the bundles are required instead (and only the first is recorded).
    if (existsSync(codeCacheFile(join(DIST, 'cli.cjs')))) {
      expect(got.loads).toEqual([['cli.cjs', 'code-cache', true], ['cli-actions.cjs', 'code-cache', true], ['mathjs.cjs', 'code-cache', true]]);
    }
  });

  it("dist/mathjs.cjs holds mathjs' create and the expression sandbox's factories only, not all of mathjs' (~370, with units and the symbolic algebra)", async () => {
    const got = (await nodeJson(
      `import { createRequire } from 'node:module';
       import { dirname, join } from 'node:path';
       const require = createRequire(import.meta.url);
       const { sandboxFactories } = await import(${JSON.stringify(pathToFileURL(join(DIST, 'schedule/mathjs-provider.js')).href)});
       const bundled = require(${JSON.stringify(join(DIST, 'mathjs.cjs'))});
       const { all } = require(join(dirname(require.resolve('mathjs')), 'entry/allFactoriesAny.js'));
       const math = bundled.create(bundled.all, { number: 'number', predictable: true });
       console.log(JSON.stringify({ bundled: Object.keys(bundled.all).sort(), sandbox: Object.keys(sandboxFactories(all)).sort(), all: Object.keys(all).length, value: math.parse('max(t, 2) ^ 2 % 7').compile().evaluate(new Map([['t', 3]])) }));`,
    )) as { bundled: string[]; sandbox: string[]; all: number; value: number };
    expect(got.bundled).toEqual(got.sandbox);
    expect(got.bundled.length).toBeLessThan(got.all / 3);
    expect(got.value).toBe(2);
  });

  it.runIf(COMPILE_CACHE)("without a code cache for this Node.js (a registry install), Node ≥ 22.8 requires the bundles with its compile cache on, which keeps their compiled code from the first run", async () => {
    const dir = packageCopy('compile-cache');
    for (const f of readdirSync(join(dir, 'dist'))) if (f.endsWith('.cache')) rmSync(join(dir, 'dist', f));
    const cache = join(scratch, 'node-compile-cache');
    // Node keeps it in a folder per Node.js version under the directory it is given.
    expect(await loadsOfPlot(dir, { NODE_COMPILE_CACHE: cache })).toEqual([['cli.cjs', 'require', expect.stringMatching(new RegExp(`^${cache}/v${process.versions.node}-`))]]);
    // One entry per compiled file, named by a hash of its path: at least the three bundles.
    const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(entries.length).toBeGreaterThanOrEqual(3);
  });
});

/** How the bundles of a package copy load for a `plot` (which needs all three), in a fresh `node`. */
function loadsOfPlot(dir: string, env: Record<string, string> = {}): Promise<unknown> {
  return nodeJson(
    `import { Writable } from 'node:stream';
     const { loadCli, bundleLoads } = await import(${JSON.stringify(pathToFileURL(join(dir, 'dist/util/load-bundle.js')).href)});
     const sink = new Writable({ write: (_c, _e, done) => done() });
     const code = await loadCli().run(['plot', 'configs/ema-sgdm.yaml', '--kind', 'magnitude', '-o', '-', '--format', 'svg'], { stdout: sink, stderr: sink, env: {}, cwd: ${JSON.stringify(ROOT)} });
     if (code !== 0) throw new Error('plot exited ' + code);
     console.log(JSON.stringify(bundleLoads().map((l) => [l.file.split('/').pop(), l.via, l.cacheAccepted ?? l.compileCache].filter((x) => x !== undefined))));`,
    env,
  );
}

describe('loadBundle (the code-cache way)', () => {
  const dir = join(scratch, 'load-bundle');
  mkdirSync(dir, { recursive: true });

  it('runs a CommonJS file with or without a cache, and its relative requires of .cjs files the same way', async () => {
    const file = join(dir, 'sum.cjs');
    writeFileSync(join(dir, 'twice.cjs'), 'exports.twice = (x) => 2 * x;\n');
    writeFileSync(file, "const { join } = require('node:path');\nconst { twice } = require('./twice.cjs');\nexports.sum = (a, b) => twice(a + b) / 2;\nexports.where = join(__dirname, 'x');\n");
    const first = loadBundle(file) as { sum(a: number, b: number): number; where: string };
    expect(first.sum(2, 3)).toBe(5);
    expect(first.where).toBe(join(dir, 'x'));
    expect(loadBundle(file)).toBe(first);
    expect(bundleLoads().filter((l) => l.file.startsWith(dir))).toEqual([
      { file: join(dir, 'twice.cjs'), via: 'code-cache', cacheAccepted: false },
      { file, via: 'code-cache', cacheAccepted: false },
    ]);

    expect(writeCodeCaches()).toEqual(expect.arrayContaining([codeCacheFile(file), codeCacheFile(join(dir, 'twice.cjs'))]));
    // In a fresh process (this one has the sources in V8's in-memory compilation cache anyway).
    const fresh = `const { loadBundle, bundleLoads } = await import(${JSON.stringify(LOADER)});
       const m = loadBundle(${JSON.stringify(file)});
       console.log(JSON.stringify({ sum: m.sum(4, 5), accepted: bundleLoads().map((l) => l.cacheAccepted) }));`;
    expect(await nodeJson(fresh)).toEqual({ sum: 9, accepted: [true, true] });

    // A cache older than its bundle is not even offered to V8 (V8 checks little more than the length).
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(await nodeJson(fresh)).toEqual({ sum: 9, accepted: [true, false] });
  });

  it('a code cache is named after the Node.js version, the architecture and the V8 version that wrote it', async () => {
    expect(codeCacheFile('/x/cli.cjs')).toBe(`/x/cli.cjs.v${process.versions.node}-${process.arch}-v8-${process.versions.v8}.cache`);
  });

  it('a cache another Node.js build wrote is never offered to V8 (Node 20.19.0 takes one from 20.20.2, then crashes)', async () => {
    const file = join(dir, 'answer.cjs');
    writeFileSync(file, 'exports.answer = () => 42;\n');
    const fresh = `const { loadBundle, bundleLoads } = await import(${JSON.stringify(LOADER)});
       console.log(JSON.stringify({ answer: loadBundle(${JSON.stringify(file)}).answer(), accepted: bundleLoads()[0].cacheAccepted }));`;
    loadBundle(file);
    const [cache] = writeCodeCaches().filter((f) => f.startsWith(file));
    expect(await nodeJson(fresh)).toEqual({ answer: 42, accepted: true });
    // The same bytes, which this V8 would take, under the names other builds of Node would look for:
    // another version of the same major, this version on another V8, the unkeyed name.
    const [major] = process.versions.node.split('.');
    const foreign = [`${file}.v${major}.0.0-${process.arch}-v8-${process.versions.v8}.cache`, `${file}.${process.version}-${process.arch}-v8-0.0.0.cache`, `${file}.${process.version}-${process.arch}.cache`, `${file}.cache`];
    for (const name of foreign) cpSync(cache, name);
    rmSync(cache);
    expect(await nodeJson(fresh)).toEqual({ answer: 42, accepted: false });
  });

  it('the binary runs, and prints the same bytes, when its code caches are for another Node.js build', async () => {
    const dir = packageCopy('foreign-cache');
    const args = ['plot', 'configs/ema-sgdm.yaml', '--kind', 'magnitude', '-o', '-', '--format', 'svg'];
    const own = await spawnBin(dir, args, ROOT);
    expect(own.status, own.stderr).toBe(0);
    // What another Node wrote: the caches of this one, keyed for another V8.
    for (const f of readdirSync(join(dir, 'dist'))) if (f.endsWith('.cache')) renameSync(join(dir, 'dist', f), join(dir, 'dist', f.replace(/-v8-[^/]*\.cache$/, '-v8-0.0.0.cache')));
    expect(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('-v8-0.0.0.cache')).length).toBe(4);
    const foreign = await spawnBin(dir, args, ROOT);
    expect([foreign.status, foreign.stderr]).toEqual([0, '']);
    expect(foreign.stdout === own.stdout).toBe(true);
    expect(await loadsOfPlot(dir)).toEqual(COMPILE_CACHE ? [['cli.cjs', 'require', expect.any(String)]] : [['cli.cjs', 'require']]);
  });

  it('a cache V8 rejects costs nothing but the compile', async () => {
    const other = join(dir, 'product.cjs');
    writeFileSync(other, 'exports.product = (a, b) => a * b;\n');
    writeFileSync(codeCacheFile(other), Buffer.from('not a code cache'));
    const m = loadBundle(other) as { product(a: number, b: number): number };
    expect(m.product(3, 4)).toBe(12);
    expect(bundleLoads().find((l) => l.file === other)).toEqual({ file: other, via: 'code-cache', cacheAccepted: false });
  });
});
