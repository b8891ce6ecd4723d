import { describe, expect, it } from 'vitest';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { stagePsdSpec } from '../../src/plot/specs/stage-psd.js';

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
