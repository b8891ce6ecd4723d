import { describe, expect, it } from 'vitest';
import { embedTables } from '../../src/explore/embed-tables.js';
import { parseSchedules } from '../../src/schedule/parse.js';

describe('embedTables: a page carries its tables\' values in its YAML', () => {
  it('replaces each { table: file } by its values, drops column, keeps comments, and counts the values', () => {
    const text = '# my run\nsteps: 3\nlr: { table: lr.csv, column: lr } # dumped\nmomentum:\n  u: { table: u.npy }\n';
    const read = (r: { file: string }) => (r.file === 'lr.csv' ? Float64Array.of(0.1, 0.2, 0.3) : Float64Array.of(0.5, 0.5, 0.9));
    const got = embedTables(text, read);
    expect(got.values).toBe(6);
    expect(got.text).toContain('# my run');
    expect(got.text).not.toContain('column');
    const { schedules, issues } = parseSchedules(got.text);
    expect(issues).toEqual([]);
    expect([...schedules[0].stages.u]).toEqual([0.5, 0.5, 0.9]);
    expect([...schedules[0].lr!]).toEqual([0.1, 0.2, 0.3]);
  });

  it('a text without tables, or one its validation refuses, comes back unchanged', () => {
    const read = () => ({ message: 'never asked' });
    expect(embedTables('steps: 3\nmomentum: { u: 0.9 }\n', read)).toEqual({ text: 'steps: 3\nmomentum: { u: 0.9 }\n', values: 0 });
    expect(embedTables('steps: 3\nlr: { table: x.csv }\nmomentum: { u: 0.9 }\n', read)).toEqual({ text: 'steps: 3\nlr: { table: x.csv }\nmomentum: { u: 0.9 }\n', values: 0 });
  });
});
