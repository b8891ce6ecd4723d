import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** analyze's JSON for these arguments (a small grid: the metrics and responses are what is compared). */
async function analyzeJson(args: string[]): Promise<{ schedules: { stages: { u: number; v: number; metrics: Record<string, unknown> }[] }[] }> {
  const r = await runCli(['analyze', ...args, '--format', 'json', '--freqs', '16']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the config loader', () => {
  it('--set beta=0.5 ≡ --set momentum.beta=0.5 ≡ --grid beta=0.5, and β = 0.5 is what the filter gets', async () => {
    const bare = await analyzeJson(['--preset', 'ema-sgdm', '--set', 'beta=0.5']);
    const full = await analyzeJson(['--preset', 'ema-sgdm', '--set', 'momentum.beta=0.5']);
    expect(bare).toEqual(full);
    const stage = bare.schedules[0].stages[0];
    // EMA: u = β, v = 1 − β; DC gain v/(1 − u) = 1, Nyquist gain v/(1 + u) = 1/3.
    expect([stage.u, stage.v]).toEqual([0.5, 0.5]);
    expect(stage.metrics.nyquistGain).toBeCloseTo(1 / 3, 15);
    const sweep = await runCli(['sweep', '--preset', 'ema-sgdm', '--grid', 'beta=0.5', '--stages', 'all', '--format', 'ndjson']);
    expect(sweep.code).toBe(0);
    const row = JSON.parse(sweep.stdout.trim());
    expect([row.u, row.v]).toEqual([0.5, 0.5]);
    for (const [k, v] of Object.entries(stage.metrics)) expect(row[k], k).toEqual(v);
  });

  it('a bare --set name resolves like --grid: schedule keys, preset parameters, custom params, then u / v', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-set-'));
    const file = join(dir, 'custom.yaml');
    writeFileSync(file, 'steps: 100\nstages: 2\nmomentum:\n  params: { mu: 1 }\n  u: "mu / (mu + 1)"\n  v: 1\n');
    const byParam = await analyzeJson([file, '--set', 'mu=3', '--set', 'stages=1']);
    expect(byParam.schedules[0].stages.map((s) => [s.u, s.v])).toEqual([[0.75, 1]]);
    const byCoefficient = await analyzeJson([file, '--set', 'v=0.25']);
    expect(byCoefficient.schedules[0].stages.map((s) => s.v)).toEqual([0.25, 0.25]);
    const unknown = await runCli(['analyze', '--preset', 'ema-sgdm', '--set', 'bta=0.5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('--preset ema-sgdm: --set bta=0.5: unknown parameter "bta" (did you mean "beta"?) (settable here: steps, stages, stageLength, lr, beta)\n');
  });

  it('an error in a value --set gave names the --set option, not a line of the preset\'s starter file', async () => {
    const r = await runCli(['analyze', '--preset', 'fsgdm', '--set', 'momentum.c=-1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('--preset fsgdm: --set momentum.c=-1: momentum.c: must be ≥ 0 (got -1)\n');
    const bare = await runCli(['sweep', '--preset', 'fsgdm', '--set', 'c=-1', '--grid', 'v=1,2']);
    expect(bare.stderr).toBe('--preset fsgdm: --set c=-1: momentum.c: must be ≥ 0 (got -1)\n');
  });

  it('- given twice is refused in one line saying stdin can be read once (not "no schedule" for the second, empty read)', async () => {
    const r = await runCli(['analyze', '-', '-'], { input: 'steps: 10\nmomentum: { u: 0.5 }\n' });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'momentum-fr: - (stdin) is given more than once: stdin can be read once; give it once, or save it to a file\n']);
  });

  it('a config file keeps its own lines for what --set did not touch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-set-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'steps: 100\nstages: 200\nmomentum: { preset: fsgdm }\n');
    const r = await runCli(['analyze', file, '--set', 'momentum.c=-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}:2:9: stages: must be ≤ steps (100) (got 200)\n${file}: --set momentum.c=-1: momentum.c: must be ≥ 0 (got -1)\n`);
  });

  it('unknown presets and a missing config are refused in the same words by every command', async () => {
    for (const command of [['analyze'], ['sweep', '--grid', 'beta=1'], ['tune', '--solve', 'beta', '--target', 'final.dcGain=1'], ['plot']]) {
      const r = await runCli([...command, '--preset', 'ema-sgd']);
      expect(r.stderr, command[0]).toBe('momentum-fr: unknown preset "ema-sgd" (did you mean "ema-sgdm"?); see `momentum-fr presets`\n');
      const none = await runCli(command);
      expect(none.stderr, command[0]).toBe('momentum-fr: no config given: pass a file, - for stdin, or --preset NAME\n');
    }
    expect((await runCli(['init', 'ema-sgd'])).stderr).toBe('momentum-fr: unknown preset "ema-sgd" (did you mean "ema-sgdm"?); see `momentum-fr presets`\n');
    // In a file the same words, located (the library says where its names are: PRESETS).
    const file = join(mkdtempSync(join(tmpdir(), 'mfr-preset-')), 'p.yaml');
    writeFileSync(file, 'steps: 10\nmomentum: { preset: ema-sgd }\n');
    expect((await runCli(['validate', file])).stderr).toBe(`${file}:2:21: momentum.preset: unknown preset (did you mean "ema-sgdm"?); see \`momentum-fr presets\` (got "ema-sgd")\n`);
  });

  it('sweep: block errors are located from the one parse of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-sweep-'));
    const file = join(dir, 'sweep.yaml');
    writeFileSync(file, 'steps: 1000\nstages: 10\nmomentum: { preset: fsgdm }\nsweep:\n  grid:\n    nosuch: 0.1,0.2\n');
    const r = await runCli(['sweep', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:5: sweep\\.grid\\.nosuch: unknown parameter "nosuch"`));
  });

  it('analyze --stages step:S reports the stage that holds step S, as sweep does', async () => {
    // fsgdm's starter: 117000 steps, 300 segments of S = 390 steps; the official rule changes stage at
    // every multiple of S, so stage 0 is steps 1–389, stage 1 390–779, stage 2 780–1169.
    const doc = await analyzeJson(['--preset', 'fsgdm', '--stages', 'step:1000,step:1', '--no-response']);
    const stages = doc.schedules[0].stages as unknown as { index: number; startStep: number; endStep: number }[];
    expect(stages.map((s) => s.index)).toEqual([0, 2]);
    expect([stages[1].startStep, stages[1].endStep]).toEqual([780, 1169]);
    const sweep = await runCli(['sweep', '--preset', 'fsgdm', '--grid', 'c=0.05', '--stages', 'step:1000,step:1', '--format', 'ndjson']);
    expect(sweep.stdout.trim().split('\n').map((l) => JSON.parse(l).stage)).toEqual([0, 2]);
  });
});

describe('the config loader reads { table: … } values relative to the config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-tables-'));
  writeFileSync(join(dir, 'lr.csv'), 'step,lr\n1,0.1\n2,0.05\n3,0.025\n');
  writeFileSync(join(dir, 'run.yaml'), 'steps: 3\nlr: { table: lr.csv, column: lr }\nmomentum: { preset: pytorch-sgd, momentum: 0.5 }\n');

  it('a CSV column beside the config becomes the per-step lr, from any working directory', async () => {
    const r = await runCli(['coefficients', join(dir, 'run.yaml'), '--format', 'csv'], { cwd: tmpdir() });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.trim().split('\n').map((line) => line.split(',').at(-1))).toEqual(['lr', '0.1', '0.05', '0.025']);
  });

  it('a bad cell: exit 2, the YAML\'s table key and the table\'s own line', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'step,lr\n1,0.1\n2,x\n3,0.025\n');
    writeFileSync(join(dir, 'bad.yaml'), 'steps: 3\nmomentum: { u: 0.9 }\nlr:\n  table: bad.csv\n  column: lr\n');
    const r = await runCli(['validate', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'bad.yaml')}:4:10: lr.table: bad.csv:3: column "lr": expected a number (got "x")\n`);
  });

  it('a table file may be far larger than the 10 MiB config limit', async () => {
    const note = 'x'.repeat(120_000);
    writeFileSync(join(dir, 'wide.csv'), `step,note,u\n${Array.from({ length: 100 }, (_, i) => `${i + 1},${note},0.9`).join('\n')}\n`);
    writeFileSync(join(dir, 'wide.yaml'), 'steps: 100\nmomentum: { u: { table: wide.csv, column: u } }\n');
    const r = await runCli(['validate', join(dir, 'wide.yaml')]);
    expect([r.code, r.stderr]).toEqual([0, `${join(dir, 'wide.yaml')}: ok (1 schedule, 1 stage)\n`]);
  });
});
