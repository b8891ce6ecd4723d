import { describe, expect, it } from 'vitest';
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
});
