import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { parseAtFreqs } from '../../src/sweep/at-freqs.js';
import { resolveAxes, type AxisRequest } from '../../src/sweep/sweep-axes.js';
import { sweepJob, type SweepFormat } from '../../src/sweep/sweep-job.js';
import { chunkChecker, chunkFormatter } from '../../src/sweep/sweep-rows.js';
import { stageSelector } from '../../src/analysis/stage-selection.js';
import { CLI_VOCABULARY } from '../../src/cli/messages.js';
import { csvLine } from '../../src/io/csv-line.js';

function job(preset: string, grid: [string, string][], options: { stages?: string; format?: SweepFormat; atFreqs?: string; skipInvalid?: boolean } = {}) {
  const { configs } = parseSchedules(starterYaml(preset));
  const requests: AxisRequest[] = grid.map(([path, spec]) => ({ path, spec, origin: `--grid ${path}=${spec}` }));
  const { axes, errors } = resolveAxes(configs[0], requests);
  if (errors.length) throw new Error(errors.join('\n'));
  const atFreqs = options.atFreqs ? parseAtFreqs(options.atFreqs) : [];
  if (!Array.isArray(atFreqs)) throw new Error(atFreqs.error);
  return sweepJob(configs[0], axes, { stages: options.stages ?? 'first,last', atFreqs, format: options.format ?? 'ndjson', allowUnstable: false, skipInvalid: options.skipInvalid ?? false });
}

/** A chunk's rows as text (they come as UTF-8 bytes). */
const textOf = (chunk: { bytes: Uint8Array }): string => Buffer.from(chunk.bytes).toString('utf8');
const rowsOf = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number | string | boolean | null>);

