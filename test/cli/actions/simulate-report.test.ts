import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../../src/schedule/parse.js';
import type { Schedule } from '../../../src/types.js';
import { runCli } from '../../support/run-cli.js';
import { bruteForceCount, judgedByRule, narrowAt, statedAndResolving } from '../../spectral/display-stage-reference.js';

const load = (name: string): Schedule => parseSchedules(readFileSync(`configs/${name}.yaml`, 'utf8')).schedules[0];

/** Display stages simulate judged (measured, and not memory-limited), from its JSON. */
async function judgedStages(args: string[]): Promise<number> {
  const r = await runCli(['simulate', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const stages = JSON.parse(r.stdout).schedules[0].stages as { agreement: { frequenciesUsed: number }; memoryLimited: boolean }[];
  return stages.filter((st) => st.agreement.frequenciesUsed > 0 && !st.memoryLimited).length;
}

const ANSI = /\x1b\[[0-9;]*m/g;
const rowsOf = (text: string) => text.split('\n').filter((l) => /^\s+\d+ \d/.test(l));

describe('simulate table', () => {
  it('--steps 4000 shows the steps really simulated, 1–4000, and says the schedule is longer', async () => {
    const r = await runCli(['simulate', '--preset', 'ema-sgdm', '--steps', '4000']);
    expect(r.code, r.stderr).toBe(0);
    expect(rowsOf(r.stdout)[0].trim().split(/\s+/).slice(0, 2)).toEqual(['0', '1–4000']);
    expect(r.stdout.split('\n')[0]).toContain('(steps 1–4000 of 117000 simulated)');
  });

  it('a stage with no frequency compared is "–", not "ok", and counted as not measured', async () => {
    const r = await runCli(['simulate', 'configs/fsgdm-cifar100.yaml', '--stages', '299,300']);
    const [measured, oneStep] = rowsOf(r.stdout).map((l) => l.trim().split(/\s+/));
    // Stage 299 is measured (judged ok, or τ: measured but shorter than its filter's memory).
    expect(['ok', 'τ']).toContain(measured.at(-1));
    // Stage 300 is the single step 117 000: no Welch segment fits, no frequency is compared.
    expect(oneStep[4]).toBe('0');
    expect(oneStep.at(-1)).toBe('–');
    expect(r.stdout).toContain('– 1 stage(s) not measured');
  });

  it('u and v stay in their columns, however many digits they have', async () => {
    const r = await runCli(['simulate', 'configs/paper/orthodox-low-pass-increasing.yaml', '--set', 'steps=4000', '--set', 'stages=8']);
    const lines = [r.stdout.split('\n')[1], ...rowsOf(r.stdout)];
    // Every row's "freqs" count ends where the header's "freqs" does.
    const end = lines[0].indexOf('freqs') + 'freqs'.length;
    for (const l of lines.slice(1)) expect([l[end - 1], l[end]], l).toEqual([expect.stringMatching(/\d/), ' ']);
  });

  it('explains "max dB*" where it appears: beyond a Welch bin, and why it can be below the median', async () => {
    const r = await runCli(['simulate', '--preset', 'ema-sgdm', '--steps', '4000']);
    expect(r.stdout).toContain('* max dB: the largest deviation beyond the resolution of a Welch bin (±0.72 bins for hann); the median counts every compared frequency, so it can be larger');
  });

  for (const columns of [80, 120]) {
    it(`on a ${columns}-column terminal: no line wider, a long table sampled; --all shows every stage`, async () => {
      const r = await runCli(['simulate', 'configs/fsgdm-cifar100.yaml'], { tty: true, columns });
      const plain = r.stdout.replace(ANSI, '');
      expect(Math.max(...plain.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(columns);
      const shown = rowsOf(plain).length;
      expect(shown).toBeLessThan(40);
      expect(plain).toContain(`… ${shown} of 301 stages shown`);
      const all = await runCli(['simulate', 'configs/fsgdm-cifar100.yaml', '--all'], { tty: true, columns });
      expect(rowsOf(all.stdout.replace(ANSI, ''))).toHaveLength(301);
    });
  }
});

describe('simulate never judges a stage it did not measure', () => {
  // OneCycleLR stepped per step with cycle_momentum: 1000 one-step stages, none with a Welch segment.
  const dir = mkdtempSync(join(tmpdir(), 'mfr-simulate-'));
  const config = join(dir, 'onecycle.yaml');
  writeFileSync(config, 'steps: 1000\nlr: { scheduler: OneCycleLR, max_lr: 0.5, total_steps: 1000, three_phase: true }\nmomentum: { preset: nesterov, momentum: 0.9 }\n');
  const args = ['simulate', config, '--stages', 'all'];

  it('a stage with no frequency compared has withinTolerance null (JSON), empty (CSV); the schedule with no stage judged has withinTolerance null', async () => {
    const json = await runCli([...args, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const sim = JSON.parse(json.stdout).schedules[0];
    expect(sim.stages).toHaveLength(1000);
    expect(sim.stages.every((st: { agreement: { frequenciesUsed: number } }) => st.agreement.frequenciesUsed === 0)).toBe(true);
    expect(sim.stages.map((st: { withinTolerance: unknown }) => st.withinTolerance)).toEqual(Array(1000).fill(null));
    expect([sim.stagesCompared, sim.stagesJudged, sim.withinTolerance]).toEqual([0, 0, null]);
    const csv = await runCli([...args, '--format', 'csv']);
    const rows = csv.stdout.trim().split('\n');
    const column = rows[0].split(',').indexOf('withinTolerance');
    expect(new Set(rows.slice(1).map((l) => l.split(',')[column]))).toEqual(new Set(['']));
  });

  it('a measured stage whose memory is beyond the measured bias (memoryLimited) is not judged either: withinTolerance null, and the schedule\'s verdict counts only judged stages', async () => {
    // ema-sgdm β = 0.999 (τ ≈ 1000 steps) over 2 stages of 2000 steps: segments of 256 < τ.
    const r = await runCli(['simulate', '--preset', 'ema-sgdm', '--set', 'steps=4000', '--set', 'stages=2', '--set', 'momentum.beta=0.999', '--format', 'json']);
    const sim = JSON.parse(r.stdout).schedules[0];
    expect(sim.stages.map((st: { memoryLimited: boolean; withinTolerance: unknown }) => [st.memoryLimited, st.withinTolerance])).toEqual([[true, null], [true, null]]);
    expect([sim.stagesJudged, sim.withinTolerance]).toEqual([0, null]);
  });
});

describe('simulate over display stages (a per-step schedule)', () => {
  it('OneCycleLR per step (11 730 one-step stages) is measured over analyze\'s display stages: rows name their real stages and steps, judged stages agree', async () => {
    const r = await runCli(['simulate', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '18', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout).schedules[0];
    const analyze = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '18', '--format', 'csv', '--no-response']);
    const ends = analyze.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[3]));
    expect(sim.stages.map((s: { endStep: number }) => s.endStep)).toEqual(ends);
    expect(sim.stages.every((s: { display?: { firstStage: number; lastStage: number }; startStep: number; endStep: number }) => s.display!.firstStage === s.startStep - 1 && s.display!.lastStage === s.endStep - 1)).toBe(true);
    expect(sim.stagesCompared).toBeGreaterThan(10);
    expect(sim.withinTolerance).toBe(true);
    const table = await runCli(['simulate', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '18']);
    expect(table.stdout).toContain('its 11730 stages shown as 18 display stages');
    expect(table.stdout.split('\n')[1].trim().startsWith('stages')).toBe(true);
    expect(table.stdout).toMatch(/^ *10997–11729 10998–11730 /m);
  });

  it('display stages too short for the filter\'s memory: the verdict names the count the default rule picks (brute force over every count)', async () => {
    const r = await runCli(['simulate', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '256']);
    expect(r.code, r.stderr).toBe(0);
    const s = load('resnet-cifar-onecycle');
    const best = bruteForceCount(s, s.steps, (span) => judgedByRule(s, span, 256) && narrowAt(s, span, 0.01, 1.5), 1, 256, (span) => statedAndResolving(s, span, 256, 0.01));
    expect(r.stdout).toContain(`no display stage long enough to judge: they last about 46 steps and the filter remembers up to τ ≈ 19.5 steps; --display-stages ${best.displayStages} (spans of about ${Math.round(11730 / best.displayStages)} steps) leaves ${best.measurable} of them long enough to judge, ${best.preferred} with the stated tolerance and segments that resolve the test sine (the most of any count)`);
  });

  for (const name of ['resnet-cifar-onecycle', 'yolo-nesterov-warmup']) {
    it(`${name}: without --display-stages, simulate picks the count that judges the most display stages with the stated tolerance and segments resolving the test sine (brute force): those are judged with the stated tolerance and agree`, async () => {
      const s = load(name);
      const config = `configs/${name}.yaml`;
      const best = bruteForceCount(s, s.steps, (span) => judgedByRule(s, span, 256) && narrowAt(s, span, 0.01, 1.5), 1, 256, (span) => statedAndResolving(s, span, 256, 0.01));
      expect(await judgedStages([config])).toBeGreaterThan(0);
      const table = await runCli(['simulate', config]);
      expect(table.stdout).toContain(`shown as ${best.displayStages} display stages, the count that judges the most of them with the stated tolerance and segments that resolve the test sine, each judged one spanning at most 1.5 dB of frozen |H_k| at the sine (--display-stages N sets another)`);
      expect(table.stdout).not.toContain('no display stage long enough to judge');
    });
  }

  it('1000 one-step stages (too short to judge) are measured over display stages as 1001 are: the count of the brute force over every count, judged stages agree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-simulate-'));
    for (const steps of [1000, 1001]) {
      const yaml = `steps: ${steps}\nlr: { scheduler: OneCycleLR, max_lr: 0.5, total_steps: ${steps}, three_phase: true }\nmomentum: { preset: nesterov, momentum: 0.9 }\n`;
      const config = join(dir, `onecycle-${steps}.yaml`);
      writeFileSync(config, yaml);
      const s = parseSchedules(yaml).schedules[0];
      expect(s.stages.count).toBe(steps);
      const best = bruteForceCount(s, steps, (span) => judgedByRule(s, span, 256) && narrowAt(s, span, 0.01, 1.5), 1, 256, (span) => statedAndResolving(s, span, 256, 0.01));
      expect(best.measurable).toBeGreaterThan(0);
      const r = await runCli(['simulate', config, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const sim = JSON.parse(r.stdout).schedules[0];
      expect(sim.stages.length, `${steps} steps`).toBe(best.reached);
      expect(sim.stages.every((st: { display?: unknown }) => st.display !== undefined)).toBe(true);
      expect(sim.stagesJudged).toBeGreaterThan(0);
      expect(sim.withinTolerance).toBe(true);
      const table = await runCli(['simulate', config]);
      expect(table.stdout).toContain(`its ${steps} stages shown as ${best.displayStages} display stages, the count that judges the most of them with the stated tolerance`);
    }
  });

  it('a schedule of at most 1000 stages that are long enough to judge keeps its real stages', async () => {
    const r = await runCli(['simulate', 'configs/fsgdm-cifar100.yaml', '--format', 'json']);
    const sim = JSON.parse(r.stdout).schedules[0];
    expect([sim.stages.length, sim.stages.some((st: { display?: unknown }) => st.display !== undefined)]).toEqual([301, false]);
  });

  it('every column of the table has a header: the last is "ok?"', async () => {
    const r = await runCli(['simulate', '--preset', 'ema-sgdm', '--set', 'steps=5000']);
    const header = r.stdout.split('\n')[1].trim().split(/\s+/);
    expect(header.at(-1)).toBe('ok?');
    expect(rowsOf(r.stdout)[0].trim().split(/\s+/).at(-1)).toBe('ok');
  });

  it('on an 80-column terminal the hint wraps at the width, and a pipe keeps it on one line', async () => {
    const args = ['simulate', 'configs/resnet-cifar-onecycle.yaml', '--display-stages', '256'];
    const tty = (await runCli(args, { tty: true, columns: 80 })).stdout.replace(ANSI, '');
    expect(Math.max(...tty.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const pipe = (await runCli(args)).stdout;
    const hint = pipe.split('\n').find((l) => l.startsWith('no display stage long enough to judge'))!;
    expect(hint.length).toBeGreaterThan(80);
    // The same words, wrapped: the hint's lines on the terminal joined with spaces.
    const start = tty.split('\n').findIndex((l) => l.startsWith('no display stage long enough to judge'));
    const lines = tty.split('\n').slice(start);
    let joined = '';
    for (const l of lines) {
      joined = joined === '' ? l : `${joined} ${l}`;
      if (joined.length >= hint.length) break;
    }
    expect(joined).toBe(hint);
  });
});
