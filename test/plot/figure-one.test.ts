import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { renderSvg } from '../../src/plot/render/render-svg.js';
import { figureOneSpec } from '../../src/plot/specs/figure-one.js';
import { keyOf } from './support.js';

describe('figureOneSpec', () => {
  it('from hand-made records: one panel per schedule in the given order, compiled without warnings, rendered the same twice', async () => {
    const records = ['b', 'a'].flatMap((schedule) => [1, 2, 3].flatMap((step) => [
      { schedule, step, series: 'input', value: Math.sin(step) },
      { schedule, step, series: 'momentum', value: 0.5 * Math.sin(step) },
    ]));
    const spec = figureOneSpec(records, ['b', 'a']);
    expect((spec.datasets as Record<string, unknown[]>).series).toEqual(records);
    expect((keyOf(spec, 'facet') as { row: { sort: string[] } }).row.sort).toEqual(['b', 'a']);
    expect(spec.description).toBe('Time series of the test input and the filtered output for 2 schedule(s): b, a.');
    const { spec: vg, warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
    const svg = await renderSvg(vg);
    expect(svg).toMatch(/^<svg/);
    expect(await renderSvg(vg)).toBe(svg);
  });
});
