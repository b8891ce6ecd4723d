import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/schedule/limits.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { configDocuments, setNumber } from '../../src/explore/config-documents.js';

describe('configDocuments and setNumber', () => {
  it('finds the schedules in the order parseSchedules reads them: documents, and the items of a schedules list', () => {
    const text = 'name: a\nsteps: 10\nmomentum: { preset: ema-sgdm }\n---\nschedules:\n  - { name: b, steps: 10, momentum: { preset: ema-sgdm } }\n  - { name: c, steps: 10, momentum: { preset: ema-sgdm } }\n';
    const { schedules } = configDocuments(text);
    expect(schedules).toEqual([
      { document: 0, path: [] },
      { document: 1, path: ['schedules', 0] },
      { document: 1, path: ['schedules', 1] },
    ]);
    expect(parseSchedules(text).schedules.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('replaces one number and keeps comments, order and flow style of everything else', () => {
    const text = '# why\nname: a # trailing\nsteps: 100\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n---\nsteps: 7\n';
    expect(setNumber(text, [0, 'momentum', 'c'], 0.05)).toBe('# why\nname: a # trailing\nsteps: 100\nmomentum: { preset: fsgdm, c: 0.05, v: 1 }\n---\nsteps: 7\n');
    expect(setNumber(text, [1, 'steps'], 8)).toBe('# why\nname: a # trailing\nsteps: 100\nmomentum: { preset: fsgdm, c: 0.033, v: 1 }\n---\nsteps: 8\n');
  });

  it('moving a number of an inline flow mapping changes that number\'s characters and nothing else: the mapping stays on its line', () => {
    const text = readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8');
    const line = 'lr: { scheduler: OneCycleLR, max_lr: 0.1, epochs: 30, steps_per_epoch: 391 }';
    expect(text).toContain(`${line}\n`);
    const moved = setNumber(text, [0, 'lr', 'max_lr'], 0.2);
    expect(moved).toBe(text.replace(line, line.replace('max_lr: 0.1', 'max_lr: 0.2')));
    // A long flow mapping the yaml package would fold over lines, and odd spacing, stay as typed.
    const long = `steps: 1000\nlr: {scheduler: OneCycleLR,   max_lr: 0.1, total_steps: 1000, pct_start: 0.3, div_factor: 25, final_div_factor: 10000, three_phase: false}  # one line\n`;
    expect(setNumber(long, [0, 'lr', 'pct_start'], 0.25)).toBe(long.replace('pct_start: 0.3', 'pct_start: 0.25'));
    // A defaulted key moved on its slider is added inside the inline mapping, which stays on its line.
    expect(setNumber(text, [0, 'lr', 'pct_start'], 0.25)).toBe(text.replace(line, line.replace(' }', ', pct_start: 0.25 }')));
    expect(setNumber('steps: 10\nmomentum: {preset: fsgdm}  # x\n', [0, 'momentum', 'c'], 0.1)).toBe('steps: 10\nmomentum: {preset: fsgdm, c: 0.1}  # x\n');
    // JSON text too, and a negative number's sign is part of the number.
    expect(setNumber('{"steps": 100, "lr": -1e-3}', [0, 'lr'], 0.5)).toBe('{"steps": 100, "lr": 0.5}');
  });

  it('adds a key the text leaves out (a preset default moved on its slider)', () => {
    expect(setNumber('steps: 10\nmomentum:\n  preset: fsgdm\n', [0, 'momentum', 'c'], 0.1)).toBe('steps: 10\nmomentum:\n  preset: fsgdm\n  c: 0.1\n');
  });

  it('writes a double that reads back to the same double', () => {
    const x = 0.1 + 0.2;
    const text = setNumber('steps: 1000\nmomentum: { preset: fsgdm, c: 1 }\n', [0, 'momentum', 'c'], x);
    const parsed = parseSchedules(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.configs[0].momentum).toMatchObject({ params: { c: x } });
  });

  it('a document index that is not there is a RangeError', () => {
    expect(() => setNumber('steps: 1\n', [3, 'steps'], 2)).toThrow(RangeError);
  });

  it('a text validation refuses before parsing (larger than the limit, nested deeper) has no schedules: the yaml parser never sees it', () => {
    const big = `steps: 10\nmomentum: { preset: fsgdm }\n#${'x'.repeat(LIMITS.maxConfigBytes)}\n`;
    expect(configDocuments(big)).toEqual({ documents: [], schedules: [] });
    // 10 000 open brackets: the yaml parser would run out of memory on them.
    const deep = `steps: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(configDocuments(deep)).toEqual({ documents: [], schedules: [] });
  });
});