describe('sweep rows', () => {
  it('with a plot, each chunk carries the plotted metric of every point (1/(1 − β) for standard-sgdm), NaN where the point is invalid', () => {
    const j = { ...job('standard-sgdm', [['beta', '0.5,0.9,1.1,0.75']], { stages: 'last', skipInvalid: true }), plot: { metric: 'dcGain' as const, stage: 'first' } };
    const chunk = chunkFormatter(j)(1, 4);
    expect(chunk.skipped.map((s) => s.point)).toEqual([2]);
    expect(chunk.plotValues).toHaveLength(3);
    const [at09, at11, at075] = chunk.plotValues!;
    expect([at09 * 0.1, at11, at075 * 0.25]).toEqual([expect.closeTo(1, 14), NaN, expect.closeTo(1, 14)]);
    expect(chunkFormatter(job('standard-sgdm', [['beta', '0.5']]))(0, 1).plotValues).toBeUndefined();
  });

  it('FSGDM final segment: u = 1/(1 + c), DC gain v(1 + 1/c), |H(π/2)| = v/√(1 + u²) at every (c, v)', () => {
    const j = job('fsgdm', [['momentum.c', '0.01:0.1:4:log'], ['momentum.v', '0.5,1,2']], { stages: 'last', atFreqs: '0.01,pi/2' });
    const rows = rowsOf(textOf(chunkFormatter(j)(0, 12)));
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      const c = r['momentum.c'] as number;
      const v = r['momentum.v'] as number;
      const u = 1 / (1 + c);
      const tol = 8 * Number.EPSILON;
      expect(r.stage).toBe(300);
      expect(Math.abs((r.u as number) - u) / u, `c=${c}`).toBeLessThanOrEqual(tol);
      expect(Math.abs((r.dcGain as number) - v * (1 + 1 / c)) / (v * (1 + 1 / c)), `c=${c} v=${v}`).toBeLessThanOrEqual(32 * Number.EPSILON);
      expect(Math.abs((r['magnitude@pi/2'] as number) - v / Math.sqrt(1 + u * u)), `c=${c}`).toBeLessThanOrEqual(tol * v);
    }
  });

  it('rows are the bytes of the string writers: CSV as io/csv-line writes the cells, NDJSON and JSON as JSON.stringify writes the row objects (nulls, booleans, text, lr columns, --at-freqs)', () => {
    const { configs } = parseSchedules('steps: 1000\nlr: 0.1\nmomentum: { preset: ema-sgdm, beta: 0.9 }\n');
    const { axes } = resolveAxes(configs[0], [{ path: 'beta', spec: '0,0.1,0.5,0.9,0.999', origin: '' }, { path: 'steps', spec: '10,100,1000,10000,100000,1000000,1000003', origin: '' }]);
    const atFreqs = parseAtFreqs('0.01,pi/2,pi');
    if (!Array.isArray(atFreqs)) throw new Error(atFreqs.error);
    const make = (format: SweepFormat) => sweepJob(configs[0], axes, { stages: 'first,last', atFreqs, format, allowUnstable: false, skipInvalid: false });
    const rows = rowsOf(textOf(chunkFormatter(make('ndjson'))(0, 35)));
    expect(rows).toHaveLength(35);
    expect(rows.some((r) => r.cutoffFrequency === null) && rows.every((r) => typeof r.amplifies === 'boolean' && typeof r.filterType === 'string') && rows.some((r) => typeof r.lr === 'number')).toBe(true);
    expect(textOf(chunkFormatter(make('ndjson'))(0, 35))).toBe(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(textOf(chunkFormatter(make('json'))(0, 35))).toBe(rows.map((r) => `,\n    ${JSON.stringify(r)}`).join(''));
    expect(textOf(chunkFormatter(make('csv'))(0, 35))).toBe(rows.map((r) => csvLine(Object.values(r))).join(''));
  });

  it('columns: point, swept paths as written, stage fields, the metric names of analyze, magnitude@freq', () => {
    const j = job('standard-sgdm', [['beta', '0.5,0.9']], { atFreqs: 'pi' });
    const first = rowsOf(textOf(chunkFormatter(j)(0, 1)))[0];
    expect(Object.keys(first)).toEqual([
      'point', 'beta', 'stage', 'startStep', 'endStep', 'u', 'v', 'dcGain', 'dcGainDb', 'nyquistGain', 'nyquistGainDb', 'peakGain',
      'peakFrequency', 'cutoffFrequency', 'unityGainFrequency', 'noiseGain', 'groupDelayDc', 'timeConstant', 'filterType', 'amplifies', 'magnitude@pi',
    ]);
    expect(first).toMatchObject({ point: 0, beta: 0.5, stage: 0, dcGain: 2, nyquistGain: 2 / 3, filterType: 'low-pass', amplifies: true });
  });

  it('a swept short name that is also a column (FSGDM\'s v) is written in full', () => {
    const j = job('fsgdm', [['c', '0.1'], ['v', '2']], { stages: 'last' });
    const row = rowsOf(textOf(chunkFormatter(j)(0, 1)))[0];
    expect(Object.keys(row).slice(0, 4)).toEqual(['point', 'c', 'momentum.v', 'stage']);
    expect(row).toMatchObject({ 'momentum.v': 2, v: 2 });
  });

  it('--at-freqs for a rational stage is |B(e^{jω})/A(e^{jω})|: at ω = π, |B(−1)/A(−1)|', () => {
    const { configs } = parseSchedules('steps: 100\nmomentum: { preset: rational, b: [0.2, 0.1], a: [1, -0.5, 0.06] }\n');
    const { axes } = resolveAxes(configs[0], [{ path: 'stages', spec: '1,2', origin: '' }]);
    const atFreqs = parseAtFreqs('pi');
    if (!Array.isArray(atFreqs)) throw new Error(atFreqs.error);
    const j = sweepJob(configs[0], axes, { stages: 'all', atFreqs, format: 'ndjson', allowUnstable: false, skipInvalid: false });
    const rows = rowsOf(textOf(chunkFormatter(j)(0, 2)));
    expect(rows).toHaveLength(3);
    // B(−1) = 0.2 − 0.1, A(−1) = 1 + 0.5 + 0.06.
    for (const r of rows) expect(r['magnitude@pi'] as number).toBeCloseTo(0.1 / 1.56, 14);
  });

  it('CSV cells: nulls empty, booleans and filter types bare; chunks concatenate to the whole', () => {
    const j = job('ema-sgdm', [['beta', '0,0.1,0.9']], { format: 'csv', stages: 'first' });
    const f = chunkFormatter(j);
    const whole = textOf(f(0, 3));
    expect(textOf(f(0, 1)) + textOf(f(1, 3))).toBe(whole);
    const lines = whole.trim().split('\n');
    // β = 0: all-pass, no cutoff, no unity crossing; β = 0.1 < 3 − 2√2: still no −3 dB point.
    expect(lines[0]).toBe('0,0,0,1,117000,0,1,1,0,1,0,1,0,,,1,0,0,all-pass,false');
    expect(lines[1].split(',')[13]).toBe('');
  });

  it('invalid points: the checker finds the first in grid order; skipping reports each', () => {
    const j = job('standard-sgdm', [['beta', '0.5,1.5,0.9,2']], { skipInvalid: true });
    expect(chunkChecker(j)(0, 4)).toMatchObject({ point: 1, values: 'beta=1.5', problem: expect.stringContaining('|u| must be < 1') });
    const r = chunkFormatter(j)(0, 4);
    expect(r.skipped.map((s) => s.point)).toEqual([1, 3]);
    expect(rowsOf(textOf(r)).map((row) => row.point)).toEqual([0, 2]);
    const strict = chunkFormatter({ ...j, skipInvalid: false })(0, 4);
    expect(strict).toMatchObject({ rows: 0, failed: { point: 1 } });
    expect(strict.bytes).toHaveLength(0);
  });

  it('the FSGDM check (its preset\'s stableWhen, no table) finds the same first invalid point as resolving each', () => {
    const withC = job('fsgdm', [['v', '1,2'], ['c', '0.1,0,0.2']], { stages: 'last' });
    expect(chunkChecker(withC)(0, 6)).toMatchObject({ point: 1, values: 'momentum.v=1, c=0', problem: expect.stringContaining('not a finite number') });
    expect(chunkChecker(job('fsgdm', [['c', '1e-9,0.5']]))(0, 2)).toBeUndefined();
    // c > 0 is not enough in floating point: with c = 5e-324, μ = cΣ is below half an ulp of S, so u rounds to 1.
    expect(chunkChecker(job('fsgdm', [['c', '0.5,5e-324']]))(0, 2)).toMatchObject({ point: 1, problem: expect.stringContaining('|u| must be < 1') });
    // With stages swept the shortcut is off: 200 000 stages > 117 000 steps is caught per point.
    expect(chunkChecker(job('fsgdm', [['c', '0.1'], ['stages', '300,200000']]))(0, 2)).toMatchObject({ point: 1, problem: expect.stringContaining('must be ≤ steps') });
  });

  it('--stages step:S picks the stage holding step S, per point', () => {
    const { configs } = parseSchedules(starterYaml('fsgdm'));
    const { schedules } = parseSchedules(starterYaml('fsgdm'));
    expect(configs).toHaveLength(1);
    expect(stageSelector('first,step:780,step:117000')(schedules[0].stages)).toEqual([0, 2, 300]);
    expect(stageSelector('step:999999')(schedules[0].stages)).toMatchObject({ error: expect.stringContaining('outside') });
  });

  it('a stage selection a point cannot meet is named in the words of the caller: stages (library), --stages (CLI)', () => {
    // steps = 100 has no step 150; steps = 200 has (stage 0 of 1).
    const j = job('ema-sgdm', [['steps', '100,200']], { stages: 'step:150' });
    const problem = "step:150 is outside the schedule's steps 1..100";
    expect(chunkFormatter(j)(0, 2)).toMatchObject({ failed: { point: 0, problem: `stages: ${problem}` } });
    expect(chunkChecker(j)(0, 2)).toMatchObject({ point: 0, problem: `stages: ${problem}` });
    const cli = { ...j, vocabulary: CLI_VOCABULARY };
    expect(chunkFormatter(cli)(0, 2)).toMatchObject({ failed: { point: 0, problem: `--stages: ${problem}` } });
    expect(chunkChecker(cli)(0, 2)).toMatchObject({ point: 0, problem: `--stages: ${problem}` });
    expect(chunkFormatter(j)(1, 2)).toMatchObject({ rows: 1 });
  });

  it('--at-freqs accepts numbers, pi, fractions and multiples of pi', () => {
    expect(parseAtFreqs('0.01, pi/2, 3pi/4, 0.5*pi, π')).toEqual([
      { label: '0.01', omega: 0.01 },
      { label: 'pi/2', omega: Math.PI / 2 },
      { label: '3pi/4', omega: (3 * Math.PI) / 4 },
      { label: '0.5*pi', omega: 0.5 * Math.PI },
      { label: 'π', omega: Math.PI },
    ]);
    expect(parseAtFreqs('4')).toMatchObject({ error: expect.stringContaining('outside [0, π]') });
    expect(parseAtFreqs('x')).toMatchObject({ error: expect.stringContaining('not a frequency') });
  });
});
