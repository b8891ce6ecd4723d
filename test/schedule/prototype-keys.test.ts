import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { ConfigError, formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const VALID = 'steps: 100\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n';

/** Object.prototype as the language defines it, and a later parse unaffected. */
function expectUnpolluted(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  const later = parseSchedules(VALID);
  expect(later.issues).toEqual([]);
  expect(later.schedules[0].stages.u[0]).toBe(0.9);
}

describe('prototype keys (__proto__, constructor, prototype) are refused in every path a user gives', () => {
  afterEach(() => {
    // If a test failed by polluting, do not let it break the next ones.
    delete (Object.prototype as Record<string, unknown>).x;
  });

  it.each([
    [['analyze', '--preset', 'standard-sgdm', '--set', '__proto__.x=1'], 'momentum-fr: --set: "__proto__.x": "__proto__" is not allowed as a key (it would reach the object prototype)'],
    [['analyze', '--preset', 'standard-sgdm', '--set', 'constructor.prototype.x=1'], 'momentum-fr: --set: "constructor.prototype.x": "constructor" is not allowed as a key (it would reach the object prototype)'],
    [['analyze', '--preset', 'standard-sgdm', '--set', 'momentum.prototype=1'], 'momentum-fr: --set: "momentum.prototype": "prototype" is not allowed as a key (it would reach the object prototype)'],
    [['sweep', '--preset', 'standard-sgdm', '--grid', '__proto__.x=1:2:3'], 'momentum-fr: --grid __proto__.x=1:2:3: "__proto__.x": "__proto__" is not allowed as a key (it would reach the object prototype)'],
    [['sweep', '--preset', 'standard-sgdm', '--grid', 'momentum.constructor=1:2:3'], 'momentum-fr: --grid momentum.constructor=1:2:3: "momentum.constructor": "constructor" is not allowed as a key (it would reach the object prototype)'],
    [['tune', '--preset', 'fsgdm', '--solve', 'momentum.constructor', '--target', 'final.dcGain=30'], 'momentum-fr: --solve "momentum.constructor": "constructor" is not allowed as a key (it would reach the object prototype)'],
  ])('%j: exit 2 with one line, Object.prototype untouched, the next parse still works', async (argv, message) => {
    const r = await runCli(argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    expectUnpolluted();
  });

  it('in a sweep: block, a grid path through a prototype key is refused at its line', async () => {
    const r = await runCli(['sweep', '-'], { input: `${VALID}sweep:\n  grid:\n    constructor.x: 1:2:3\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/constructor/);
    expectUnpolluted();
  });

  it('library overrides with a prototype key are an issue, not a pollution', () => {
    const r = parseSchedules(VALID, { overrides: [{ path: ['__proto__', 'x'], value: 1 }] });
    expect(r.issues).toEqual([{ code: 'reserved_key', path: ['__proto__', 'x'], message: '"__proto__" is not allowed as a key (it would reach the object prototype)' }]);
    expectUnpolluted();
  });

  it('config keys named __proto__ or constructor (YAML, JSON, objects) are refused where they are', () => {
    expect(parseSchedules('steps: 10\nmomentum: { u: 0.5, params: { __proto__: 1 } }\n').issues.map((i) => formatIssue('x.yaml', i))).toEqual([
      'x.yaml:2:31: momentum.params.__proto__: "__proto__" is not allowed as a key (it would reach the object prototype)',
    ]);
    expect(parseSchedules('{"steps": 10, "constructor": {"prototype": 1}, "momentum": {"u": 0.5}}').issues.map((i) => formatIssue('x.json', i))).toEqual([
      'x.json:1:15: constructor: "constructor" is not allowed as a key (it would reach the object prototype)',
    ]);
    const fromJson = JSON.parse('{"steps": 10, "momentum": {"u": 0.5, "__proto__": {"x": 1}}}');
    expect(() => analyze(fromJson)).toThrow(ConfigError);
    expectUnpolluted();
  });
});
