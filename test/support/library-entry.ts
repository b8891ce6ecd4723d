import { expect } from 'vitest';
import { ROOT } from './cli.js';
import { spawnAsync } from './spawn-async.js';

/** Runs an ES module in a fresh Node process from the repository root and parses what it prints. */
export async function evaluate(script: string): Promise<unknown> {
  const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/** A script that parses a config with an expression through `entry` and says which packages were loaded before and after. */
export function expressionScript(entry: string): string {
  return `
    import { createRequire } from 'node:module';
    const cached = (name) => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/' + name + '/'));
    const lib = await import(${JSON.stringify(entry)});
    const before = cached('mathjs');
    const r = lib.parseSchedules('steps: 100\\nstages: 4\\nmomentum: { u: "t / (t + 100)", v: 1 }\\n');
    console.log(JSON.stringify({ issues: r.issues.length, u: Array.from(r.schedules[0].stages.u), mathjsBefore: before, mathjsAfter: cached('mathjs'), commander: cached('commander'), chalk: cached('chalk'), vega: cached('vega') }));
  `;
}
