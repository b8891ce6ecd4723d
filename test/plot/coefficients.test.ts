import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coefficientRecords, type CoefficientRecords } from '../../src/plot/figure-records.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { coefficientsSpec } from '../../src/plot/specs/coefficients.js';
import { keyOf, nodes, scheduleOf } from './support.js';

const options = resolvePlotOptions();
const records: CoefficientRecords = {
  name: 'hand',
  steps: 30,
  stageCount: 2,
  firstOrder: true,
  aggregated: false,
  recursion: 'the recursion',
  t0: Float64Array.from([0, 10]),
  t1: Float64Array.from([10, 30]),
  series: [
    { name: 'u', mean: Float64Array.from([0.9, 1 / 3]), min: Float64Array.from([0.9, 1 / 3]), max: Float64Array.from([0.9, 1 / 3]) },
    { name: 'v', mean: Float64Array.from([0.1, 2]), min: Float64Array.from([0.1, 2]), max: Float64Array.from([0.1, 2]) },
  ],
};

describe('coefficientsSpec from hand-made records', () => {
  it('a line drawn exactly under another gets no legend entry of its own: their names merge ("u₁ = c₁"), and the learning rate has an entry', async () => {
    const same = (x: number[]) => ({ mean: Float64Array.from(x), min: Float64Array.from(x), max: Float64Array.from(x) });
    // nesterov's bank with τ = 0: u₁ = c₁ = μ, v₁ = c₀ = 1
    const bank: CoefficientRecords = {
      ...records,
      firstOrder: false,
      series: [{ name: 'u₁', ...same([0.8, 0.9]) }, { name: 'v₁', ...same([1, 1]) }, { name: 'c₁', ...same([0.8, 0.9]) }, { name: 'c₀', ...same([1, 1]) }],
      lr: { name: 'lr', ...same([0.01, 0.001]) },
    };
    const view = await compileVega(coefficientsSpec(bank, options));
    const legends = (view.spec.legends ?? []) as { stroke?: string; strokeDash?: string }[];
    const scales = view.spec.scales as { name: string; domain: unknown }[];
    const colour = scales.find((sc) => sc.name === legends.find((l) => l.stroke)!.stroke)!;
    expect(colour.domain).toEqual(['u₁ = c₁', 'v₁ = c₀']);
    const dash = scales.find((sc) => sc.name === legends.find((l) => l.strokeDash)?.strokeDash);
    expect(dash?.domain).toEqual(['α (right axis)']);
  });

  it('a step line per coefficient, the last value repeated at the end of training; the records\' recursion as subtitle', () => {
    const spec = coefficientsSpec(records, options);
    expect((keyOf(spec, 'datasets') as Record<string, unknown[]>).coefficients).toEqual([
      { coefficient: 'u', step: 1, value: 0.9 },
      { coefficient: 'u', step: 11, value: 0.333333 },
      { coefficient: 'u', step: 31, value: 0.333333 },
      { coefficient: 'v', step: 1, value: 0.1 },
      { coefficient: 'v', step: 11, value: 2 },
      { coefficient: 'v', step: 31, value: 2 },
    ]);
    expect(spec.title).toEqual({ text: 'Coefficients: hand', subtitle: 'the recursion' });
    expect(nodes(spec).filter((n) => 'mark' in n).map((n) => (n.mark as { type: string }).type)).toEqual(['line']);
  });

  it('merged bins add a min–max band; compiles without warnings', async () => {
    const merged = { ...records, aggregated: true, series: records.series.map((s) => ({ ...s, min: s.mean.map((x) => x - 0.05), max: s.mean.map((x) => x + 0.05) })) };
    const spec = coefficientsSpec(merged, options);
    expect((keyOf(spec, 'datasets') as Record<string, unknown[]>).coefficients[0]).toEqual({ coefficient: 'u', step: 1, value: 0.9, min: 0.85, max: 0.95 });
    expect(nodes(spec).filter((n) => 'mark' in n).map((n) => (n.mark as { type: string }).type)).toEqual(['area', 'line']);
    expect(spec.description).toMatch(/stages merged into 2 bins, line = step-weighted mean, band = min–max\.$/);
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});

describe('coefficientsSpec of merged bins: the lines end at the real first and last values', () => {
  const fromConfig = (file: string) => {
    const schedule = scheduleOf(readFileSync(file, 'utf8'));
    return coefficientsSpec(coefficientRecords(schedule, options), options) as unknown as { datasets: Record<string, Record<string, number | string>[]> };
  };
  // Final lr from each config by hand: OneCycleLR ends at max_lr/div_factor/final_div_factor =
  // 0.1/25/10⁴; YOLO's lambda at t = 554 700: 0.01·((1 − 299/300)·0.99 + 0.01)·1 = 1.33e-4.
  it.each([
    ['configs/resnet-cifar-onecycle.yaml', 4e-7],
    ['configs/yolo-nesterov-warmup.yaml', 1.33e-4],
  ])('%s: the α line ends at the last step\'s own α (%s), and α has a min–max band', (file, finalLr) => {
    const spec = fromConfig(file);
    const lr = spec.datasets.learningRate;
    expect(lr.at(-1)!.value as number).toBeCloseTo(finalLr, 12);
    expect(Math.abs((lr.at(-1)!.value as number) / finalLr - 1)).toBeLessThan(1e-6);
    const band = spec.datasets.learningRateBand;
    expect(band.length).toBeGreaterThan(0);
    expect(Math.min(...band.map((r) => r.min as number))).toBeLessThanOrEqual(finalLr * (1 + 1e-6));
  });

  it('OneCycleLR: u\'s line starts at 0.95 and ends at 0.95 (the config\'s cycle_momentum ends), not at its bins\' means', () => {
    const lines = fromConfig('configs/resnet-cifar-onecycle.yaml').datasets.coefficientLines.filter((r) => r.coefficient === 'u');
    expect(lines[0].value).toBeCloseTo(0.95, 9);
    expect(lines.at(-1)!.value).toBeCloseTo(0.95, 9);
  });
});
