import { describe, expect, it } from 'vitest';
import { requireMathjs } from '../../src/io/require-mathjs.js';
import { compileExpression, mathEngine } from '../../src/schedule/expression.js';
import { ROOT } from '../support/cli.js';
import { spawnAsync } from '../support/spawn-async.js';

describe('requireMathjs (the lazy mathjs of the CLI and momentum-fr/node)', () => {
  it('gives mathjs\' create and all, from which the sandbox compiles and evaluates expressions', () => {
    const mathjs = requireMathjs();
    expect(typeof mathjs.create).toBe('function');
    const f = compileExpression('t / (t + mu)', new Set(['t', 'mu']), mathEngine(mathjs));
    expect(f.evaluate(new Map([['t', 3], ['mu', 1]]))).toBe(0.75);
    expect(mathEngine(mathjs)).toBe(mathEngine(requireMathjs()));
  });

  it('is loaded by the built CLI only when a config holds an expression: --help and preset configs never load mathjs', async () => {
    // In a child process: which CommonJS modules are in require's cache after each command.
    const script = `
      import { createRequire } from 'node:module';
      import { Writable } from 'node:stream';
      const { run } = await import('./dist/cli/main.js');
      const sink = () => new Writable({ write(_c, _e, cb) { cb(); } });
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/mathjs/'));
      const out = [];
      for (const argv of [['--help'], ['analyze', '--preset', 'fsgdm', '--format', 'json'], ['analyze', 'configs/custom-expressions.yaml', '--format', 'json']]) {
        const code = await run(argv, { stdout: sink(), stderr: sink() });
        out.push(argv[0] + ':' + code + ':' + loaded());
      }
      console.log(out.join(' '));
    `;
    const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('--help:0:false analyze:0:false analyze:0:true');
  });

  it("loads create and the factories only, not mathjs' default instance (the entry that builds every function at once)", async () => {
    // In a child process, so that nothing else has loaded mathjs: the files in require's cache after the
    // sandbox compiled and evaluated an expression with it.
    const script = `
      import { createRequire } from 'node:module';
      const { requireMathjs } = await import('./dist/io/require-mathjs.js');
      const { compileExpression, mathEngine } = await import('./dist/schedule/expression.js');
      const f = compileExpression('max(t, 2) / (t + mu) + round(pi, 2)', new Set(['t', 'mu']), mathEngine(requireMathjs()));
      const files = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/mathjs/'));
      console.log(JSON.stringify({ value: f.evaluate(new Map([['t', 3], ['mu', 1]])), files: files.length, defaultInstance: files.some((k) => /mainAny|pureFunctionsAny/.test(k)) }));
    `;
    const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { value: number; files: number; defaultInstance: boolean };
    expect(out.value).toBe(3 / 4 + 3.14);
    expect(out.files).toBeGreaterThan(0);
    expect(out.defaultInstance).toBe(false);
  });
});
