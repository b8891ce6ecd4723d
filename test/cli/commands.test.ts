import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('momentum-fr: the other commands', () => {
  it('validate: ok files pass, every problem of a bad file is listed, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'steps: -1\nmomentum:\n  preset: ema-sgdm\n  betta: 0.9\n');
    const r = await runCli(['validate', 'configs/fsgdm-cifar100.yaml', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('configs/fsgdm-cifar100.yaml: ok (1 schedule, 301 stages)');
    expect(r.stderr).toContain(`${bad}:1:8: steps: must be ≥ 1 (got -1)`);
    expect(r.stderr).toContain(`${bad}:4:3: momentum.betta: unknown key (did you mean "beta"?)`);
  });

  it('validate takes --set as every command that reads configs does, and names the option in what it refuses', async () => {
    const r = await runCli(['validate', 'configs/ema-sgdm.yaml', '--set', 'beta=0.5']);
    expect([r.code, r.stderr]).toEqual([0, 'configs/ema-sgdm.yaml: ok (1 schedule, 1 stage)\n']);
    const bad = await runCli(['validate', 'configs/ema-sgdm.yaml', '--set', 'beta=-0.5']);
    expect([bad.code, bad.stderr]).toEqual([2, 'configs/ema-sgdm.yaml: --set beta=-0.5: momentum.beta: must be ≥ 0 (got -0.5)\n']);
  });

  it('schema prints a JSON Schema that lists every preset', async () => {
    const s = JSON.parse((await runCli(['schema'])).stdout);
    expect(s.$schema).toMatch(/2020-12/);
    const text = JSON.stringify(s);
    for (const p of ['fsgdm', 'ema-sgdm', 'standard-sgdm', 'pytorch-sgd', 'constant', 'paper-orthodox-low-pass-increasing']) expect(text).toContain(`"const":"${p}"`);
  });

  it('schema: lr takes a value, a scheduler among its forms, written once under $defs and every $ref resolves', async () => {
    const s = JSON.parse((await runCli(['schema'])).stdout);
    const text = JSON.stringify(s);
    for (const name of ['OneCycleLR', 'CyclicLR', 'SequentialLR', 'get_cosine_schedule_with_warmup']) expect(JSON.stringify(s.$defs.SchedulerValue)).toContain(`"${name}"`);
    expect(JSON.stringify(s.anyOf[0].properties.lr)).toContain('"$ref":"#/$defs/SchedulerValue"');
    for (const [, ref] of text.matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)) expect(s.$defs[ref], ref).toBeDefined();
    expect(text.length).toBeLessThan(400_000);
  });

  it('presets lists names, parameters and defaults', async () => {
    const list = JSON.parse((await runCli(['presets', '--format', 'json'])).stdout);
    const fsgdm = list.find((p: { name: string }) => p.name === 'fsgdm');
    expect(fsgdm.params).toEqual([
      expect.objectContaining({ name: 'c', default: 0.033 }),
      expect.objectContaining({ name: 'v', default: 1 }),
      expect.objectContaining({ name: 'sigma', default: null }),
    ]);
    expect(list.length).toBeGreaterThanOrEqual(17);
  });

  it('init prints a starter YAML that analyze accepts from stdin', async () => {
    const yaml = (await runCli(['init', 'fsgdm'])).stdout;
    expect(yaml).toMatch(/^# momentum-fr schedule: fsgdm/);
    const r = await runCli(['analyze', '-', '--no-response', '--format', 'json'], { input: yaml });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schedules[0].stageCount).toBe(301);
    expect((await runCli(['init', 'fsgmd'])).stderr).toMatch(/did you mean "fsgdm"/);
  });

  it('coefficients: one row per optimizer step from 1, u = S/(S + cΣ) with S = ⌊s/δ⌋·δ', async () => {
    const lines = (await runCli(['coefficients', 'configs/fsgdm-cifar100.yaml'])).stdout.trim().split('\n');
    expect(lines[0]).toBe('schedule,step,stage,u,v');
    expect(lines).toHaveLength(117001);
    for (const s of [1, 389, 390, 779, 780, 116999, 117000]) {
      const [, step, , u] = lines[s].split(',');
      const S = Math.floor(s / 390) * 390;
      expect(Number(step)).toBe(s);
      expect(Number(u)).toBe(S / (S + 0.033 * 117000));
    }
    const runs = JSON.parse((await runCli(['coefficients', 'configs/fsgdm-cifar100.yaml', '--runs', '--format', 'json'])).stdout);
    expect(runs.schedules[0].runs).toHaveLength(301);
    expect(runs.schedules[0].firstStepCopy).toBe(true);
  });
});

