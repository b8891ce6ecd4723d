import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSchedules } from '../../src/schedule/parse.js';
import { presetDocument } from '../../src/schedule/preset-document.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { starterYaml } from '../../src/schedule/starter.js';

describe('starterYaml', () => {
  it('is presetDocument(name) as commented YAML, one described line per parameter, for every preset', () => {
    for (const [name, preset] of PRESETS) {
      const text = starterYaml(name);
      expect(parse(text), name).toEqual(presetDocument(name));
      for (const key of Object.keys(preset.params.shape)) {
        const line = text.split('\n').find((l) => l.startsWith(`  ${key}: `));
        expect(line, `${name}.${key}`).toMatch(new RegExp(`# ${(preset.params.shape[key].description ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      }
      expect(text.startsWith(`# momentum-fr schedule: ${name}\n# ${preset.summary}\n`), name).toBe(true);
    }
  });

  it('without a preset, is a custom schedule that validates and resolves: u = t/(t + mu), v = 1 − u', () => {
    const { schedules, issues } = parseSchedules(starterYaml());
    expect(issues).toEqual([]);
    const s = schedules[0];
    expect(s.stages.count).toBe(300);
    for (const k of [0, 1, 299]) {
      const t = s.stages.startStep[k];
      expect(s.stages.u[k]).toBeCloseTo(t / (t + 1000), 15);
      expect(s.stages.v[k]).toBeCloseTo(1 - t / (t + 1000), 15);
    }
  });

  it('refuses a name that is no preset', () => {
    expect(() => starterYaml('nosuch')).toThrow(RangeError);
  });
});

describe('starterYaml: layout', () => {
  it('lines up the trailing comments in one column, two spaces after the longest commented line, for every preset and the custom starter', () => {
    for (const name of [...PRESETS.keys(), undefined]) {
      const lines = starterYaml(name).split('\n').filter((l) => !l.startsWith('#') && / # /.test(l));
      expect(lines.length, String(name)).toBeGreaterThan(1);
      const columns = new Set(lines.map((l) => l.indexOf('  # ') + 2));
      expect([...columns], `${name}\n${lines.join('\n')}`).toHaveLength(1);
      const longest = Math.max(...lines.map((l) => l.slice(0, l.indexOf('  # ')).trimEnd().length));
      expect([...columns][0], String(name)).toBe(longest + 2);
    }
  });
});
