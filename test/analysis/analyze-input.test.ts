import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { linearGrid } from '../../src/filter/grid.js';
import { renderPlots } from '../../src/plot/render/render-plots.js';
import { ConfigError, OptionError } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';

const TEXT = 'name: warm\nsteps: 1000\nstages: 4\nmomentum:\n  params: { mu: 100 }\n  u: "t / (t + mu)"\n  v: "1 - u"\n';
const OBJECT = { name: 'warm', steps: 1000, stages: 4, momentum: { params: { mu: 100 }, u: 't / (t + mu)', v: '1 - u' } };

/** The thrown error, or a failure if nothing is thrown. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('analyze accepts a config object, validated by the same rules as text', () => {
  it('a plain object gives the same analysis as its YAML', () => {
    const grid = linearGrid(16);
    expect(analyze(OBJECT, { frequencies: grid })).toEqual(analyze(TEXT, { frequencies: grid }));
    // u of stage k = t/(t + μ) at its first step t = 250k + 1: independent of the parser.
    expect(analyze(OBJECT, { response: false }).schedules[0].stages.map((s) => s.u)).toEqual([1, 251, 501, 751].map((t) => t / (t + 100)));
  });

  it('a bad object throws a ConfigError whose issues have key paths and no line', () => {
    const err = thrown(() => analyze({ steps: 'many', momentum: { preset: 'ema-sgdm', bta: 0.9 } })) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.issues).toEqual([
      { code: 'invalid_type', path: ['steps'], message: 'expected a number', received: 'many' },
      { code: 'unknown_key', path: ['momentum', 'bta'], message: 'unknown key (did you mean "beta"?)' },
    ]);
  });

  it.each([[null], [42], [[]], [''], [undefined], [() => 1], [new Map()]])('analyze(%o) throws a ConfigError, never a TypeError', (input) => {
    expect(thrown(() => analyze(input as never))).toBeInstanceOf(ConfigError);
  });

  it('an object with a cycle, a getter that throws or a class instance is an issue at its path', () => {
    const cyclic: Record<string, unknown> = { steps: 10, momentum: { u: 0.5 } };
    (cyclic.momentum as Record<string, unknown>).self = cyclic;
    expect((thrown(() => analyze(cyclic)) as ConfigError).issues.map((i) => [i.code, i.path])).toEqual([['cycle', ['momentum', 'self']]]);
    const getter = Object.defineProperty({ steps: 10 }, 'momentum', { enumerable: true, get: () => { throw new Error('no'); } });
    expect((thrown(() => analyze(getter)) as ConfigError).issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['momentum']]]);
    expect((thrown(() => analyze({ steps: 10, momentum: { u: new Date(0) } })) as ConfigError).issues[0].message).toBe(
      'expected a number, a string, a list or a mapping (got a Date)',
    );
  });

  it('bad options throw an OptionError (a ConfigError) naming the option, before any work', () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ stages: 'seventh' }, ['stages']],
      [{ stages: '9' }, ['stages']],
      [{ mode: 'fast' }, ['mode']],
      [{ atSteps: [0] }, ['atSteps']],
      [{ atSteps: [1001] }, ['atSteps']],
      [{ frequencies: [0, 1] }, ['frequencies']],
      [{ frequencies: new Float64Array([0, NaN]) }, ['frequencies']],
    ];
    for (const [options, path] of cases) {
      const err = thrown(() => analyze(TEXT, options)) as OptionError;
      expect(err, JSON.stringify(options)).toBeInstanceOf(OptionError);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.issues.map((i) => i.path)).toEqual([path]);
    }
  });

  it('JSON.stringify(result) writes the document analyze --format json writes (arrays, not {"0": …} objects)', async () => {
    const cli = await runCli(['analyze', '-', '--format', 'json', '--freqs', '8'], { input: TEXT });
    expect(cli.code).toBe(0);
    const library = JSON.parse(JSON.stringify(analyze(TEXT, { frequencies: linearGrid(8) })));
    expect(library).toEqual(JSON.parse(cli.stdout));
    expect(Array.isArray(library.schedules[0].frequencies)).toBe(true);
    expect(Object.keys(analyze(TEXT))).toEqual(['schemaVersion', 'tool', 'schedules']);
  });

  it('warnings travel in the result as data, located like issues', () => {
    const result = analyze('steps: 100\nstages: 1\nmomentum:\n  u: "0.9 * p"\n');
    expect(result.warnings).toEqual([
      {
        severity: 'warning',
        code: 'constant_expression',
        path: ['momentum', 'u'],
        message: 'uses p but stages: 1 makes a single stage, so it is evaluated once (at step 1) and is constant; remove stages to evaluate it at every step',
        line: 4,
        column: 6,
      },
    ]);
    expect(analyze(TEXT).warnings).toBeUndefined();
  });
});

describe('renderPlots: options are defaulted and checked, errors are typed', () => {
  const schedules = parseSchedules('steps: 100\nstages: 4\nmomentum: { preset: ema-sgdm }\n').schedules;

  it('without plot options it renders with the defaults (it threw an untyped RangeError)', async () => {
    const { files } = await renderPlots(schedules, { kinds: ['magnitude'], formats: ['vl.json'] });
    expect(files.map((f) => f.name)).toEqual(['schedule-magnitude.vl.json']);
    const spec = JSON.parse(String(files[0].data));
    expect(spec.width).toBe(560);
  });

  it('bad options reject with an OptionError listing each, with its path', async () => {
    const err = await renderPlots(schedules, { kinds: ['magnitud' as never], formats: ['svg'], plot: { width: -1, frequencies: 1.5, bogus: 1 } as never }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OptionError);
    expect((err as OptionError).issues.map((i) => i.path)).toEqual([['kinds', 0], ['plot', 'width'], ['plot', 'frequencies'], ['plot', 'bogus']]);
    const stages = await renderPlots(schedules, { kinds: ['magnitude'], formats: ['svg'], plot: { stages: '7' } }).catch((e: unknown) => e);
    expect((stages as OptionError).issues).toEqual([{ code: 'invalid_option', path: ['plot', 'stages'], message: 'stage 7 does not exist: the schedule has stages 0..3 (schedule "schedule")' }]);
  });
});
