import { describe, expect, it } from 'vitest';
import { NUMERIC_METRICS } from '../../src/metric-names.js';
import { METRIC_TITLES } from '../../src/plot/specs/metric-title.js';

describe('METRIC_TITLES', () => {
  it('every numeric metric has a human title that is not its key, with a unit or the quantity it sums', () => {
    for (const m of NUMERIC_METRICS) {
      const title = METRIC_TITLES[m];
      expect(title, m).not.toBe(m);
      expect(title, m).toMatch(/\((dB|×|rad\/sample|steps)\)$|Σh²$/);
    }
  });

  it('frequencies are in rad/sample as the sweep writes them; τ(0) is the group delay, 1/e the time constant (docs/theory.md)', () => {
    expect(METRIC_TITLES.cutoffFrequency).toContain('rad/sample');
    expect(METRIC_TITLES.groupDelayDc).toContain('τ(0)');
    expect(METRIC_TITLES.timeConstant).toContain('1/e');
  });

  it('titles fit along a 280 px axis: at most 30 characters', () => {
    for (const m of NUMERIC_METRICS) expect(METRIC_TITLES[m].length, m).toBeLessThanOrEqual(30);
  });
});
