import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { sweepLineSpec } from '../../src/plot/specs/sweep-line.js';

describe('sweepLineSpec', () => {
  it('the line plot compiles without warnings, one colour per series, undefined values as gaps', async () => {
    const spec = sweepLineSpec({ x: { path: 'beta', values: [0.5, 0.9], log: false }, metric: 'cutoffFrequency', stage: 'last', series: [{ name: 'a', values: [0.7, 0.1] }, { name: 'b', values: [0.6, NaN] }], seriesTitle: 'v' });
    const compiled = await compileVega(spec);
    expect(compiled.warnings).toEqual([]);
    expect(JSON.stringify(spec)).toContain('"color"');
    expect((spec.datasets as Record<string, unknown[]>).lines).toEqual([
      { x: 0.5, value: 0.7, series: 'a' }, { x: 0.9, value: 0.1, series: 'a' },
      { x: 0.5, value: 0.6, series: 'b' }, { x: 0.9, value: null, series: 'b' },
    ]);
  });
});
