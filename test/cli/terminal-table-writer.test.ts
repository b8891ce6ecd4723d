import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { stageOfStep } from '../../src/schedule/stages.js';

const ANSI = /\x1b\[[0-9;]*m/g;
/** Characters a terminal shows of each line (escape codes take no column). */
const lines = (text: string) => text.replace(ANSI, '').split('\n').filter((l) => l !== '');
const widest = (text: string) => Math.max(...lines(text).map((l) => [...l].length));
/** Table rows: lines that start with a stage number. */
const rows = (text: string) => lines(text).filter((l) => /^\s*\d+\s+\d/.test(l));

const TABLES: string[][] = [
  ['analyze', 'configs/fsgdm-cifar100.yaml'],
  ['analyze', 'configs/compare-ema-standard-fsgdm.yaml', '--mode', 'both'],
  ['analyze', 'configs/adam-m.yaml', '--units', 'period'],
  ['analyze', 'configs/rational.yaml', 'configs/aggmo.yaml', '--units', 'cycles'],
];

describe('analyze on a terminal', () => {
  for (const columns of [80, 120]) {
    it(`fits ${columns} columns: no line is wider, with colour or without`, async () => {
      for (const args of TABLES) {
        for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
          const r = await runCli(args, { tty: true, columns, env });
          expect(r.code, r.stderr).toBe(0);
          expect(widest(r.stdout), `${args.join(' ')}\n${r.stdout}`).toBeLessThanOrEqual(columns);
        }
      }
    });
  }

  it('summarises a long table: first and last stage, where the type changes, and one line saying how many were shown and --all', async () => {
    const r = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml'], { tty: true, columns: 120 });
    const stages = rows(r.stdout).map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(stages[0]).toBe(0);
    expect(stages.at(-1)).toBe(300);
    expect(stages).toContain(1); // all-pass → low-pass, attenuates → amplifies
    expect(stages.length).toBeLessThan(30);
    expect(r.stdout).toContain(`… ${stages.length} of 301 stages shown`);
    expect(r.stdout).toContain('--all');
  });

  it('--all prints every row', async () => {
    const r = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', '--all'], { tty: true, columns: 120 });
    expect(rows(r.stdout).map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect(r.stdout).not.toContain('stages shown');
    expect(widest(r.stdout)).toBeLessThanOrEqual(120);
  });

  it('puts the summary in words above each table, the same sentences as the JSON summary', async () => {
    const json = JSON.parse((await runCli(['analyze', 'configs/compare-ema-standard-fsgdm.yaml', '--no-response', '--format', 'json'])).stdout);
    const r = await runCli(['analyze', 'configs/compare-ema-standard-fsgdm.yaml'], { tty: true, columns: 400 });
    const text = lines(r.stdout);
    for (const s of json.schedules) {
      const at = text.findIndex((l) => l.startsWith(`${s.name}  `));
      expect(text[at + 1]).toBe(`  ${s.summary.join('; ')}.`);
      expect(text[at + 2]).toMatch(/^stage\s+steps/);
    }
    expect(json.schedules[0].summary).toEqual(['low-pass throughout', 'DC gain 0 dB', 'Nyquist gain −25.6 dB', 'never amplifies (peak gain ≤ 0 dB)']);
  });

  it('with display stages, the table and the JSON name the step of the low inside its display stage (resnet: u = 0.85 at step 3519), whatever --display-stages', async () => {
    const want = 'DC gain falls from +26.0 dB to a low of +16.5 dB (step 3519) and ends at +26.0 dB';
    for (const extra of [[], ['--display-stages', '16']]) {
      const json = JSON.parse((await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', '--no-response', '--format', 'json', ...extra])).stdout);
      expect(json.schedules[0].summary[1]).toBe(want);
      const table = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', ...extra], { tty: true, columns: 400 });
      expect(lines(table.stdout)[1]).toBe(`  ${json.schedules[0].summary.join('; ')}.`);
    }
  });

  it('at 80 columns a column the same on every shown row (v = 1, low-pass) is said once below the rows, leaving room for eff. lr', async () => {
    const r = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml', '--stages', 'all', '--mode', 'exact'], { tty: true, columns: 80 });
    const text = lines(r.stdout);
    const header = text.find((l) => l.startsWith('stage'))!.split(/\s+/);
    expect(header).toContain('eff.');
    expect(header).not.toContain('v');
    expect(header).not.toContain('type');
    expect(text).toContain('every row: v = 1, type = low-pass');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('with display stages the units line says u, v and lr are their values at each stage\'s end', async () => {
    const r = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml'], { tty: true, columns: 200 });
    const text = lines(r.stdout);
    const at = text.findIndex((l) => /^\s*steps\s+u\s+lr\s/.test(l));
    const units = text[at + 1];
    // v = 1 on every row is said below the rows: "v = 1 at end".
    expect(text).toContain('every row: v = 1 at end, type = low-pass');
    for (const title of ['u', 'lr']) {
      const end = text[at].search(new RegExp(`\\s${title}(\\s|$)`)) + 1 + title.length;
      expect(units.slice(0, end).trimEnd().endsWith('at end'), title).toBe(true);
    }
  });

  it('a selection of stages still gets the summary of the whole schedule', async () => {
    const all = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', '--all'], { tty: true, columns: 400 });
    const last = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', '--stages', 'last'], { tty: true, columns: 400 });
    expect(lines(last.stdout)[1]).toBe(lines(all.stdout)[1]);
    expect(lines(last.stdout)[1]).toContain('all-pass for steps 1–389, then low-pass');
  });

  it('names the columns unambiguously, with units, and defines them in a legend', async () => {
    const r = await runCli(['analyze', 'configs/ema-sgdm.yaml'], { tty: true, columns: 200 });
    const text = lines(r.stdout);
    expect(text[2].split(/\s+/)).toEqual(['stage', 'steps', 'u', 'v', 'type', 'DC', 'Nyq', 'cutoff', 'unity', 'noise', 'τ(0)', '1/e']);
    expect(text[3].trim().split(/\s+/)).toEqual(['dB', 'dB', 'rad', 'rad', 'Σh²', 'steps', 'steps']);
    const legend = text.slice(5).join(' ');
    for (const definition of ['τ(0): group delay at DC', '1/e: time constant', 'cutoff: −3 dB point', 'unity: where |H| crosses 1']) expect(legend).toContain(definition);
  });

  it('says which columns a narrow terminal leaves out', async () => {
    const r = await runCli(['analyze', 'configs/ema-sgdm.yaml'], { tty: true, columns: 80 });
    expect(lines(r.stdout).join(' ')).toMatch(/not shown at this width: [^;.]*noise/);
  });

  it('colour only where it means something: gains above 0 dB yellow, below cyan; none with NO_COLOR', async () => {
    const r = await runCli(['analyze', 'configs/standard-sgdm.yaml'], { tty: true, columns: 120 });
    expect(r.stdout).toContain('\x1b[33m');
    expect(r.stdout).toContain('\x1b[36m');
    expect((await runCli(['analyze', 'configs/standard-sgdm.yaml'], { tty: true, columns: 120, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('a pipe and an -o file get the plain table, every row, whatever the terminal', async () => {
    const pipe = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml']);
    const text = pipe.stdout.split('\n');
    expect(text).toHaveLength(301 + 4);
    expect(text[0]).toBe('fsgdm-cifar100  fsgdm, 117000 steps, 301 stages; frequencies in rad/sample');
    expect(text[1]).toBe(' stage             steps          u        v      type       DC      Nyq     cutoff      unity      noise     τ(0)      1/e');
    expect(text[2]).toBe('                                                             dB       dB        rad        rad        Σh²    steps    steps');
    const dir = mkdtempSync(join(tmpdir(), 'mfr-tty-'));
    const file = join(dir, 't.txt');
    const tty = await runCli(['analyze', 'configs/fsgdm-cifar100.yaml', '-o', file], { tty: true, columns: 80 });
    expect(tty.code, tty.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(pipe.stdout);
  });
});

describe('every command that prints a table or text fits the terminal', () => {
  const COMMANDS: string[][] = [
    ['presets'],
    ['tune', '--preset', 'fsgdm', '--solve', 'momentum.c', '--target', 'final.dcGain=30.992', '--set', 'momentum.v=1'],
    ['coefficients', 'configs/aggmo.yaml', '--runs'],
    ['sweep', '--preset', 'standard-sgdm', '--grid', 'momentum.beta=0.5:0.99:5', '--stages', 'last'],
    ['simulate', '--preset', 'ema-sgdm', '--steps', '4000'],
    ['analyze', 'configs/ema-sgdm.yaml', 'configs/standard-sgdm.yaml', 'configs/fsgdm-cifar100.yaml', '--compare'],
  ];
  for (const columns of [80, 120]) {
    it(`at ${columns} columns no line is wider`, async () => {
      for (const args of COMMANDS) {
        const r = await runCli(args, { tty: true, columns });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(widest(r.stdout), `${args.join(' ')}\n${r.stdout}`).toBeLessThanOrEqual(columns);
      }
    });
  }

  it('pipes get presets and tune one item per line, as before', async () => {
    const presets = (await runCli(['presets'])).stdout.split('\n');
    expect(presets[1]).toBe("    FSGDM, the paper's optimizer: u rises as S/(S + cΣ) at stage starts S; v fixed (official implementation)");
    const tune = (await runCli(COMMANDS[1])).stdout.split('\n');
    expect(tune[2]).toMatch(/^tolerance ±\S+ on momentum\.c; \d+ Brent steps in \[\S+, \S+\]$/);
  });
});

describe('analyze on a terminal, display stages', () => {
  const table = (stdout: string) => {
    const text = lines(stdout);
    const head = text.findIndex((l) => /^\s*(stage|stages|steps)\s/.test(l));
    return { header: text[head].trim().split(/\s+/), rows: text.slice(head + 2).filter((l) => /^\s*\d/.test(l)).map((l) => l.trim().split(/\s+/)), text };
  };

  it('a per-step run (resnet, stage k = step k + 1): no stage column (the steps say it), the footer counts display stages', async () => {
    const r = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml'], { tty: true, columns: 80 });
    const { header, rows: shown, text } = table(r.stdout);
    expect(header[0]).toBe('steps');
    expect(header).not.toContain('stage');
    expect(shown.length).toBeGreaterThan(2);
    expect(text.join(' ')).toContain(`… ${shown.length} of 256 display stages shown`);
    expect(text.join(' ')).toContain('its u, v, lr and metrics are those of its last step');
  });

  it('yolo (5844 stages over 554 700 steps): the first column gives the real stages a row groups, the stages its steps are in', async () => {
    const r = await runCli(['analyze', 'configs/yolo-nesterov-warmup.yaml'], { tty: true, columns: 120 });
    const { header, rows: shown } = table(r.stdout);
    expect(header.slice(0, 2)).toEqual(['stages', 'steps']);
    const schedule = parseSchedules(readFileSync('configs/yolo-nesterov-warmup.yaml', 'utf8')).schedules[0];
    for (const [stages, steps] of shown) {
      const [first, last = first] = stages.split('–').map(Number);
      const [start, end = start] = steps.split('–').map(Number);
      expect(stageOfStep(schedule.stages, start), stages).toBe(first);
      expect(stageOfStep(schedule.stages, end), stages).toBe(last);
    }
  });

  // The config's warm-up: u = np.interp(t − 1, [0, 5547], [0.8, 0.937]) rises over steps 1–5548, then stays 0.937.
  const WARM_UP_END = 5548;
  for (const extra of [[], ['--stages', 'all']]) {
    it(`yolo ${extra.join(' ') || '(display stages)'}: the sample shows the warm-up where u rises and the 549 000 steps after it, not only one of them`, async () => {
      const r = await runCli(['analyze', 'configs/yolo-nesterov-warmup.yaml', ...extra], { tty: true, columns: 120 });
      const { header, rows: shown } = table(r.stdout);
      const steps = header.indexOf('steps');
      const u = header.indexOf('u');
      const range = (row: string[]) => row[steps].split('–').map(Number);
      const warm = shown.filter((row) => range(row).at(-1)! <= WARM_UP_END);
      const after = shown.filter((row) => range(row)[0] > WARM_UP_END);
      // Warm-up rows with u strictly between its ends, several of them.
      expect(new Set(warm.map((row) => Number(row[u])).filter((x) => x > 0.8 && x < 0.937)).size, r.stdout).toBeGreaterThanOrEqual(4);
      // Rows after the warm-up spread over it: one in each tenth of steps 5549–554 700 but at most one.
      const tenths = new Set(after.map((row) => Math.floor(((range(row)[0] - WARM_UP_END) * 10) / (554700 - WARM_UP_END))));
      expect(tenths.size, r.stdout).toBeGreaterThanOrEqual(8);
    });
  }

  it('at 80 columns a display table keeps eff. lr, and has no settle column (a display stage\'s settling is not measured: "never" on every row)', async () => {
    const r = await runCli(['analyze', 'configs/resnet-cifar-onecycle.yaml'], { tty: true, columns: 80 });
    const { header, rows: shown } = table(r.stdout);
    expect(header).toContain('eff.');
    expect(header).not.toContain('settle');
    expect(shown.flat()).not.toContain('never');
  });
});

describe('analyze to a pipe, display stages', () => {
  it('the first column, "stages", gives the real stages each display stage groups: adam-m over 100 000 one-step stages in 5', async () => {
    const r = await runCli(['analyze', '--preset', 'adam-m', '--set', 'steps=100000', '--display-stages', '5', '--freqs', '9']);
    const text = lines(r.stdout);
    expect(text[1].trim().split(/\s+/)[0]).toBe('stages');
    // One step per stage: real stage k is step k + 1, so each row's stages are its steps minus 1.
    for (const row of text.slice(3)) {
      const [stages, steps] = row.trim().split(/\s+/);
      expect(stages.split('–').map(Number), row).toEqual(steps.split('–').map((s) => Number(s) - 1));
    }
    expect(text.length).toBe(8);
  });
});

/**
 * AdEMAMix's slow EMA β3 at step t < T of its warm-up, the official scheduler (Pagliardini et al. 2024,
 * apple/ml-ademamix `linear_hl_warmup_scheduler`): linear in the half-life f(β) = ln 0.5/ln(β + 1e-8) − 1.
 */
const ademamixBeta3 = (t: number, beta1: number, beta3: number, T: number) => {
  if (t >= T) return beta3;
  const f = (b: number) => Math.log(0.5) / Math.log(b + 1e-8) - 1;
  return 0.5 ** (1 / ((1 - t / T) * f(beta1) + (t / T) * f(beta3) + 1)) - 1e-8;
};

describe('a filter bank\'s tables show every branch\'s u and v, named as coefficients names them, never one branch as the filter\'s', () => {
  it('aggmo on a pipe: u1, v1 … u3, v3 are its betas 0, 0.9, 0.99 and v = 1', async () => {
    const r = await runCli(['analyze', 'configs/aggmo.yaml']);
    expect(r.code, r.stderr).toBe(0);
    const [, header, , row] = r.stdout.split('\n');
    expect(header.trim().split(/\s+/).slice(0, 8)).toEqual(['stage', 'steps', 'u1', 'v1', 'u2', 'v2', 'u3', 'v3']);
    expect(row.trim().split(/\s+/).slice(2, 8).map(Number)).toEqual([0, 1, 0.9, 1, 0.99, 1]);
  });

  it('ademamix on a pipe: u2, v2 follow the slow EMA\'s warm-up (closed form), u1 = β1', async () => {
    const r = await runCli(['analyze', 'configs/ademamix.yaml', '--stages', 'first,last']);
    expect(r.code, r.stderr).toBe(0);
    const cells = r.stdout.split('\n').slice(3, 5).map((l) => l.trim().split(/\s+/));
    for (const [row, step] of [[cells[0], 1], [cells[1], 10000]] as const) {
      const u2 = ademamixBeta3(step, 0.9, 0.9999, 10000);
      expect(Number(row[2])).toBe(0.9);
      expect(Number(row[4])).toBeCloseTo(u2, 6);
      expect(Number(row[5])).toBeCloseTo(1 - u2, 6);
    }
  });

  it('ademamix on a terminal: the constant columns are said as branch 1\'s ("every row: u1 = 0.9"), branch 2 is shown', async () => {
    const r = await runCli(['analyze', 'configs/ademamix.yaml'], { tty: true, columns: 160 });
    expect(r.code, r.stderr).toBe(0);
    const text = lines(r.stdout);
    expect(text.find((l) => l.startsWith('every row:'))).toMatch(/^every row: u1 = 0\.9 at end, v1 = 0\.1 at end/);
    expect(text.some((l) => /\bu = /.test(l))).toBe(false);
    const header = text.find((l) => /^\s*steps\s/.test(l))!;
    expect(header.trim().split(/\s+/).slice(0, 3)).toEqual(['steps', 'u2', 'v2']);
    const last = text.find((l) => l.trim().startsWith('9961–10000'))!.trim().split(/\s+/);
    expect([last[0], Number(last[1])]).toEqual(['9961–10000', 0.9999]);
    expect(text.join(' ')).toContain('u2: branch 2 of the filter bank, m2 = u2·m2 + v2·g');
  });
});
