import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { spectrogramSpec } from '../../src/plot/specs/spectrogram.js';
import { spectrogramRecords } from '../../src/spectral/plot-records.js';
import { testSignal } from '../../src/spectral/signals.js';
import { spectrogram } from '../../src/spectral/spectrogram.js';
import { axisLabels, PLAIN_NUMBER, significantDigits, svgOf, svgTexts } from './svg-labels.js';

type Cell = { series: string; t0: number; t1: number; f0: number; f1: number };

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

  // A 3 000-step trace at scipy's spectrogram defaults (nperseg 256, noverlap 32): 13 segments
  // centred at 128, 352, …, 2 816 and 129 bins of 1/256 cycles/step.
  const trace = testSignal({ kind: 'white', seed: 1 }, 3000);
  const records = spectrogramRecords('0', spectrogram(trace, { nperseg: 256 }));

  it('axes have nice ticks (at most 3 significant digits, not one label per segment or bin) and titles with units', async () => {
    const svg = await svgOf(spectrogramSpec(records, 'Frequency (cycles/step)'));
    const labels = svgTexts(svg, 'axis-label');
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBeLessThan(25);
    for (const l of labels) expect(significantDigits(l), l).toBeLessThanOrEqual(3);
    expect(svgTexts(svg, 'axis-title').sort()).toEqual(['Frequency (cycles/step)', 'Training step (segment centre)']);
    expect(svgTexts(svg, 'legend-title')[0]).toMatch(/^Power \(dB\)/); // a unit; "clipped at p1" where cells reach far below the rest
    expect(svg).toContain('>column 0<'); // the panel's header names the trace's column
  });

  it('cells tile the panel: each cell ends where the next begins in time and in frequency, within [0, Nyquist]', () => {
    const cells = (spectrogramSpec(records, 'f').datasets as { cells: Cell[] }).cells;
    const edges = (lo: (c: Cell) => number, hi: (c: Cell) => number) => [...new Map(cells.map((c) => [lo(c), hi(c)])).entries()].sort((a, b) => a[0] - b[0]);
    for (const pairs of [edges((c) => c.t0, (c) => c.t1), edges((c) => c.f0, (c) => c.f1)]) {
      for (let i = 0; i + 1 < pairs.length; i++) expect(pairs[i][1]).toBe(pairs[i + 1][0]);
    }
    expect(Math.min(...cells.map((c) => c.f0))).toBe(0);
    expect(Math.max(...cells.map((c) => c.f1))).toBe(0.5);
    expect(Math.min(...cells.map((c) => c.t0))).toBe(17); // 128 − 224/2 samples, at step 17 (sample 0 is step 1): halfway to the previous centre, mirrored
  });

  it('one outlier cell does not stretch the colour scale: it ends at the 99th percentile of the cells\' dB, clamped, and the legend title says so', async () => {
    // 40 × 33 cells of white-noise power, one of them a +80 dB spike: the rest spans about 20 dB.
    const result = spectrogram(testSignal({ kind: 'white', seed: 3 }, 40 * 32 + 32), { nperseg: 64, noverlap: 32 });
    const records = spectrogramRecords('w', result);
    records[100] = { ...records[100], value: 1e8, valueDb: 80 };
    const db = records.map((r) => r.valueDb!).sort((a, b) => a - b);
    const rank = (p: number) => db[Math.ceil((p / 100) * db.length) - 1]; // nearest rank, the reference
    const spec = spectrogramSpec(records, 'Frequency (cycles/step)');
    const vega = await import('vega');
    const view = new vega.View(vega.parse((await compileVega(spec)).spec as never), { renderer: 'none' });
    await view.runAsync();
    const domain = (view as unknown as { scale(n: string): { domain(): number[] } }).scale('color').domain();
    expect(domain[0]).toBeCloseTo(db[0], 9); // the low side has no outlier: white noise's own spread is kept
    expect(domain.at(-1)).toBeCloseTo(rank(99), 9);
    expect(domain.at(-1)!).toBeLessThan(40);
    const legend = svgTexts(await svgOf(spec), 'legend-title').join(' ');
    expect(legend).toBe('Power (dB) clipped at p99');
    // Without outliers beyond the percentiles the scale is the data's own, titled plainly.
    const flat = spectrogramRecords('w', { ...result, values: result.values.map(() => 1) });
    expect(svgTexts(await svgOf(spectrogramSpec(flat, 'Frequency (cycles/step)')), 'legend-title')).toEqual(['Power (dB)']);
  });
});

describe('spectrogramSpec: steps count from 1, numbers as plain numbers', () => {
  // 3 000 steps, segments of 256 samples centred at samples 128, 352, …, 2 816 (0-based): steps 129, 353, …, 2 817.
  const records = spectrogramRecords('g', spectrogram(testSignal({ kind: 'white', seed: 1 }, 3000), { nperseg: 256 }));

  it('the time axis is in steps counted from 1: a segment centred on sample 128 is at step 129, and no tick reads "0"', async () => {
    const spec = spectrogramSpec(records, 'Frequency (cycles/step)');
    const cells = (spec.datasets as { cells: { time: number }[] }).cells;
    expect(Math.min(...cells.map((c) => c.time))).toBe(129);
    expect(Math.max(...cells.map((c) => c.time))).toBe(2817);
    const x = axisLabels(await svgOf(spec), 'X');
    expect(x).not.toContain('0');
    expect(x).toEqual(['500', '1k', '1.5k', '2k', '2.5k']);
  });

  it('with a sampling rate (time in units of 1/fs) the times are drawn as they are, and frequencies up to 500 read 100, 200, … (d3 "~g" wrote "1e+2")', async () => {
    const fs = 1000;
    const scaled = records.map((r) => ({ ...r, time: r.time! / fs, frequency: r.frequency! * fs }));
    const spec = spectrogramSpec(scaled, 'Frequency (units of fs = 1000)', 'Time (units of 1/fs; segment centre)');
    expect(Math.min(...(spec.datasets as { cells: { time: number }[] }).cells.map((c) => c.time))).toBe(0.128);
    const svg = await svgOf(spec);
    const y = axisLabels(svg, 'Y');
    expect(y).toContain('100');
    for (const l of [...y, ...axisLabels(svg, 'X')]) expect(l).toMatch(PLAIN_NUMBER);
  });
});
