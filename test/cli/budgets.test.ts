import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-budgets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A refusal: exit 2, nothing on stdout, one line on stderr. */
async function refused(args: string[], options: { input?: string } = {}): Promise<string> {
  const r = await runCli(args, options);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  return r.stderr;
}

describe('work is checked against its budget before anything is allocated or printed (the cases of issue 11)', () => {
  it('40 schedules of 10⁷ stages in one 3 KB file: 4·10⁸ stages × 32 bytes = 11.9 GiB of stage tables', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `  - { name: s${i}, steps: 10000000, stages: 10000000, momentum: { u: 0.9 } }`);
    const path = file('forty.yaml', `schedules:\n${lines.join('\n')}\n`);
    const bytes = 40 * 1e7 * 32;
    expect((bytes / 2 ** 30).toPrecision(3)).toBe('11.9');
    expect(await refused(['analyze', path, '--no-response'])).toBe(
      `${path}: 40 schedules of 4.0e8 stages in all would need 11.9 GiB of memory for stage tables, more than the budget of 1 GiB; ` +
        'use fewer stages (stages or stageLength) or fewer schedules per run\n',
    );
    // validate resolves the tables too, so it refuses the same way.
    expect(await refused(['validate', path])).toMatch(/40 schedules of 4\.0e8 stages in all/);
  });

  it('--at-steps with 2000 steps × 10⁶ frequencies: refused before any JSON is printed', async () => {
    const steps = Array.from({ length: 2000 }, (_, i) => i + 1).join(',');
    const message = await refused(['analyze', '--preset', 'adam-m', '--set', 'steps=1000000', '--at-steps', steps, '--freqs', '1000000', '--format', 'json']);
    // 2000 responses × 10⁶ frequencies: computing them (0.9 µs a point, COST_NS.exactResponseFrequency)
    // is half an hour, checked before their 149 GiB of JSON (80 bytes a point).
    expect(message).toBe(
      'momentum-fr: the exact responses (2000 steps walked at 1000000 frequencies) would take about 31 min, more than the budget of 60 s; ' +
        'use fewer --freqs, fewer steps (steps in the config, or --set steps=N), fewer --at-steps or --force\n',
    );
    expect((2000 * 1e6 * 900) / 1e9 / 60).toBeCloseTo(30, 0);
  });

  it('adam-m with 10⁹ steps: refused at the steps key before its 10⁹ stages are made', async () => {
    expect(await refused(['analyze', '--preset', 'adam-m', '--set', 'steps=1000000000'])).toMatch(
      /^--preset adam-m: --set steps=1000000000: steps: preset adam-m has one stage per step: at most 10000000 steps \(got 1000000000\)\n$/,
    );
  });

  it('spectrum --nfft 100000000: the FFT alone would need 23.8 GiB (256 bytes per sample of a Bluestein FFT)', async () => {
    const trace = file('trace.csv', `g\n${Array.from({ length: 64 }, (_, i) => Math.sin(i)).join('\n')}\n`);
    expect(await refused(['spectrum', trace, '--nfft', '100000000'])).toBe(
      'momentum-fr: an FFT of nfft = 100000000 samples would need 23.8 GiB of memory, more than the budget of 1 GiB; use a smaller --nfft\n',
    );
    expect((1e8 * 256 / 2 ** 30).toPrecision(3)).toBe('23.8');
  });

  it('the exact response of a rational preset over 10⁸ steps: 10⁸ × 512 frequencies × 3 coefficients at 20 ns ≈ 51 min', async () => {
    const args = ['analyze', '--preset', 'rational', '--set', 'steps=100000000'];
    expect(await refused([...args, '--mode', 'exact', '--stages', 'last', '--no-response'])).toBe(
      'momentum-fr: the exact responses (1.0e8 steps walked at 512 frequencies, 1 stage record) would take about 51 min, more than the budget of 60 s; ' +
        'use fewer --freqs, fewer steps (steps in the config, or --set steps=N), fewer stages (--stages, e.g. every:N) or --force\n',
    );
    expect(await refused([...args, '--at-steps', '100000000', '--format', 'json'])).toMatch(/^momentum-fr: the exact responses \(1\.0e8 steps walked at 512 frequencies\) would take about 51 min/);
    expect(1e8 * 512 * 3 * 20e-9 / 60).toBeCloseTo(51.2, 1);
  });

  it('a 10¹²-step rational run is refused; a 10¹²-step first-order run (even u = 1) is summed in closed form', async () => {
    expect(await refused(['analyze', '--preset', 'rational', '--set', 'steps=1000000000000', '--mode', 'exact', '--no-response'])).toMatch(
      /^momentum-fr: the exact responses \(1\.0e12 steps walked at 512 frequencies, 1 stage record\) would take about 360 days, more than the budget of 60 s/,
    );
    const r = await runCli(['analyze', '-', '--allow-unstable', '--mode', 'exact', '--stages', 'last', '--freqs', '2', '--format', 'json'], { input: 'steps: 1000000000000\nmomentum: { u: 1, v: 1 }\n' });
    expect(r.code, r.stderr).toBe(0);
    // A running sum of 10¹² unit taps: gain 10¹² at ω = 0.
    expect(JSON.parse(r.stdout).schedules[0].stages[0].responseExact.magnitude[0]).toBe(1e12);
  });
});

