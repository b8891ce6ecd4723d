import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { spectrogramSpec } from '../../src/plot/specs/spectrogram.js';

describe('spectrogramSpec', () => {
  it('from hand-made records: one heat-map panel per series, compiled without warnings', async () => {
    const records = ['x', 'y'].flatMap((series) => [16, 48].flatMap((time) => [0, 0.25, 0.5].map((frequency) => {
      const value = frequency === 0.5 ? 0 : 1 + time * frequency;
      return { series, time, frequency, value, valueDb: value > 0 ? 10 * Math.log10(value) : null };
    })));
    const spec = spectrogramSpec(records, 'Frequency (cycles/step)');
    expect(spec.description).toBe('Spectrogram of x, y.');
    expect((spec.datasets as Record<string, unknown[]>).cells).toHaveLength(12);
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});
