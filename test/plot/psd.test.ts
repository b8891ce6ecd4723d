import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { psdSpec } from '../../src/plot/specs/psd.js';
import { svgOf, svgTexts } from './svg-labels.js';

describe('psdSpec', () => {
  it('from hand-made records: one line per series, gaps for null dB, compiled without warnings', async () => {
    const records = [{ series: 'g', frequency: 0, psdDb: -3 }, { series: 'g', frequency: 0.5, psdDb: null }, { series: 'h', frequency: 0, psdDb: 1 }];
    const spec = psdSpec(records, 'Frequency (units of fs = 2)');
    expect((spec.datasets as Record<string, unknown[]>).psd).toEqual(records); // named series stay as they are
    expect(JSON.stringify(spec)).toContain('"title":"Frequency (units of fs = 2)"');
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });

  it('a header-less trace\'s columns are named in the legend as the spectrogram\'s panels are, "column 0", "column 1", not bare numbers', async () => {
    const records = ['0', '1'].flatMap((series) => [0, 0.25, 0.5].map((frequency) => ({ series, frequency, psdDb: frequency })));
    expect(svgTexts(await svgOf(psdSpec(records, 'Frequency (cycles/step)')), 'legend-label')).toEqual(['column 0', 'column 1']);
    const named = records.map((r) => ({ ...r, series: r.series === '0' ? 'loss' : 'grad' }));
    expect(svgTexts(await svgOf(psdSpec(named, 'Frequency (cycles/step)')), 'legend-label').sort()).toEqual(['grad', 'loss']);
  });
});
