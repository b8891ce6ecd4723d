import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { psdSpec } from '../../src/plot/specs/psd.js';

describe('psdSpec', () => {
  it('from hand-made records: one line per series, gaps for null dB, compiled without warnings', async () => {
    const records = [{ series: 'g', frequency: 0, psdDb: -3 }, { series: 'g', frequency: 0.5, psdDb: null }, { series: 'h', frequency: 0, psdDb: 1 }];
    const spec = psdSpec(records, 'Frequency (units of fs = 2)');
    expect((spec.datasets as Record<string, unknown[]>).psd).toEqual(records);
    expect(JSON.stringify(spec)).toContain('"title":"Frequency (units of fs = 2)"');
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});
