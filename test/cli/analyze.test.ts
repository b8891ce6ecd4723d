import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { parseSchedules } from '../../src/schedule/parse.js';

const FSGDM = 'configs/fsgdm-cifar100.yaml';

describe('momentum-fr analyze', () => {
  it('JSON: 301 coefficient segments, each stage\'s DC gain equals the closed form v(1 + S/(cΣ)), final 1 + 1/c', async () => {
    const r = await runCli(['analyze', FSGDM, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool.name).toBe('momentum-fr');
    const s = doc.schedules[0];
    expect([s.name, s.steps, s.stageCount, s.frequencies.length, s.stages.length]).toEqual(['fsgdm-cifar100', 117000, 301, 512, 301]);
    expect(s.frequencies[511]).toBe(Math.PI);
    for (const st of s.stages) {
      const start = Math.floor(st.startStep / 390) * 390; // the official rule: S = ⌊s/δ⌋·δ
      expect(st.metrics.dcGain).toBeCloseTo(1 + start / (0.033 * 117000), 10);
      expect(st.response.magnitude).toHaveLength(512);
      expect(st.response.magnitude[0]).toBeCloseTo(st.metrics.dcGain, 12);
    }
    expect(s.stages[300].metrics.dcGain).toBeCloseTo(1 + 1 / 0.033, 10);
  });

  it('CSV and NDJSON are tidy long rows with the same numbers as JSON', async () => {
    const json = JSON.parse((await runCli(['analyze', FSGDM, '--stages', '0,100,-1', '--freqs', '9', '--format', 'json'])).stdout);
    const csv = (await runCli(['analyze', FSGDM, '--stages', '0,100,-1', '--freqs', '9', '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('schedule,stage,startStep,endStep,u,v,omega,magnitude,magnitudeDb,phase,groupDelay');
    expect(csv).toHaveLength(1 + 3 * 9);
    const nd = (await runCli(['analyze', FSGDM, '--stages', '0,100,-1', '--freqs', '9', '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nd).toHaveLength(27);
    const row = csv[1 + 9 + 4].split(',');
    expect(Number(row[1])).toBe(100);
    expect(Number(row[7])).toBe(json.schedules[0].stages[1].response.magnitude[4]);
    expect(nd[9 + 4].magnitude).toBe(json.schedules[0].stages[1].response.magnitude[4]);
    expect(nd[9 + 4]).toMatchObject({ schedule: 'fsgdm-cifar100', stage: 100, startStep: 39000, endStep: 39389 });
  });

  it('JSON: a selection of stages carries the summary of the whole schedule, not of the stages shown', async () => {
    const all = JSON.parse((await runCli(['analyze', FSGDM, '--no-response', '--format', 'json'])).stdout).schedules[0];
    const last = JSON.parse((await runCli(['analyze', FSGDM, '--no-response', '--stages', 'last', '--format', 'json'])).stdout).schedules[0];
    expect(last.stages).toHaveLength(1);
    expect(last.summary).toEqual(all.summary);
    expect(last.summary.join('; ')).toContain('all-pass for steps 1–389, then low-pass');
  });

  it('--no-response gives one metrics row per stage', async () => {
    const csv = (await runCli(['analyze', FSGDM, '--no-response', '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv).toHaveLength(302);
    expect(csv[0]).toBe('schedule,stage,startStep,endStep,u,v,dcGain,dcGainDb,nyquistGain,nyquistGainDb,peakGain,peakFrequency,cutoffFrequency,unityGainFrequency,noiseGain,groupDelayDc,timeConstant,filterType,amplifies');
    expect(csv[1]).toBe('fsgdm-cifar100,0,1,389,0,1,1,0,1,0,1,0,,,1,0,0,all-pass,false');
  });

  it('output is byte-for-byte deterministic', async () => {
    const a = (await runCli(['analyze', FSGDM, '--format', 'json', '--stages', 'every:50'])).stdout;
    const b = (await runCli(['analyze', FSGDM, '--format', 'json', '--stages', 'every:50'])).stdout;
    expect(a).toBe(b);
  });

  it('the table has no colour codes when stdout is not a TTY (and never with NO_COLOR)', async () => {
    const r = await runCli(['analyze', FSGDM, '--stages', 'first,last']);
    expect(r.stdout).toMatch(/fsgdm-cifar100/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect((await runCli(['analyze', FSGDM, '--stages', 'last'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\x1b\[/);
    expect((await runCli(['analyze', FSGDM, '--stages', 'last'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });

  it('--mode both adds the transient columns to the table, with the closed-form values', async () => {
    // Stage 0 (steps 1–4) is memoryless, so m_4 = g_4; in stage 1 (u = ½, steps 5–8) the exact
    // response at step 8 is Σ_{n≤4} 2⁻ⁿe^{−jωn} = H₁(ω)·(1 − 2⁻⁵e^{−j5ω}): it would need 6 steps to come
    // within 1 % of H₁ (2⁻⁷ ≤ 0.01 < 2⁻⁶) but the stage has 4 ("never"), and the largest gap on a grid
    // holding ω = 0 is −20·log10(1 − 1/32) dB. Stage 0 matches its frozen filter from step 1.
    const yaml = 'name: t\nsteps: 8\nstages: 2\nmomentum:\n  u: [0, 0.5]\n  v: 1\n';
    const rows = (await runCli(['analyze', '-', '--mode', 'both'], { input: yaml })).stdout.trim().split('\n');
    expect(rows[1].trim().split(/\s{2,}/).slice(-2)).toEqual(['settle', 'Δexact']);
    expect(rows[2].trim().split(/\s+/).slice(-2)).toEqual(['steps', 'dB']); // the units line
    expect(rows[3].trim().split(/\s+/).slice(-2)).toEqual(['1', '0']);
    expect(rows[4].trim().split(/\s+/).slice(-2)).toEqual(['never', (-20 * Math.log10(31 / 32)).toPrecision(4)]);
    // Frozen mode: no transient columns.
    expect((await runCli(['analyze', '-'], { input: yaml })).stdout.split('\n')[1]).not.toContain('settle');
  });

  it('--preset with --set overrides, and a log grid', async () => {
    const r = await runCli(['analyze', '--preset', 'standard-sgdm', '--set', 'momentum.beta=0.99', '--scale', 'log', '--fmin', '1e-5', '--freqs', '50', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).schedules[0];
    expect(s.stages[0].u).toBe(0.99);
    expect(s.frequencies[0]).toBe(1e-5);
    expect(s.stages[0].metrics.dcGain).toBeCloseTo(100, 10);
  });

  it('reads a config from stdin with -', async () => {
    const r = await runCli(['analyze', '-', '--format', 'json', '--freqs', '3'], { input: 'steps: 100\nmomentum: { u: 0.5, v: 0.5 }\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schedules[0].stages[0].metrics.dcGain).toBe(1);
  });

  it('a bad config: exit 2, one line per problem with file:line:col, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'steps: 100\nstages: 2\nmomentum:\n  u: [0.5, 1.02]\n  vv: 1\n');
    const r = await runCli(['analyze', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`${bad}:5:3: momentum.vv: unknown key (did you mean "v"?)`]);
    writeFileSync(bad, 'steps: 100\nstages: 2\nmomentum:\n  u: [0.5, 1.02]\n');
    const r2 = await runCli(['analyze', bad]);
    expect(r2.stderr).toBe(`${bad}:4:6: momentum.u: |u| must be < 1 for a stable filter (use --allow-unstable to analyse it anyway); got in stage 1 (steps 51–100): 1.02\n`);
    expect(r2.stderr).not.toMatch(/at .*\.js/);
    expect((await runCli(['analyze', bad, '--allow-unstable', '--format', 'json'])).code).toBe(0);
  });

  it('usage errors exit 2: missing file, unknown option (with a suggestion), bad --stages, bad --freqs', async () => {
    const missing = await runCli(['analyze', 'nope.yaml']);
    expect([missing.code, missing.stderr]).toEqual([2, 'momentum-fr: nope.yaml: no such file or directory\n']);
    const unknown = await runCli(['analyze', FSGDM, '--stage', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--stage'[\s\S]*Did you mean --stages\?/);
    expect((await runCli(['analyze', FSGDM, '--stages', '999'])).stderr).toMatch(/stage 999 does not exist: the schedule has stages 0\.\.300/);
    expect((await runCli(['analyze', FSGDM, '--freqs', '0'])).code).toBe(2);
    expect((await runCli(['analyse', FSGDM])).stderr).toMatch(/Did you mean analyze\?/);
  });

  it('-o writes atomically: a failed run leaves the old file untouched and no temp files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-'));
    const out = join(dir, 'out.json');
    expect((await runCli(['analyze', FSGDM, '--stages', 'last', '-o', out])).code).toBe(0);
    const before = readFileSync(out, 'utf8');
    expect(JSON.parse(before).schedules[0].stages).toHaveLength(1);
    const r = await runCli(['analyze', FSGDM, 'missing.yaml', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('--out-dir writes the JSON and CSV data files and prints the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-'));
    const r = await runCli(['analyze', FSGDM, '--out-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/stage\s+steps\s+u/);
    expect(readdirSync(dir).sort()).toEqual(['fsgdm-cifar100.json', 'fsgdm-cifar100.metrics.csv', 'fsgdm-cifar100.response.csv']);
    expect(r.stderr).toMatch(/wrote .*fsgdm-cifar100\.json/);
  });
});

describe('momentum-fr analyze: per-step runs as display stages', () => {
  const ADAM = ['analyze', '--preset', 'adam-m', '--set', 'steps=20000', '--freqs', '17'];

  it('the table says how many real stages are shown as how many display stages, with the exact-response columns', async () => {
    const r = await runCli([...ADAM, '--display-stages', '32']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/adam-m, 20000 steps, 20000 stages shown as 32 display stages;/);
    expect(lines[1]).toMatch(/settle\s+Δexact$/);
    expect(lines[2]).toMatch(/steps\s+dB$/);
    expect(lines).toHaveLength(3 + 32);
    expect(lines[3]).toMatch(/^\s+0\s+1\s/);
    expect(lines[lines.length - 1]).toMatch(/^\s*\d+–19999\s+\d+–20000\s/);
  });

  it('JSON and CSV: display records carry the exact response at their last step; CSV uses the exact layout', async () => {
    const doc = JSON.parse((await runCli([...ADAM, '--display-stages', '8', '--format', 'json'])).stdout).schedules[0];
    expect(doc.display).toEqual({ stages: 8 });
    expect(Object.keys(doc.stages[0])).toEqual(['index', 'startStep', 'endStep', 'u', 'v', 'display', 'metrics', 'transient', 'responseExact']);
    const csv = (await runCli([...ADAM, '--display-stages', '8', '--format', 'csv'])).stdout.trim().split('\n');
    // Adam's m is a one-branch bank: u1, v1 and c1 (= 1/(1 − β1^t), 10 at step 1) have ranges too.
    expect(csv[0]).toBe('schedule,stage,startStep,endStep,u,v,firstStage,lastStage,uMin,uMax,vMin,vMax,u1Min,u1Max,v1Min,v1Max,c1Min,c1Max,kind,step,omega,magnitude,magnitudeDb,phase,groupDelay');
    expect(csv).toHaveLength(1 + 8 * 17);
    expect(csv[1]).toMatch(/^adam-m,0,1,1,0\.9,[^,]+,0,0,0\.9,0\.9,[^,]+,[^,]+,0\.9,0\.9,[^,]+,[^,]+,10\.0+\d*,10\.0+\d*,exact,1,0,/);
    expect(csv[0].split(',')).toHaveLength(csv[1].split(',').length);
  });

  it('CSV and NDJSON carry the display stages\' real stages and coefficient ranges as JSON does: min/max of u, v and lr over each group, by brute force', async () => {
    const RESNET = ['analyze', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '7', '--no-response'];
    const schedule = parseSchedules(readFileSync('configs/resnet-cifar-onecycle.yaml', 'utf8')).schedules[0];
    const over = (a: ArrayLike<number>, first: number, last: number) => {
      const xs = Array.from({ length: last - first + 1 }, (_, i) => a[first + i]);
      return [Math.min(...xs), Math.max(...xs)];
    };
    const csv = (await runCli([...RESNET, '--format', 'csv'])).stdout.trim().split('\n').map((l) => l.split(','));
    const ndjson = (await runCli([...RESNET, '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const json = JSON.parse((await runCli([...RESNET, '--format', 'json'])).stdout).schedules[0].stages;
    const names = csv[0];
    expect(names.slice(0, 15)).toEqual(['schedule', 'stage', 'startStep', 'endStep', 'u', 'v', 'lr', 'firstStage', 'lastStage', 'uMin', 'uMax', 'vMin', 'vMax', 'lrMin', 'lrMax']);
    expect(csv).toHaveLength(1 + 7);
    csv.slice(1).forEach((row, i) => {
      const cell = (name: string) => Number(row[names.indexOf(name)]);
      const [first, last] = [cell('firstStage'), cell('lastStage')];
      expect([first, last]).toEqual([json[i].display.firstStage, json[i].display.lastStage]);
      expect(schedule.stages.startStep[first]).toBe(cell('startStep'));
      expect(schedule.stages.endStep[last]).toBe(cell('endStep'));
      expect([cell('uMin'), cell('uMax')]).toEqual(over(schedule.stages.u, first, last));
      expect([cell('vMin'), cell('vMax')]).toEqual(over(schedule.stages.v, first, last));
      expect([cell('lrMin'), cell('lrMax')]).toEqual(over(schedule.lr!, first, last));
      expect(Object.keys(ndjson[i])).toEqual(names);
      for (const name of names.slice(7, 15)) expect(ndjson[i][name]).toBe(cell(name));
    });
    // The low of u (0.85, OneCycleLR's base_momentum) is in the range of one group.
    expect(csv.slice(1).filter((row) => Number(row[names.indexOf('uMin')]) === 0.85)).toHaveLength(1);
  });

  it('a real-stage schedule beside a display-stage one leaves the display columns empty', async () => {
    const csv = (await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', 'configs/ema-sgdm.yaml', '--display-stages', '2', '--no-response', '--format', 'csv'])).stdout.trim().split('\n');
    const names = csv[0].split(',');
    const ema = csv.find((l) => l.startsWith('ema-sgdm'))!.split(',');
    expect(names.slice(6, 15)).toEqual(['lr', 'firstStage', 'lastStage', 'uMin', 'uMax', 'vMin', 'vMax', 'lrMin', 'lrMax']);
    expect(ema.slice(6, 15)).toEqual(['', '', '', '', '', '', '', '', '']);
  });

  it('--stages all reports every real stage, --mode frozen the frozen responses of display stages', async () => {
    const all = JSON.parse((await runCli([...ADAM, '--stages', 'all', '--no-response', '--format', 'json'])).stdout).schedules[0];
    expect([all.stages.length, all.display]).toEqual([20000, undefined]);
    const frozen = JSON.parse((await runCli([...ADAM, '--display-stages', '4', '--mode', 'frozen', '--format', 'json'])).stdout).schedules[0];
    expect(frozen.stages.map((s: { response?: unknown; responseExact?: unknown }) => [!!s.response, !!s.responseExact])).toEqual([[true, false], [true, false], [true, false], [true, false]]);
  });

  it('--display-stages must be a whole number within the stage limit, and the message says the bound (1e9 is an integer, too many)', async () => {
    const r = await runCli([...ADAM, '--display-stages', '0']);
    expect([r.code, r.stderr]).toEqual([2, 'momentum-fr: --display-stages: expected a whole number from 1 to 10000000 (got "0")\n']);
    const big = await runCli([...ADAM, '--display-stages', '1e9']);
    expect([big.code, big.stderr]).toEqual([2, 'momentum-fr: --display-stages: expected a whole number from 1 to 10000000 (got "1e9")\n']);
  });

  it('--display-stages with a stage selection other than auto is a usage error, not silently ignored', async () => {
    const all = await runCli([...ADAM, '--display-stages', '5', '--stages', 'all', '--no-response']);
    expect([all.code, all.stderr]).toEqual([2, 'momentum-fr: --display-stages applies to --stages auto: it cannot be combined with --stages all\n']);
    const atSteps = await runCli([...ADAM, '--display-stages', '5', '--at-steps', '3', '--format', 'json']);
    expect([atSteps.code, atSteps.stderr]).toEqual([2, 'momentum-fr: --display-stages applies to --stages auto: it cannot be combined with --stages none (the default with --at-steps)\n']);
    expect((await runCli([...ADAM, '--display-stages', '5', '--stages', 'auto', '--no-response', '--format', 'json'])).code).toBe(0);
  });
});
