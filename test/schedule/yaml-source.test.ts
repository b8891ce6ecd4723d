import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configJsonSchema } from '../../src/schedule/schema.js';
import { formatIssue } from '../../src/schedule/issues.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const messages = (text: string) => parseSchedules(text).issues.map((i) => formatIssue('x.yaml', i));

describe('YAML: every problem is an issue with a line and column, found before a JS value is built', () => {
  let warnings: string[] = [];
  beforeEach(() => {
    warnings = [];
    vi.spyOn(process, 'emitWarning').mockImplementation((w: string | Error) => void warnings.push(String(w)));
    vi.spyOn(console, 'warn').mockImplementation((w: unknown) => void warnings.push(String(w)));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    // Nothing reached stderr behind the issues' back (the yaml package warns through console.warn).
    expect(warnings).toEqual([]);
  });

  it('an empty entry of a schedules: list is an issue, not a crash', () => {
    expect(messages('schedules: [~]\n')).toEqual(['x.yaml:1:13: schedules[0]: expected a mapping (got null)']);
    expect(messages('schedules:\n  - steps: 10\n    momentum: { u: 0.5 }\n  - 3\n')).toEqual(['x.yaml:4:5: schedules[1]: expected a mapping (got 3)']);
  });

  it('an alias without its anchor is located at the alias', () => {
    expect(messages('steps: *x\nmomentum: { preset: ema-sgdm }\n')).toEqual(['x.yaml:1:8: steps: alias *x has no anchor &x before it']);
    expect(messages('steps: 10\nmomentum: *m\nx-m: &m { preset: ema-sgdm }\n')).toEqual(['x.yaml:2:11: momentum: alias *m has no anchor &m before it']);
  });

  it('keys that are lists or mappings are refused at the key, also through an alias', () => {
    expect(messages('? [1, 2]\n: 3\nsteps: 10\nmomentum: { preset: ema-sgdm }\n')).toEqual(['x.yaml:1:3: a key must be a name or a number, not a list or a mapping']);
    expect(messages('x-k: &k { a: 1 }\nsteps: 10\nmomentum: { preset: ema-sgdm, *k : 1 }\n')).toEqual([
      'x.yaml:3:31: momentum: a key must be a name or a number, not a list or a mapping',
    ]);
  });

  it('a deeply nested complex key (1.4 kB) is refused at once; it took 67 s and 1.5 GB to stringify', () => {
    const text = `? ${'['.repeat(700)}${']'.repeat(700)}\n: 1\nsteps: 10\nmomentum: { preset: ema-sgdm }\n`;
    expect(messages(text)).toEqual(['x.yaml:1:66: nesting deeper than 64 levels']);
  });

  it('nesting deeper than 64 levels is refused from the lexer, before the parser builds 10⁶ levels', () => {
    expect(messages(`steps: 10\nmomentum: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`)).toEqual(['x.yaml:2:75: nesting deeper than 64 levels']);
    expect(messages(`steps: 10\nx: ${'- '.repeat(1_000_000)}1\n`)).toEqual(['x.yaml:2:132: nesting deeper than 64 levels']);
    // Brackets inside quoted and block scalars are text, not nesting.
    const quoted = `steps: 10\ndescription: "${'['.repeat(100)}"\nname: |\n  ${'{'.repeat(100)}\nmomentum: { u: 0.5 }\n`;
    expect(messages(quoted)).toEqual([]);
    // Keys count too: 65 levels inside a key's value.
    expect(messages(`a: ${'{b: '.repeat(65)}1${'}'.repeat(65)}\n`)[0]).toMatch(/^x\.yaml:1:\d+: nesting deeper than 64 levels$/);
  });

  it('a value that contains itself (an alias inside its own anchor) is an issue', () => {
    expect(messages('a: &a [*a]\nsteps: 10\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:1:8: a[0]: the value contains itself (an alias inside its own anchor?)']);
  });

  it('YAML tags that make other kinds of values (!!set, !!binary) are refused by name', () => {
    expect(messages('steps: 10\nmomentum: !!set { u, v }\n')).toEqual(['x.yaml:2:17: momentum: expected a number, a string, a list or a mapping (got a Set)']);
    expect(messages('steps: !!binary aGVsbG8=\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:1:17: steps: expected a number, a string, a list or a mapping (got a Buffer)']);
  });

  it('an empty file and a file of empty documents say so at 1:1', () => {
    expect(messages('')).toEqual(['x.yaml:1:1: no schedule in the input (expected steps, stages and momentum)']);
    expect(messages('---\n---\n')).toEqual(['x.yaml:1:1: no schedule in the input (expected steps, stages and momentum)']);
  });

  it('a syntax error is one line per document (the parser\'s later errors follow from it), never quoting a long token whole', () => {
    const long = `${'abs('.repeat(100)}0.5${')'.repeat(100)}`;
    expect(messages(`steps: 10\n]    momentum:\n  u: ${long}\n`)).toEqual(['x.yaml:2:1: unexpected "]"']);
    expect(messages(`steps: 10\nmomentum: { u: 0.5 } ${long}\n`)).toEqual(['x.yaml:2:22: unexpected text after a value (a missing "," or line break?)']);
  });

  it('a duplicate key names its key path and the line of the first, in flow and block mappings, at any depth', () => {
    expect(messages('steps: 100\nmomentum: { preset: ema-sgdm, beta: 0.9, beta: 0.8 }\n')).toEqual(['x.yaml:2:42: momentum.beta: duplicate key "beta" (first at line 2)']);
    expect(messages('steps: 100\nmomentum:\n  preset: ema-sgdm\n  beta: 0.9\n  beta: 0.8\n')).toEqual(['x.yaml:5:3: momentum.beta: duplicate key "beta" (first at line 4)']);
    expect(messages('steps: 100\nsteps: 200\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:2:1: steps: duplicate key "steps" (first at line 1)']);
    expect(messages('schedules:\n  - steps: 10\n    momentum: { u: 0.5, u: 0.6 }\n')).toEqual(['x.yaml:3:25: schedules[0].momentum.u: duplicate key "u" (first at line 3)']);
  });

  it('duplicate keys at different depths are reported in line order (a nested one on line 4 before a top-level one on line 6)', () => {
    expect(messages('steps: 100\nmomentum:\n  u: 0.5\n  u: 0.6\n  v: 1\nsteps: 200\n')).toEqual([
      'x.yaml:4:3: momentum.u: duplicate key "u" (first at line 3)',
      'x.yaml:6:1: steps: duplicate key "steps" (first at line 1)',
    ]);
  });

  it('the yaml package\'s syntax errors in plain words, with the key path when inside a value', () => {
    expect(messages('steps: 100\nmomentum:\n\tu: 0.9\n')).toEqual(['x.yaml:3:1: a tab indents this line: YAML indents with spaces']);
    expect(messages('steps: 100\nmomentum:\n  u: 0.9\n v: 1\n')).toEqual(['x.yaml:4:1: this line is not indented as the keys before it']);
    expect(messages('steps: 100\nname: "abc\n')).toEqual(['x.yaml:3:1: a quoted value is not closed (missing ")']);
    expect(messages('steps: 100\nmomentum: { u: [0.9, 0.8 }\n')).toEqual(['x.yaml:2:26: momentum: a [ … ] list is not closed: end it with ] (on the same indentation)']);
    expect(messages('steps: 100\nmomentum: u: 0.9\n')).toEqual(['x.yaml:2:11: momentum: a mapping cannot start on the line of its key ("a: b: 1"): put it on the next lines, indented, or write { b: 1 }']);
    expect(messages('steps: 10\nname: "a\\qb"\nmomentum: { u: 0.5 }\n')).toEqual(['x.yaml:2:9: name: invalid escape \\q in a "…" value: write \\\\ for a backslash, or quote with \'…\'']);
    expect(messages('steps: 10\nmomentum: { u: @0.5 }\n')).toEqual(['x.yaml:2:16: momentum.u: a value cannot start with @ unquoted: quote it']);
    expect(messages('steps: 100\nmomentum:\n  u: 0.9\n  - 1\n')).toEqual(['x.yaml:4:1: momentum: a "- " list item where a key was expected (indent the list under its key)']);
    expect(messages('{ steps: 10')).toEqual(['x.yaml:1:12: a { … } mapping is not closed: end it with }']);
  });
});

