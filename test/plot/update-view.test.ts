import { describe, expect, it } from 'vitest';
import { plotFigures } from '../../src/plot/plot-figures.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { renderOptionIssues } from '../../src/plot/plot-option-checks.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';

const yaml = (lr: string) => `name: ema\nsteps: 100\nstages: 4\n${lr}momentum: { preset: ema-sgdm, beta: 0.9 }\n`;
const withLr = parseSchedules(yaml('lr: 0.01\n')).schedules;
const withoutLr = parseSchedules(yaml('')).schedules;

type Rows = Record<string, unknown>[];
const dataset = (spec: unknown, name: string): Rows => (spec as { datasets: Record<string, Rows> }).datasets[name];

describe('plot --view update: the magnitude and response map of α·H', () => {
  it('magnitude: every curve point is the momentum view\'s gain + 20·log10 α (α = 0.01: −40 dB)', () => {
    const options = resolvePlotOptions({ frequencies: 16 });
    const [momentum] = plotFigures(withLr, ['magnitude'], options);
    const [update] = plotFigures(withLr, ['magnitude'], { ...options, view: 'update' });
    const a = dataset(momentum.spec, 'curves');
    const b = dataset(update.spec, 'curves');
    expect(b.length).toBe(a.length);
    a.forEach((row, i) => expect(b[i].gainDb as number).toBeCloseTo((row.gainDb as number) - 40, 3));
    expect(JSON.stringify(update.spec)).toMatch(/Update magnitude response/);
  });

  it('response map: every cell shifted by 20·log10 α', () => {
    const options = resolvePlotOptions({ mapRows: 8 });
    const [momentum] = plotFigures(withLr, ['response-map'], options);
    const [update] = plotFigures(withLr, ['response-map'], { ...options, view: 'update' });
    const a = dataset(momentum.spec, 'mapBins');
    const b = dataset(update.spec, 'mapBins');
    a.forEach((bin, k) => (bin.gainDb as number[]).forEach((g, j) => expect((b[k].gainDb as number[])[j]).toBeCloseTo(g - 40, 3)));
    expect(JSON.stringify(update.spec)).toMatch(/Update map/);
  });

  it('a schedule without lr cannot be drawn in the update view: an OptionError, an option issue, and exit 2 from the CLI', async () => {
    expect(() => plotFigures(withoutLr, ['magnitude'], resolvePlotOptions({ view: 'update' }))).toThrow(/schedule ema has no lr/);
    expect(renderOptionIssues(withoutLr, { kinds: ['magnitude'], formats: ['svg'], plot: { view: 'update' } })[0].path).toEqual(['plot', 'view']);
    const r = await runCli(['plot', '-', '--view', 'update', '--kind', 'magnitude', '-o', '-', '--format', 'vl.json'], { input: yaml('') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--view update draws α·H: schedule ema has no lr/);
  });

  it('the coefficients figure draws the learning rate on its own log axis when the schedule has one, and nothing more without', () => {
    const [figure] = plotFigures(withLr, ['coefficients'], resolvePlotOptions());
    const lr = dataset(figure.spec, 'learningRate');
    expect(lr.length).toBe(5);
    expect(lr.every((row) => row.value === 0.01)).toBe(true);
    expect(JSON.stringify(figure.spec)).toMatch(/"type":"log"/);
    const [plain] = plotFigures(withoutLr, ['coefficients'], resolvePlotOptions());
    expect(dataset(plain.spec, 'learningRate')).toBeUndefined();
  });
});