describe('analyze --at-steps reports the steps asked for, not every stage', () => {
  it('--at-steps 1,2,10 --mode exact on a 10⁶-step adam-m writes three step responses and no stage records', async () => {
    const r = await runCli(['analyze', '--preset', 'adam-m', '--set', 'steps=1000000', '--at-steps', '1,2,10', '--mode', 'exact', '--freqs', '4', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).schedules[0];
    expect(s.stages).toEqual([]);
    expect(s.atSteps.map((a: { step: number }) => a.step)).toEqual([1, 2, 10]);
    // Adam's bias-corrected first moment at ω = 0 is exactly 1 at every step: (1 − β)Σβ^k / (1 − β^t).
    for (const a of s.atSteps) expect(a.responseExact.magnitude[0]).toBeCloseTo(1, 12);
  });

  it('with --stages the stages are reported too', async () => {
    const r = await runCli(['analyze', '--preset', 'adam-m', '--at-steps', '10', '--stages', 'last', '--freqs', '4', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schedules[0].stages.map((s: { index: number }) => s.index)).toEqual([999]);
  });

  it('the library does the same: analyze(…, { atSteps }) reports stages only when asked for', () => {
    const yaml = 'steps: 100\nstages: 4\nmomentum: { u: 0.5 }\n';
    const at = analyze(yaml, { atSteps: [3, 50], frequencies: Float64Array.of(0) }).schedules[0];
    expect([at.stages.length, at.atSteps!.map((a) => a.step)]).toEqual([0, [3, 50]]);
    expect(analyze(yaml, { atSteps: [3], stages: 'all', frequencies: Float64Array.of(0) }).schedules[0].stages).toHaveLength(4);
  });

  it('CSV streams the step rows after the (absent) stages', async () => {
    const r = await runCli(['analyze', '--preset', 'ema-sgdm', '--at-steps', '1,5', '--mode', 'exact', '--freqs', '3', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(6, 8).join(','))).toEqual(['exact,1', 'exact,1', 'exact,1', 'exact,5', 'exact,5', 'exact,5']);
  });
});

describe('output and time budgets are lifted by --force, and only by it', () => {
  const big = ['analyze', '--preset', 'adam-m', '--set', 'steps=1000000', '--format', 'json'];

  it('every stage of a 10⁶-step adam-m run (--stages all) is refused: 10⁶ records × 512 frequencies', async () => {
    expect(await refused([...big, '--stages', 'all'])).toBe(
      'momentum-fr: the output (1.0e6 stage records × 512 frequencies) would write about 38.6 GiB, more than the budget of 256 MiB; ' +
        'use fewer stages (--stages, e.g. every:N), fewer --freqs, --no-response or --force\n',
    );
  });

  it('the default (--stages auto) shows the 10⁶-step run as 256 display stages, well inside the budget', async () => {
    const r = await runCli([...big, '--no-response']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).schedules[0];
    expect([doc.stageCount, doc.display, doc.stages.length]).toEqual([1e6, { stages: 256 }, 256]);
  });

  it('--at-steps responses count whatever stages are selected, the stage records too; their knobs come first when they dominate', async () => {
    const steps = Array.from({ length: 2000 }, (_, i) => i + 1).join(',');
    // 2·10⁴ frequencies: computing the responses stays within the minute (2000 × 2·10⁴ × 0.9 µs = 36 s).
    const at = ['analyze', '--preset', 'ema-sgdm', '--at-steps', steps, '--freqs', '20000', '--format', 'json'];
    // 2000 × 2·10⁴ × 80 bytes = 2.98 GiB, plus one stage record (500 bytes + 2·10⁴ × 80) with --stages last.
    expect(await refused([...at, '--stages', 'last'])).toBe(
      'momentum-fr: the output (1 stage record and 2000 step responses × 20000 frequencies) would write about 2.98 GiB, more than the budget of 256 MiB; ' +
        'use fewer --at-steps, fewer --freqs, fewer stages (--stages, e.g. every:N) or --force\n',
    );
    expect(await refused([...at, '--stages', 'none'])).toBe(
      'momentum-fr: the output (2000 step responses × 20000 frequencies) would write about 2.98 GiB, more than the budget of 256 MiB; use fewer --at-steps, fewer --freqs or --force\n',
    );
    // 10⁶ stage records without responses… with them: 10⁶ × (500 + 512 × 80) bytes = 38.6 GiB; 3 step responses are nothing beside them.
    expect(await refused(['analyze', '--preset', 'adam-m', '--set', 'steps=1000000', '--at-steps', '1,2,10', '--format', 'json', '--stages', 'all'])).toBe(
      'momentum-fr: the output (1.0e6 stage records and 3 step responses × 512 frequencies) would write about 38.6 GiB, more than the budget of 256 MiB; ' +
        'use fewer stages (--stages, e.g. every:N), fewer --freqs, fewer --at-steps or --force\n',
    );
  });

  it('the table is budgeted too: 150 bytes per row, so 2·10⁶ adam-m rows (286 MB) are refused', async () => {
    expect(await refused(['analyze', '--preset', 'adam-m', '--set', 'steps=2000000', '--stages', 'all'])).toBe(
      'momentum-fr: the output (2.0e6 stage records) would write about 286 MiB, more than the budget of 256 MiB; use fewer stages (--stages, e.g. every:N) or --force\n',
    );
  });

  it('--force does not lift a memory budget', async () => {
    expect(await refused(['spectrum', file('t2.csv', 'g\n1\n2\n3\n4\n'), '--nfft', '100000000', '--force'])).toMatch(/would need 23\.8 GiB of memory/);
  });
});

describe('every command checks its own work', () => {
  it('coefficients: a row per step of a 10⁸-step run is refused; --runs merges it into 301 rows', async () => {
    const args = ['coefficients', '--preset', 'fsgdm', '--set', 'steps=100000000'];
    expect(await refused(args)).toBe(
      'momentum-fr: the output (1.0e8 rows of 5 columns) would write about 9.31 GiB, more than the budget of 256 MiB; use --runs, fewer steps (steps in the config, or --set steps=N) or --force\n',
    );
    const r = await runCli([...args, '--runs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1 + 301);
  });

  it('spectrum: a spectrogram of 19 985 segments × 2001 bins is refused as output', async () => {
    const trace = file('long.npy.csv', `g\n${Array.from({ length: 20000 }, (_, i) => Math.sin(i / 7)).join('\n')}\n`);
    expect(await refused(['spectrum', trace, '--spectrogram', '--nperseg', '16', '--noverlap', '15', '--format', 'csv', '--nfft', '4000'])).toMatch(
      /^momentum-fr: the output \(4\.0e7 rows\) would write about [\d.]+ GiB, more than the budget of 256 MiB; use a smaller --noverlap \(fewer segments\), a smaller --nperseg, a smaller --nfft or --force\n$/,
    );
  });

  it('sweep: 10⁸ points are refused as time, before the first row', async () => {
    expect(await refused(['sweep', '--preset', 'ema-sgdm', '--grid', 'beta=0.1:0.9:100000000'])).toMatch(
      /^momentum-fr: the sweep \(1\.0e8 points of 1 stage\) would take about \d+ min, more than the budget of 60 s; use fewer points \(the counts of --grid\) or --force\n$/,
    );
  });

  it('tune: 300 evaluations of a 10⁶-stage expression schedule are refused as time', async () => {
    const input = 'steps: 1000000\nstageLength: 1\nmomentum:\n  params: { mu: 1000 }\n  u: "t / (t + mu)"\n';
    expect(await refused(['tune', '-', '--solve', 'mu', '--target', 'last.dcGain=5'], { input })).toMatch(
      /^momentum-fr: tuning \(about 300 evaluations of 1\.0e6 stages\) would take about 8\.5 min, more than the budget of 60 s; .* or --force\n$/,
    );
  });

  it('simulate: 2·10⁸ steps need 3 GiB for the signal and its output', async () => {
    expect(await refused(['simulate', '--preset', 'ema-sgdm', '--set', 'steps=200000000'])).toMatch(
      /^momentum-fr: a simulation of 2\.0e8 steps through 1 schedule \(1 stage compared\) would need 2\.98 GiB of memory, more than the budget of 1 GiB; use fewer --steps/,
    );
  });

  it('plot: 200 curves × 10⁴ frequencies in one SVG, and a PNG of 1.1·10⁹ pixels', async () => {
    expect(await refused(['plot', 'configs/fsgdm-cifar100.yaml', '--kind', 'magnitude', '--freqs', '10000', '--curves', '200', '-o', join(dir, 'big.svg')])).toMatch(
      /^momentum-fr: figures of 2\.0e6 data points \(the largest 2\.0e6 points\) would need 2\.42 GiB of memory, more than the budget of 1 GiB; use fewer --curves or --stages, fewer --freqs/,
    );
    expect(await refused(['plot', 'configs/fsgdm-cifar100.yaml', '--kind', 'magnitude', '--png-scale', '8', '--width', '4000', '--height', '4000', '-o', join(dir, 'big.png')])).toBe(
      'momentum-fr: a PNG of 1.1e9 pixels would need 4.26 GiB of memory, more than the budget of 1 GiB; use a smaller --png-scale, --width or --height\n',
    );
  });
});