describe('a key indented deeper than the key before it is named on its own line, with the key it should line up with', () => {
  it('after a plain value (the parser reads it as a mapping on the line of the key): the deeper line is named, not the key above', () => {
    expect(messages('steps: 100\nmomentum:\n  preset: standard-sgdm\n    beta: 0.9\n')).toEqual(['x.yaml:4:5: momentum: beta is indented deeper than preset (line 3); indent it like preset']);
    expect(messages('steps: 100\n  momentum: { u: 0.5 }\n')).toEqual(['x.yaml:2:3: momentum is indented deeper than steps (line 1); indent it like steps']);
    expect(messages('schedules:\n  - steps: 10\n      momentum: { u: 0.5 }\n')).toEqual(['x.yaml:3:7: schedules[0]: momentum is indented deeper than steps (line 2); indent it like steps']);
  });

  it('blank lines and comment lines between the two keys are skipped', () => {
    expect(messages('steps: 100\nmomentum:\n  preset: standard-sgdm\n\n  # note\n    beta: 0.9\n')).toEqual(['x.yaml:6:5: momentum: beta is indented deeper than preset (line 3); indent it like preset']);
  });

  it('after a quoted, a flow or a commented value (the parser calls it a bad indentation): the same advice', () => {
    expect(messages('steps: 100\nmomentum:\n  preset: "standard-sgdm"\n    beta: 0.9\n')).toEqual(['x.yaml:4:5: momentum: beta is indented deeper than preset (line 3); indent it like preset']);
    expect(messages('steps: 100\nmomentum:\n  preset: standard-sgdm # the default\n    beta: 0.9\n')).toEqual(['x.yaml:4:5: momentum: beta is indented deeper than preset (line 3); indent it like preset']);
    expect(messages('steps: 100\nmomentum:\n  u: [0.9]\n    v: 1\n')).toEqual(['x.yaml:4:5: momentum: v is indented deeper than u (line 3); indent it like u']);
  });

  it('a mapping really written on the line of its key keeps its own advice; a key indented less keeps "not indented as the keys before it"', () => {
    expect(messages('steps: 100\nmomentum: u: 0.9\n  v: 1\n')[0]).toContain('a mapping cannot start on the line of its key');
    expect(messages('steps: 100\nmomentum:\n    u: 0.9\n  v: 1\n')).toEqual(['x.yaml:4:1: this line is not indented as the keys before it']);
  });
});

