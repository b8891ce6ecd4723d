import { describe, expect, it } from 'vitest';
import type { ResponseMapRecords } from '../../src/plot/figure-records.js';
import { resolvePlotOptions } from '../../src/plot/plot-options.js';
import { compileVega } from '../../src/plot/render/compile-vega.js';
import { responseMapSpec } from '../../src/plot/specs/response-map.js';
import { keyOf, nodes } from './support.js';

const options = resolvePlotOptions();
const rows = { omega: Float64Array.from([0.1, 1]), lo: [0.05, 0.3], hi: [0.3, 1], value: [0.1, 1] };

/** Two columns over 0…10 steps; gains chosen by hand, −Infinity where |H| = 0. */
const exact: ResponseMapRecords = {
  name: 'hand',
  steps: 10,
  stageCount: 2,
  firstOrder: true,
  aggregated: false,
  rows,
  columns: [
    { t0: 0, t1: 4, firstStage: 0, lastStage: 0, u: 0.5, v: 1, uMin: 0.5, uMax: 0.5, gainDb: Float64Array.from([6.0205999132, -1.23456789]) },
    { t0: 4, t1: 10, firstStage: 1, lastStage: 1, u: 1 / 3, v: 2, uMin: 1 / 3, uMax: 1 / 3, gainDb: Float64Array.from([-Infinity, 10.5]) },
  ],
};

describe('responseMapSpec from hand-made records', () => {
  it('one row per column with its span, 6-digit values and gains by row; the colour domain is ±(the largest |gain| rounded up to even dB)', () => {
    const spec = responseMapSpec(exact, options);
    const datasets = keyOf(spec, 'datasets') as Record<string, Record<string, unknown>[]>;
    expect(datasets.mapRows).toEqual([
      { row: 0, f0: 0.05, f1: 0.3, frequency: 0.1 },
      { row: 1, f0: 0.3, f1: 1, frequency: 1 },
    ]);
    expect(datasets.mapBins).toEqual([
      { firstStep: 1, lastStep: 4, firstStage: 0, lastStage: 0, u: 0.5, v: 1, row: [0, 1], gainDb: [6.0206, -1.23457] },
      { firstStep: 5, lastStep: 10, firstStage: 1, lastStage: 1, u: 0.333333, v: 2, row: [0, 1], gainDb: [null, 10.5] },
    ]);
    const color = nodes(spec).find((n) => 'color' in n && 'x2' in n)!.color as { scale: { domain: number[] } };
    expect(color.scale.domain).toEqual([-12, 12]);
    expect(spec.description).toBe(
      'Response map of schedule hand (2 stages over 10 steps): training step on x, frequency ω (rad/sample) on a log y axis, colour = gain ' +
        '20·log10|Hₖ(ω)| in dB on a diverging scale from −12 to +12 dB centred on 0 dB.',
    );
  });

  it('merged columns carry u range and gain bounds, flattened with the gains; the spec compiles without warnings', async () => {
    const merged: ResponseMapRecords = {
      ...exact,
      stageCount: 7,
      aggregated: true,
      columns: exact.columns.map((c) => ({ ...c, uMin: c.u - 0.1, uMax: c.u + 0.1, bounds: { min: c.gainDb.map((g) => g - 1), max: c.gainDb.map((g) => g + 1) } })),
    };
    const spec = responseMapSpec(merged, { ...options, interactive: true });
    const bins = (keyOf(spec, 'datasets') as Record<string, Record<string, unknown>[]>).mapBins;
    expect(bins[0]).toEqual({ firstStep: 1, lastStep: 4, firstStage: 0, lastStage: 0, u: 0.5, v: 1, uMin: 0.4, uMax: 0.6, row: [0, 1], gainDb: [6.0206, -1.23457], gainDbMin: [5.0206, -2.23457], gainDbMax: [7.0206, -0.234568] });
    expect(keyOf(spec, 'transform')).toContainEqual({ flatten: ['row', 'gainDb', 'gainDbMin', 'gainDbMax'] });
    expect(spec.description).toMatch(/The 7 stages are merged into 2 columns; each is coloured by the gain of its step-weighted mean coefficients\.$/);
    const { warnings } = await compileVega(spec);
    expect(warnings).toEqual([]);
  });
});
