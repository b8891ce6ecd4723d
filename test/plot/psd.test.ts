import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { psdSpec } from '../../src/plot/specs/psd.js';
import { axisLabels, PLAIN_NUMBER, svgOf, svgTexts } from './svg-labels.js';

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

describe('psdSpec: numbers as plain numbers', () => {
  it('frequency ticks of a 1 kHz trace read 100, 200, … (d3 "~g" wrote "1e+2"), and the dB ticks are plain numbers', async () => {
    // fs = 1000: frequencies 0 … 500 in units of fs.
    const records = Array.from({ length: 51 }, (_, k) => ({ series: 'g', frequency: 10 * k, psdDb: -20 - k / 5 }));
    const svg = await svgOf(psdSpec(records, 'Frequency (units of fs = 1000)'));
    const x = axisLabels(svg, 'X');
    expect(x).toContain('100');
    expect(x).toContain('500');
    for (const l of [...x, ...axisLabels(svg, 'Y')]) expect(l).toMatch(PLAIN_NUMBER);
  });
});
