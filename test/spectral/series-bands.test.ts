import { describe, expect, it } from 'vitest';
import { seriesBands } from '../../src/spectral/series-bands.js';
import { timeSeriesRecords } from '../../src/spectral/plot-records.js';

describe('seriesBands', () => {
  it('each bin holds the brute-force min and max of its steps; bins tile the series; the last may be shorter', () => {
    const n = 10_007;
    const values = Float64Array.from({ length: n }, (_, t) => Math.sin(0.37 * t) * (1 + t / 1000));
    const rows = seriesBands([{ name: 'x', values }], 100);
    const size = Math.ceil(n / 100);
    expect(rows).toHaveLength(Math.ceil(n / size));
    rows.forEach((r, i) => {
      expect(r.startStep).toBe(i * size + 1);
      expect(r.endStep).toBe(Math.min(n, (i + 1) * size));
      const slice = Array.from(values.subarray(r.startStep - 1, r.endStep));
      // rounded to 6 significant digits, as every plotted value
      expect(Math.abs(r.low! - Math.min(...slice))).toBeLessThanOrEqual(5e-6 * Math.abs(Math.min(...slice)));
      expect(Math.abs(r.high! - Math.max(...slice))).toBeLessThanOrEqual(5e-6 * Math.abs(Math.max(...slice)));
      expect(r.step).toBe((r.startStep + r.endStep) / 2);
    });
  });

  it('a one-step spike survives, where keeping every k-th step loses it', () => {
    const values = new Float64Array(117_000);
    values[50_000] = 100;
    expect(Math.max(...seriesBands([{ name: 'x', values }], 1000).map((r) => r.high ?? 0))).toBe(100);
    expect(Math.max(...timeSeriesRecords([{ name: 'x', values }], 1000).map((r) => r.value ?? 0))).toBe(0);
  });

  it('short series keep every step (low = high); series share one bin length; NaN is skipped, an all-NaN bin is null', () => {
    const rows = seriesBands([{ name: 'a', values: [1, 2, 3] }], 10);
    expect(rows.map((r) => [r.step, r.low, r.high])).toEqual([[1, 1, 1], [2, 2, 2], [3, 3, 3]]);
    const shared = seriesBands([{ name: 'long', values: new Float64Array(40) }, { name: 'short', values: [NaN, 5, NaN, NaN] }], 10);
    expect(shared.filter((r) => r.series === 'short').map((r) => [r.startStep, r.endStep, r.low, r.high])).toEqual([[1, 4, 5, 5]]);
    expect(seriesBands([{ name: 'n', values: [NaN, NaN] }], 1)[0].low).toBeNull();
  });
});