describe('top-level x- keys are ignored: a home for YAML anchors, as in Compose files', () => {
  it('x-base: &b { preset: ema-sgdm } then momentum: *b', () => {
    const r = parseSchedules('x-base: &b { preset: ema-sgdm, beta: 0.5 }\nsteps: 100\nmomentum: *b\n');
    expect(r.issues).toEqual([]);
    expect(r.schedules[0].stages.u[0]).toBe(0.5);
  });

  it('beside a schedules: list, shared by its entries', () => {
    const r = parseSchedules('x-m: &m { preset: ema-sgdm, beta: 0.25 }\nx-steps: &s 40\nschedules:\n  - { steps: *s, momentum: *m }\n  - { steps: *s, stages: 2, momentum: *m }\n');
    expect(r.issues).toEqual([]);
    expect(r.schedules.map((s) => [s.steps, s.stages.count, s.stages.u[0]])).toEqual([
      [40, 1, 0.25],
      [40, 2, 0.25],
    ]);
  });

  it('only at the top level: inside momentum an x- key is still unknown', () => {
    expect(messages('steps: 10\nmomentum: { u: 0.5, x-note: 1 }\n')).toEqual(['x.yaml:2:21: momentum.x-note: unknown key']);
  });

  it('the JSON Schema allows them in both top-level forms (patternProperties ^x-)', () => {
    const schema = configJsonSchema() as { anyOf: { patternProperties?: Record<string, unknown>; additionalProperties?: unknown }[] };
    expect(schema.anyOf).toHaveLength(2);
    for (const form of schema.anyOf) {
      expect(Object.keys(form.patternProperties ?? {})).toEqual(['^x-']);
      expect(form.additionalProperties).toBe(false);
    }
  });
});
