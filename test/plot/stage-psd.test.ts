import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { stagePsdSpec } from '../../src/plot/specs/stage-psd.js';
import { axisLabels, PLAIN_NUMBER, svgOf } from './svg-labels.js';

describe('stagePsdSpec', () => {
  it('from hand-made records: one panel per stage, three curves, compiled without warnings', async () => {
    const records = [0, 3].flatMap((stage) => (['gradient', 'momentum', 'theory'] as const).flatMap((curve, c) =>
      [0, 0.25, 0.5].map((frequency) => ({ stage, startStep: 100 * stage + 1, endStep: 100 * stage + 100, curve, frequency, psd: 10 ** (-c / 10 - frequency), psdDb: -c - 10 * frequency, gainSquared: 1 }))));
    const spec = stagePsdSpec(records, 'Frequency (cycles/step)');
    expect(spec.description).toBe('Welch power spectral densities in dB for stages 0, 3.');
    expect((spec.datasets as Record<string, unknown[]>).psd).toEqual(records);
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});

describe('stagePsdSpec: panel headings and notes', () => {
  const records = [0, 7].flatMap((stage) => (['gradient', 'momentum', 'theory'] as const).map((curve) =>
    ({ stage, startStep: 390 * stage + 1, endStep: 390 * stage + 390, curve, frequency: 0.25, psd: 1, psdDb: 0, gainSquared: 1 })));

  it('each panel is headed "stage k · steps a–b", b cut at the trace\'s last step; the note ends the subtitle and the description', async () => {
    const note = 'stage 8 (1 step in the trace) left out: too short for a spectrum (< 16 steps)';
    const spec = stagePsdSpec(records, 'Frequency (cycles/step)', { note, lastStep: 3000 });
    const svg = await svgOf(spec);
    expect(svg).toContain('>stage 0 · steps 1–390<');
    expect(svg).toContain('>stage 7 · steps 2731–3000<');
    expect((spec.title as { subtitle: string[] }).subtitle[1]).toBe(note); // a line of its own
    expect(spec.description).toContain('Stage 8 (1 step in the trace) left out');
  });
});

describe('stagePsdSpec: numbers as plain numbers', () => {
  it('frequency ticks of a 1 kHz trace read 100, 200, … (d3 "~g" wrote "1e+2"), and the dB ticks are plain numbers', async () => {
    const records = [0, 1].flatMap((stage) => (['gradient', 'momentum', 'theory'] as const).flatMap((curve, c) =>
      Array.from({ length: 51 }, (_, k) => ({ stage, startStep: 100 * stage + 1, endStep: 100 * stage + 100, curve, frequency: 10 * k, psd: 1, psdDb: -c - k / 5, gainSquared: 1 }))));
    const svg = await svgOf(stagePsdSpec(records, 'Frequency (units of fs = 1000)'));
    const x = axisLabels(svg, 'X');
    expect(x).toContain('100');
    for (const l of [...x, ...axisLabels(svg, 'Y')]) expect(l).toMatch(PLAIN_NUMBER);
  });
});

describe('stagePsdSpec: a display stage of one real stage is named by its real stage', () => {
  it('display stage 88 holding real stage 5639 is headed "stage 5639", a group "stages 5740–5741"; the description names the real stages', async () => {
    const row = (stage: number, firstStage: number, lastStage: number, startStep: number, endStep: number) =>
      (['gradient', 'momentum', 'theory'] as const).map((curve) => ({ stage, firstStage, lastStage, startStep, endStep, curve, frequency: 0.25, psd: 1, psdDb: 0, gainSquared: 1 }));
    const spec = stagePsdSpec([...row(88, 5639, 5639, 175656, 177504), ...row(90, 5740, 5741, 180000, 183000)], 'Frequency (cycles/step)');
    const svg = await svgOf(spec);
    expect(svg).toContain('>stage 5639 · steps 175656–177504<');
    expect(svg).toContain('>stages 5740–5741 · steps 180000–183000<');
    expect(svg).not.toContain('stage 88');
    expect(spec.description).toContain('stages 5639, 5740–5741.');
  });
});
