import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mfr-sweep-'));
const ndjson = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const METRICS = ['dcGain', 'dcGainDb', 'nyquistGain', 'nyquistGainDb', 'peakGain', 'peakFrequency', 'cutoffFrequency', 'unityGainFrequency', 'noiseGain', 'groupDelayDc', 'timeConstant', 'filterType', 'amplifies'];

describe('momentum-fr sweep', () => {
  it('rows equal `analyze --no-response` run with --set at the same points', async () => {
    const r = await runCli(['sweep', 'configs/fsgdm-cifar100.yaml', '--grid', 'momentum.c=0.02:0.05:2', '--grid', 'momentum.v=0.5,2', '--stages', 'first,150,last', '-f', 'ndjson']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = ndjson(r.stdout);
    expect(rows).toHaveLength(4 * 3);
    for (let point = 0; point < 4; point++) {
      const mine = rows.filter((row) => row.point === point);
      const c = mine[0]['momentum.c'] as number;
      const v = mine[0]['momentum.v'] as number;
      const a = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', '--set', `momentum.c=${c}`, '--set', `momentum.v=${v}`, '--stages', 'first,150,last', '--no-response', '-f', 'ndjson']);
      expect(a.code).toBe(0);
      const theirs = ndjson(a.stdout);
      expect(mine.map((m) => m.stage)).toEqual(theirs.map((t) => t.stage));
      mine.forEach((m, i) => {
        for (const key of ['startStep', 'endStep', 'u', 'v', ...METRICS]) expect(m[key], `point ${point} stage ${m.stage} ${key}`).toEqual(theirs[i][key]);
      });
    }
  });

  it('a filter-bank preset (qhm) reports the bank\'s metrics, as analyze does', async () => {
    const r = await runCli(['sweep', '--preset', 'qhm', '--grid', 'momentum.nu=0.3,0.7', '--stages', 'last', '--at-freqs', 'pi', '-f', 'ndjson']);
    expect(r.code).toBe(0);
    const rows = ndjson(r.stdout);
    for (const row of rows) {
      const a = ndjson((await runCli(['analyze', '--preset', 'qhm', '--set', `momentum.nu=${row['momentum.nu']}`, '--stages', 'last', '--no-response', '-f', 'ndjson'])).stdout)[0];
      for (const key of METRICS) expect(row[key], key).toEqual(a[key]);
      // |H(π)| of d = (1 − ν)g + ν·EMA_β(g): (1 − ν) + ν(1 − β)/(1 + β) with β = 0.999.
      const nu = row['momentum.nu'] as number;
      expect(row['magnitude@pi'] as number).toBeCloseTo(1 - nu + (nu * 0.001) / 1.999, 14);
    }
  });

  it('JSON output is one document with the grid, the columns, the rows and the skipped points', async () => {
    const r = await runCli(['sweep', '--preset', 'standard-sgdm', '--grid', 'momentum.beta=0.5,1.5,0.9', '--skip-invalid', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sweep).toMatchObject({ points: 3, stages: 'first,last', axes: [{ path: 'momentum.beta', kind: 'list', values: [0.5, 1.5, 0.9] }] });
    expect(doc.columns.slice(0, 3)).toEqual(['point', 'momentum.beta', 'stage']);
    expect(doc.rows.map((row: { point: number }) => row.point)).toEqual([0, 2]);
    expect(doc.skipped).toEqual([{ point: 1, values: 'momentum.beta=1.5', problem: expect.stringContaining('|u| must be < 1') }]);
    expect(doc.skippedCount).toBe(1);
    expect(r.stderr).toContain('momentum-fr: skipped point 1 (momentum.beta=1.5): momentum.beta: |u| must be < 1');
  });

  it('the sweep: block of a config gives the grid and stages; -o writes atomically and announces the file', async () => {
    const dir = tmp();
    const config = join(dir, 'cv.yaml');
    writeFileSync(config, 'steps: 1000\nstages: 10\nmomentum:\n  preset: fsgdm\nsweep:\n  grid:\n    momentum.c: [0.1, 0.2]\n    momentum.v: { from: 1, to: 2, count: 2 }\n  stages: last\n');
    const r = await runCli(['sweep', config, '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${join(dir, 'out.csv')}\n`);
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(lines[0].startsWith('point,momentum.c,momentum.v,stage,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['0,0.1,1,10', '1,0.1,2,10', '2,0.2,1,10', '3,0.2,2,10']);
  });

  it.each([
    [['--grid', 'momentum.bta=0.5:0.9:3'], 'momentum-fr: --grid momentum.bta=0.5:0.9:3: momentum.bta: preset ema-sgdm has no parameter "bta" (did you mean "beta"?) (its parameters: beta)'],
    [['--grid', 'momentum.beta=0.9:0.9:3'], 'momentum-fr: --grid momentum.beta=0.9:0.9:3: empty range: from = to = 0.9, so all 3 values would be equal; give the single value instead'],
    [['--grid', 'momentum.beta=0.1:0.9:0'], 'momentum-fr: --grid momentum.beta=0.1:0.9:0: zero count: a range needs at least one value (got count 0)'],
    [['--grid', 'name=1,2'], 'momentum-fr: --grid name=1,2: name: not a numeric value'],
    [['--grid', 'momentum.preset=1,2'], 'momentum-fr: --grid momentum.preset=1,2: momentum.preset: the preset is a name, not a numeric value'],
    [['--grid', 'stages=1:300:7'], 'momentum-fr: --grid stages=1:300:7: stages takes whole numbers, but value 1 of the axis is 50.833333333333336 (choose a count that gives integers, or list the values)'],
    // ema-sgdm's β is an average's weight, in [0, 1) (the paper's EMA-SGDM): refused at the grid, before any point.
    [['--grid', 'momentum.beta=0.5:1.5:3'], 'momentum-fr: --grid momentum.beta=0.5:1.5:3: momentum.beta = 1: must be < 1'],
    [['--grid', 'beta'], 'momentum-fr: --grid beta: expected path=from:to:count[:log] or path=a,b,c'],
    [['--grid', 'beta=0.5', '--stages', '7'], 'momentum-fr: --stages: stage 7 does not exist: the schedule has stages 0..0'],
    [['--grid', 'beta=0.5', '--at-freqs', '0.1,4'], 'momentum-fr: --at-freqs: 4 is outside [0, π] rad/sample (got 4)'],
    [['--grid', 'beta=0.5', '--jobs', '0'], 'momentum-fr: --jobs: expected a whole number from 1 to 256 (got "0")'],
    [[], 'momentum-fr: nothing to sweep: give --grid path=from:to:count (or path=a,b,c), or a sweep: block in the config'],
  ])('refuses %j before any output, one line, exit 2', async (args, message) => {
    const r = await runCli(['sweep', '--preset', 'ema-sgdm', ...args]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.code).toBe(2);
  });

  it('problems of a sweep: block are reported at their line and column', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'steps: 100\nmomentum:\n  preset: ema-sgdm\nsweep:\n  grid:\n    momentum.beta: 0.5:0.99:0\n');
    const r = await runCli(['sweep', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${bad}:6:20: sweep.grid["momentum.beta"]: zero count: a range needs at least one value (got count 0) (got "0.5:0.99:0")\n`);
    writeFileSync(bad, 'steps: 100\nmomentum:\n  preset: ema-sgdm\nsweep:\n  grid:\n    momentum.betta: 0.5:0.99:3\n');
    const r2 = await runCli(['sweep', bad]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(`${bad}:6:5: sweep.grid.momentum.betta: momentum.betta: preset ema-sgdm has no parameter "betta" (did you mean "beta"?) (its parameters: beta)\n`);
  });

  it('--plot writes a Vega-Lite spec of the heatmap (and the rows still go to stdout)', async () => {
    const dir = tmp();
    const r = await runCli(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--grid', 'v=1,2', '--stages', 'last', '--plot', join(dir, 'cv.vl.json'), '--contour', '40']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(6);
    const spec = JSON.parse(readFileSync(join(dir, 'cv.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('DC gain |H(0)| of the last stage');
    expect(spec.title.subtitle).toContain('dcGain over c × momentum.v'); // a bare `v` would clash with the stage's v column
    expect(spec.layer[0].encoding.x.title).toBe('Scaling factor c'); // the preset's own words
    expect(spec.layer[0].encoding.y.title).toBe('Gradient coefficient v');
    expect(spec.datasets.cells).toHaveLength(4);
    const svg = await runCli(['sweep', '--preset', 'standard-sgdm', '--grid', 'beta=0.5:0.99:5', '--plot', join(dir, 'beta.svg'), '--plot-metric', 'cutoffFrequency', '-o', join(dir, 'beta.csv')]);
    expect(svg.stderr).toBe(`wrote ${join(dir, 'beta.csv')}\nwrote ${join(dir, 'beta.svg')}\n`);
    const betaSvg = readFileSync(join(dir, 'beta.svg'), 'utf8');
    expect(betaSvg).toMatch(/^<svg[^>]*><title>−3 dB cutoff of the last stage<\/title>/);
    expect(betaSvg).toContain('cutoffFrequency against beta');
    expect(betaSvg).toContain('>Momentum coefficient β<');
    expect((await runCli(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--plot', 'x.svg', '--plot-metric', 'filterType'])).stderr).toMatch(/^momentum-fr: --plot-metric: unknown metric "filterType"/);
    expect((await runCli(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--plot', 'x.pdf'])).stderr).toBe('momentum-fr: --plot x.pdf: cannot tell the format from the extension .pdf; add --plot-format svg|png|html|vl.json\n');
  });

  it('sweeps a scheduler kwarg inside a scheduled preset parameter (momentum.beta.gamma) and in lr (lr.max_lr)', async () => {
    // ema-sgdm with β = StepLR(step_size 300, base 0.9): stage 9 starts at step 901, scheduler epoch
    // 900, so β = u = 0.9·γ³: 0.1125 at γ = 0.5, 0.6561 at γ = 0.9.
    const yaml = 'steps: 1000\nstages: 10\nmomentum:\n  preset: ema-sgdm\n  beta: { scheduler: StepLR, step_size: 300, base: 0.9 }\n';
    const r = await runCli(['sweep', '-', '--grid', 'momentum.beta.gamma=0.5,0.9', '--stages', 'last', '--format', 'csv'], { input: yaml });
    expect(r.code, r.stderr).toBe(0);
    const u = r.stdout.trim().split('\n').slice(1).map((line) => Number(line.split(',')[5]));
    expect(u[0]).toBeCloseTo(0.9 * 0.5 ** 3, 15);
    expect(u[1]).toBeCloseTo(0.9 * 0.9 ** 3, 15);
    const lr = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_lr=0.1,0.2', '--stages', 'last', '--format', 'csv']);
    expect(lr.code, lr.stderr).toBe(0);
    expect(lr.stdout.split('\n')[0]).toMatch(/^point,lr\.max_lr,/);
  });
});

describe('sweep with a learning rate (the update view analyze reports)', () => {
  it('rows carry lr and effectiveLearningRate: OneCycleLR starts at max_lr/25 and ends at max_lr/25/10⁴, with |H(0)| = 1/(1 − 0.95)', async () => {
    const r = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_lr=0.01,1', '--format', 'ndjson']);
    expect(r.code, r.stderr).toBe(0);
    const rows = ndjson(r.stdout);
    expect(Object.keys(rows[0])).toEqual(['point', 'lr.max_lr', 'stage', 'startStep', 'endStep', 'u', 'v', 'lr', ...METRICS, 'effectiveLearningRate']);
    for (const row of rows) {
      const maxLr = row['lr.max_lr'] as number;
      // torch's OneCycleLR: initial_lr = max_lr/div_factor (25), min_lr = initial_lr/final_div_factor (10⁴).
      const alpha = row.stage === 0 ? maxLr / 25 : maxLr / 25 / 1e4;
      expect(row.lr as number).toBeCloseTo(alpha, 12);
      expect(row.u).toBe(0.95);
      expect(row.effectiveLearningRate as number).toBeCloseTo(alpha / (1 - 0.95), 10);
    }
    // Points differ now: the learning rate is what max_lr changes.
    expect(rows[0].lr).not.toEqual(rows[2].lr);
  });

  it('a swept constant lr is its own column, not a second `lr`; CSV carries effectiveLearningRate = lr/(1 − β)', async () => {
    const yaml = 'steps: 100\nlr: 0.1\nmomentum: { preset: standard-sgdm, beta: 0.9 }\n';
    const r = await runCli(['sweep', '-', '--grid', 'lr=0.1,0.2', '--format', 'csv'], { input: yaml });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...lines] = r.stdout.trim().split('\n');
    const names = header.split(',');
    expect(names.filter((n) => n === 'lr')).toHaveLength(1);
    expect(names.at(-1)).toBe('effectiveLearningRate');
    expect(lines.map((l) => Number(l.split(',').at(-1)))).toEqual([expect.closeTo(1, 12), expect.closeTo(2, 12)]);
  });

  it('--plot-metric takes lr and effectiveLearningRate with a learning rate, and says so without one', async () => {
    const dir = tmp();
    const file = join(dir, 'eff.vl.json');
    const r = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_lr=0.05,0.1', '--stages', 'first', '--plot', file, '--plot-metric', 'effectiveLearningRate', '--plot-stage', 'first', '-o', join(dir, 'rows.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    const values = (Object.values(spec.datasets)[0] as { value: number }[]).map((d) => d.value);
    expect(values).toEqual([expect.closeTo(0.05 / 25 / 0.05, 10), expect.closeTo(0.1 / 25 / 0.05, 10)]);
    expect(spec.layer?.[0]?.encoding?.y?.title ?? JSON.stringify(spec)).toContain('Effective learning rate');
    const contour = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_lr=0.05,0.1', '--grid', 'lr.pct_start=0.2,0.3', '--plot', join(dir, 'lr.vl.json'), '--plot-metric', 'lr', '--contour', '0.003', '-o', join(dir, 'rows2.csv')]);
    expect(contour.code, contour.stderr).toBe(0);
    const none = await runCli(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.02,0.04', '--plot', join(dir, 'x.svg'), '--plot-metric', 'effectiveLearningRate']);
    expect(none.stderr).toBe('momentum-fr: --plot-metric: effectiveLearningRate needs a learning rate, and the config has no lr\n');
    expect(none.code).toBe(2);
  });
});

describe('sweep over a value the schedule overwrites', () => {
  it('a grid over momentum.momentum under OneCycleLR (cycle_momentum) warns once, naming lr.base_momentum and lr.max_momentum', async () => {
    const r = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'momentum.momentum=0.8:0.99:4', '--stages', 'first', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^momentum-fr: --grid momentum\.momentum=0\.8:0\.99:4: warning: lr's OneCycleLR overwrites momentum\.momentum .*lr\.base_momentum and lr\.max_momentum/);
    // The rows are the same at every point: u is OneCycleLR's max_momentum 0.95 whatever momentum.momentum is.
    const u = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[5]));
    expect(u).toEqual([0.95, 0.95, 0.95, 0.95]);
    const driving = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_momentum=0.9,0.99', '--stages', 'first', '--format', 'csv']);
    expect(driving.stderr).toBe('');
  });
});
