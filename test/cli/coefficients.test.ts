import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** Per-step CSV → its runs by brute force: consecutive rows whose every coefficient cell is the same text. */
function mergeSteps(perStep: string): string[] {
  const [header, ...rows] = perStep.trim().split('\n');
  const coefficients = header.split(',').slice(3);
  const out = [`schedule,firstStage,lastStage,startStep,endStep,${coefficients.join(',')}`];
  let run: { name: string; first: string; last: string; start: string; end: string; cells: string } | undefined;
  const close = () => run && out.push([run.name, run.first, run.last, run.start, run.end, run.cells].join(','));
  for (const row of rows) {
    const [name, step, stage, ...cells] = row.split(',');
    const text = cells.join(',');
    if (run && run.name === name && run.cells === text) {
      run.last = stage;
      run.end = step;
      continue;
    }
    close();
    run = { name, first: stage, last: stage, start: step, end: step, cells: text };
  }
  close();
  return out;
}

describe('momentum-fr coefficients --runs merges consecutive steps whose every coefficient is equal', () => {
  const cases: [string, string[]][] = [
    ['first-order with repeated stage values (u: [0.5, 0.5, 0.9, 0.9, 0.5])', ['-'], ],
    ['a filter bank whose output weight changes every step (adam-m, bias correction)', ['--preset', 'adam-m', '--set', 'steps=600']],
    ['a filter bank with a feed-through weight c0 (lion)', ['configs/lion.yaml', '--set', 'steps=1000', '--set', 'stages=4']],
    ['a rational filter with equal stages between different ones', ['-']],
    ['fsgdm (a stage of one step at the end)', ['configs/fsgdm-cifar100.yaml', '--set', 'steps=11700', '--set', 'stages=30']],
  ];
  const inputs: Record<string, string> = {
    [cases[0][0]]: 'name: repeated\nsteps: 50\nstages: 5\nmomentum: { u: [0.5, 0.5, 0.9, 0.9, 0.5], v: 1 }\n',
    [cases[3][0]]: 'name: rat\nsteps: 40\nstages: 4\nmomentum:\n  preset: rational\n  b: [[0.1], [0.1], [0.05, 0.01], [0.05, 0.01]]\n  a: [[1, -0.9], [1, -0.9], [2, -1], [2, -1]]\n',
  };

  it.each(cases)('%s: the runs are the brute-force merge of the per-step rows', async (name, args) => {
    const input = inputs[name];
    const perStep = await runCli(['coefficients', ...args], { input });
    expect(perStep.code, perStep.stderr).toBe(0);
    const runs = await runCli(['coefficients', ...args, '--runs'], { input });
    expect(runs.code, runs.stderr).toBe(0);
    const got = runs.stdout.trim().split('\n');
    expect(got).toEqual(mergeSteps(perStep.stdout));
    // Merging must actually happen in the cases built for it.
    if (name.startsWith('first-order') || name.startsWith('a rational')) expect(got.length - 1).toBeLessThan(perStep.stdout.trim().split('\n').length - 1);
  });

  it('prints every coefficient of the filter: 5 stages of u, v merge into 3 runs, JSON and NDJSON alike', async () => {
    const input = inputs[cases[0][0]];
    expect((await runCli(['coefficients', '-', '--runs'], { input })).stdout).toBe(
      'schedule,firstStage,lastStage,startStep,endStep,u,v\nrepeated,0,1,1,20,0.5,1\nrepeated,2,3,21,40,0.9,1\nrepeated,4,4,41,50,0.5,1\n',
    );
    const json = JSON.parse((await runCli(['coefficients', '-', '--runs', '--format', 'json'], { input })).stdout);
    expect(json.schedules[0].runs).toEqual([
      { firstStage: 0, lastStage: 1, startStep: 1, endStep: 20, u: 0.5, v: 1 },
      { firstStage: 2, lastStage: 3, startStep: 21, endStep: 40, u: 0.9, v: 1 },
      { firstStage: 4, lastStage: 4, startStep: 41, endStep: 50, u: 0.5, v: 1 },
    ]);
    const nd = (await runCli(['coefficients', '-', '--runs', '--format', 'ndjson'], { input })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nd[1]).toEqual({ schedule: 'repeated', firstStage: 2, lastStage: 3, startStep: 21, endStep: 40, u: 0.9, v: 1 });
  });

  it('a CSV of schedules with different filters has the union of their columns', async () => {
    const input = 'schedules:\n  - { name: ema, steps: 3, momentum: { u: 0.9, v: 0.1 } }\n  - { name: lion, steps: 3, momentum: { preset: lion } }\n';
    const r = await runCli(['coefficients', '-', '--runs'], { input });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['schedule,firstStage,lastStage,startStep,endStep,u,v,u1,v1,c1,c0', 'ema,0,0,1,3,0.9,0.1,,,,', `lion,0,0,1,3,,,0.99,${1 - 0.99},${0.9 / 0.99},${1 - 0.9 / 0.99}`]);
  });
});

describe('momentum-fr coefficients on a terminal', () => {
  const ANSI = /\x1b\[[0-9;]*m/g;
  const rows = (text: string) => text.replace(ANSI, '').split('\n').filter((l) => /^\S+\s+\d+\s+\d+\s/.test(l));

  for (const columns of [80, 120]) {
    it(`prints a table that fits ${columns} columns, sampled: first and last step, a line on the rest; --all every step`, async () => {
      const args = ['coefficients', '--preset', 'fsgdm', '--set', 'steps=1000', '--set', 'stages=10'];
      const r = await runCli(args, { tty: true, columns });
      expect(r.code, r.stderr).toBe(0);
      expect(Math.max(...r.stdout.replace(ANSI, '').split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(columns);
      const steps = rows(r.stdout).map((l) => Number(l.split(/\s+/)[1]));
      expect(steps[0]).toBe(1);
      expect(steps.at(-1)).toBe(1000);
      expect(r.stdout).toContain(`… ${steps.length} of 1000 steps shown`);
      // FSGDM: u = S/(S + cΣ) at the stage start S = ⌊s/δ⌋·δ, δ = Σ/N = 100, c = 0.033.
      for (const l of rows(r.stdout)) {
        const [, step, , u] = l.split(/\s+/);
        const start = Math.floor(Number(step) / 100) * 100;
        expect(Number(u)).toBeCloseTo(start / (start + 0.033 * 1000), 5);
      }
      expect(rows((await runCli([...args, '--all'], { tty: true, columns })).stdout)).toHaveLength(1000);
    });
  }

  it('--format csv on a terminal, a pipe and a file get the CSV', async () => {
    const pipe = await runCli(['coefficients', '--preset', 'ema-sgdm', '--set', 'steps=3']);
    expect(pipe.stdout).toBe('schedule,step,stage,u,v\nema-sgdm,1,0,0.9,0.09999999999999998\nema-sgdm,2,0,0.9,0.09999999999999998\nema-sgdm,3,0,0.9,0.09999999999999998\n');
    expect((await runCli(['coefficients', '--preset', 'ema-sgdm', '--set', 'steps=3', '--format', 'csv'], { tty: true })).stdout).toBe(pipe.stdout);
  });
});