describe('option errors have one shape in every command', () => {
  it.each([
    [['analyze', '--preset', 'ema-sgdm', '--mode', 'exacto'], 'momentum-fr: --mode: expected one of auto, frozen, exact, both (got "exacto")'],
    [['plot', '--preset', 'ema-sgdm', '--theme', 'pink'], 'momentum-fr: --theme: expected one of light, dark (got "pink")'],
    [['presets', '-f', 'yaml'], 'momentum-fr: --format: expected one of table, json (got "yaml")'],
    [['simulate', '--preset', 'ema-sgdm', '--signal', 'noise'], 'momentum-fr: --signal: expected one of noisy-sine, white, impulse, step, chirp (got "noise")'],
    [['sweep', '--preset', 'ema-sgdm', '--grid', 'beta=0.5', '--plot-format', 'pdf'], 'momentum-fr: --plot-format: expected one of svg, png, html, vl.json (got "pdf")'],
    [['tune', '--preset', 'ema-sgdm', '-f', 'csv'], 'momentum-fr: --format: expected one of table, json (got "csv")'],
  ])('%j: a value outside the choices is one line `momentum-fr: --option: …`, exit 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.code).toBe(2);
  });

  it('a reversed stage range says it is reversed', async () => {
    const r = await runCli(['analyze', '--preset', 'fsgdm', '--stages', '5..2', '--no-response']);
    expect(r.stderr).toBe('momentum-fr: --stages: stage range 5..2 is reversed (stage 5 after stage 2); write the lower end first: 2..5 (schedule "fsgdm")\n');
    expect(r.code).toBe(2);
  });
});

describe('help says the same thing the same way', () => {
  it('number defaults print as numbers, never as quoted strings', async () => {
    for (const command of ['analyze', 'plot', 'sweep', 'tune', 'spectrum', 'simulate', 'coefficients', 'explore']) {
      const help = (await runCli([command, '--help'])).stdout;
      expect(help, command).not.toMatch(/default: "[-\d.,]+"/);
    }
    expect((await runCli(['analyze', '--help'])).stdout).toContain('(default: 512)');
  });

  it('--preset says "instead of (or besides) config files" only where several schedules are read', async () => {
    for (const command of ['sweep', 'tune', 'spectrum']) {
      const help = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help, command).not.toContain('besides');
      expect(help, command).toMatch(/--preset <name> use a preset as the schedule, instead of (a config file|--config)/);
    }
    expect((await runCli(['analyze', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('instead of (or besides) config files');
  });

  it('tune --format is table|json like the other commands, and the earlier `text` is still accepted', async () => {
    const args = ['tune', '--preset', 'standard-sgdm', '--solve', 'beta', '--target', 'last.dcGain=10'];
    const plain = await runCli(args);
    expect(plain.code, plain.stderr).toBe(0);
    expect((await runCli([...args, '-f', 'table'])).stdout).toBe(plain.stdout);
    expect((await runCli([...args, '-f', 'text'])).stdout).toBe(plain.stdout);
    expect((await runCli(['tune', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('output format (choices: "table", "json") (default: "table")');
  });
});

describe("commander's usage errors are one line with the tool's prefix, exit 2, in every command", () => {
  const commands = ['analyze', 'coefficients', 'validate', 'schema', 'presets', 'init', 'plot', 'simulate', 'spectrum', 'sweep', 'tune', 'explore'];
  it('an unknown option after every command: "momentum-fr: unknown option \'--bogus\' (run with --help for usage)"', async () => {
    for (const command of commands) {
      const r = await runCli([command, '--bogus']);
      if (r.stderr.includes('required option')) {
        expect([r.code, r.stderr], command).toEqual([2, expect.stringMatching(/^momentum-fr: required option '[^']+' not specified \(run with --help for usage\)\n$/)]);
      } else expect([r.code, r.stderr], command).toEqual([2, "momentum-fr: unknown option '--bogus' (run with --help for usage)\n"]);
    }
  });
  it('an unknown command, a misspelt option with its suggestion, a missing argument: one line each', async () => {
    const cases: [string[], string][] = [
      [['bogus'], "momentum-fr: unknown command 'bogus' (run with --help for usage)\n"],
      [['analyze', '--stage', 'last', 'configs/fsgdm-cifar100.yaml'], "momentum-fr: unknown option '--stage'; Did you mean --stages? (run with --help for usage)\n"],
      [['spectrum'], "momentum-fr: missing required argument 'trace' (run with --help for usage)\n"],
    ];
    for (const [args, line] of cases) {
      const r = await runCli(args);
      expect([r.code, r.stderr, r.stdout], args.join(' ')).toEqual([2, line, '']);
    }
  });
});
