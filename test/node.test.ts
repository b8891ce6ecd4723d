import { describe, expect, it } from 'vitest';
import { evaluate } from './support/library-entry.js';

describe('momentum-fr/node (src/node.ts: readers, writers, renderers, the sweep runner, the CLI)', () => {
  it('exports the Node-only API, resolved through package.json\'s "exports"', async () => {
    const names = (await evaluate("const m = await import('momentum-fr/node'); console.log(JSON.stringify(Object.keys(m).sort()));")) as string[];
    for (const name of ['run', 'runSweep', 'InvalidPointError', 'SweepAbortedError', 'readTrace', 'TraceError', 'writeTrace', 'renderPlots', 'compileVega', 'renderSvg', 'renderPng', 'PLOT_FORMATS', 'parseGridOption', 'decodeConfigText', 'tableReader']) {
      expect(names, name).toContain(name);
    }
    expect(names).not.toContain('analyze');
  });

  it('runs the CLI and reads traces without `momentum-fr`, expressions included (it provides the lazy mathjs)', async () => {
    const script = `
      import { Writable } from 'node:stream';
      const { run, readTrace } = await import('momentum-fr/node');
      let out = '';
      const stdout = new Writable({ write(c, _e, cb) { out += c; cb(); } });
      const code = await run(['analyze', 'configs/custom-expressions.yaml', '--format', 'json', '--stages', 'first'], { stdout, stderr: process.stderr });
      const trace = readTrace('test/fixtures/spectral/grad-trace.npy', { columns: [0] });
      console.log(JSON.stringify({ code, schedules: JSON.parse(out).schedules.length, samples: trace.series[0].values.length }));
    `;
    const got = (await evaluate(script)) as { code: number; schedules: number; samples: number };
    expect(got).toMatchObject({ code: 0, schedules: 1 });
    expect(got.samples).toBeGreaterThan(0);
  });
});
