import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { spawnAsync } from './support/spawn-async.js';

/** Runs an ES module in a fresh Node process from the repository root (where `momentum-fr` resolves to itself) and parses what it prints. */
async function evaluate(script: string): Promise<unknown> {
  const r = await spawnAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('momentum-fr (src/index.ts: the pure, browser-safe API)', () => {
  it('exports the core and none of the Node-only functions, which are momentum-fr/node\'s', async () => {
    const names = (await evaluate("const m = await import('momentum-fr'); console.log(JSON.stringify(Object.keys(m)));")) as string[];
    for (const core of ['analyze', 'parseSchedules', 'PRESETS', 'frozenResponse', 'welchPsd', 'tuneParameter', 'magnitudeSpec', 'resolveAxes']) expect(names).toContain(core);
    for (const node of ['run', 'runSweep', 'InvalidPointError', 'SweepAbortedError', 'readTrace', 'TraceError', 'writeTrace', 'renderPlots', 'PLOT_FORMATS', 'parseGridOption', 'decodeConfigText', 'PathError']) expect(names).not.toContain(node);
  });

  it('loads neither commander nor chalk nor vega, and compiles config expressions with the mathjs it imports', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const { parseSchedules } = await import('momentum-fr');
      const r = parseSchedules('steps: 100\\nstages: 4\\nmomentum: { u: "t / (t + 100)", v: 1 }\\n');
      const cached = Object.keys(createRequire(import.meta.url).cache).join('\\n');
      console.log(JSON.stringify({ issues: r.issues.length, u: Array.from(r.schedules[0].stages.u), commander: /[\\/]commander[\\/]/.test(cached), chalk: /[\\/]chalk[\\/]/.test(cached), vega: /vega-all|[\\/]vega[\\/]/.test(cached) }));
    `;
    const got = (await evaluate(script)) as { issues: number; u: number[]; commander: boolean; chalk: boolean; vega: boolean };
    expect(got.issues).toBe(0);
    // Stage k of 4 over 100 steps starts at t = 25k + 1 (steps from 1): u = t / (t + 100).
    expect(got.u).toEqual([1, 26, 51, 76].map((t) => t / (t + 100)));
    expect({ commander: got.commander, chalk: got.chalk, vega: got.vega }).toEqual({ commander: false, chalk: false, vega: false });
  });
});
