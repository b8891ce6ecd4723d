import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fsgdm } from '../../../src/schedule/presets/fsgdm.js';
import { PRESETS } from '../../../src/schedule/presets/index.js';
import { resolveSchedule } from '../../../src/schedule/resolve.js';
import { parseSchedules } from '../../../src/schedule/parse.js';
import { filterTables } from '../../../src/filter/stage-filter.js';

const KINDS = new Set(['first-order', 'own-partition', 'bank', 'rational']);

describe('presets are a union on kind', () => {
  it('every preset has one of the four kinds and resolves at its defaults to the filter its kind makes', () => {
    for (const preset of PRESETS.values()) {
      expect(KINDS.has(preset.kind), preset.name).toBe(true);
      const { schedule, issues } = resolveSchedule({ ...preset.defaults, momentum: { preset: preset.name, params: preset.params.parse({}) } });
      expect(issues, preset.name).toEqual([]);
      expect(filterTables(schedule!).bank !== undefined, `${preset.name}: bank`).toBe(preset.kind === 'bank');
      expect(filterTables(schedule!).rational !== undefined, `${preset.name}: rational`).toBe(preset.kind === 'rational');
    }
  });

  it('only first-order presets carry per-stage coefficients; no preset has a hook of another kind', () => {
    for (const preset of PRESETS.values()) {
      expect('coefficients' in preset, preset.name).toBe(preset.kind === 'first-order');
      expect('table' in preset, preset.name).toBe(preset.kind === 'own-partition');
      expect('bank' in preset, preset.name).toBe(preset.kind === 'bank');
      expect('rational' in preset, preset.name).toBe(preset.kind === 'rational');
    }
  });
});

describe("fsgdm's stableWhen(params, steps, stages) holds exactly when every stage of its table is stable", () => {
  /** Every u of the table finite with |u| < 1 (the table itself, built by the official rule). */
  function everyStageStable(c: number, steps: number, stages: number): boolean {
    const table = fsgdm.kind === 'own-partition' ? fsgdm.table({ c, v: 1, sigma: null }, steps, stages) : 'not own-partition';
    if (typeof table === 'string') return false;
    for (let i = 0; i < table.count; i++) if (!(Math.abs(table.u[i]) < 1)) return false;
    return true;
  }

  it('over c from 0 and subnormals to 1e300, steps and stages', () => {
    if (fsgdm.kind !== 'own-partition' || !fsgdm.stableWhen) throw new Error('fsgdm has its own partition and a stableWhen');
    const stableWhen = fsgdm.stableWhen;
    const c = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-300, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1e300, noNaN: true }));
    fc.assert(
      fc.property(c, fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 500 }), (cValue, steps, stages) => {
        expect(stableWhen({ c: cValue, v: 1, sigma: null }, steps, stages), `c=${cValue} steps=${steps} stages=${stages}`).toBe(everyStageStable(cValue, steps, stages));
      }),
      { numRuns: 500 },
    );
    // The edges: c = 0 gives 0/0 at S = 0 and 1 after; the smallest subnormal rounds u to 1.
    expect(stableWhen({ c: 0, v: 1, sigma: null }, 1000, 10)).toBe(false);
    expect(stableWhen({ c: 5e-324, v: 1, sigma: null }, 117000, 300)).toBe(false);
    expect(stableWhen({ c: 0.033, v: 1, sigma: null }, 117000, 300)).toBe(true);
  });
});

describe('a preset refuses what torch 1.13\'s optimizer constructor refuses (test/fixtures/torch/constructor-rules.json)', () => {
  const cases = readFileSync(new URL('../../fixtures/torch/constructor-rules.json', import.meta.url), 'utf8');
  for (const c of JSON.parse(cases) as { preset: string; params: Record<string, number>; torch: string; raises: string | null }[]) {
    it(`${c.torch}: ${c.raises ?? 'accepted'}`, () => {
      const kwargs = Object.entries(c.params).map(([k, v]) => `${k}: ${v}`).join(', ');
      const issues = parseSchedules(`steps: 20\nmomentum: { preset: ${c.preset}, ${kwargs} }\n`).issues;
      if (c.raises === null) expect(issues).toEqual([]);
      else {
        expect(issues).toHaveLength(1);
        // The key torch's check is about, and its words where the preset quotes them.
        expect(Object.keys(c.params)).toContain(issues[0].path.at(-1));
        if (c.preset !== 'adam-m' && c.preset !== 'nadam') expect(issues[0].message).toContain(c.raises.replace(/: .*$/, ''));
      }
    });
  }
});
