import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const SGDM = ['sweep', '--preset', 'standard-sgdm', '--grid', 'momentum.beta=0.5:0.99:5', '--stages', 'last'];
const LONG = ['sweep', '--preset', 'fsgdm', '--grid', 'momentum.c=0.01:0.1:40:log', '--at-freqs', '0.01,pi/2'];
const lines = (text: string) => text.replace(ANSI, '').split('\n');
const dataRows = (text: string) => lines(text).filter((l) => /^\s*\d+\s+\d/.test(l)).map((l) => l.trim().split(/\s+/));

describe('sweep on a terminal', () => {
  it('prints a table of 4-digit numbers, not 17-digit CSV: DC gain of standard SGDM is 20·log10(1/(1 − β))', async () => {
    const r = await runCli(SGDM, { tty: true, columns: 120 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\d{8}/);
    const header = lines(r.stdout)[0].trim().split(/\s+/);
    // One stage per point, v = 1 and low-pass at every point: said once below the rows, not in a column.
    // The swept path is headed by its short name (axisNames); the legend names the path.
    expect(header.slice(0, 3)).toEqual(['point', 'β', 'u']);
    expect(r.stdout).toContain('β: momentum.beta (Momentum coefficient β)');
    expect(lines(r.stdout)).toContain('every row: stage = 0, steps = 1–117000, v = 1, type = low-pass');
    const dc = header.indexOf('DC');
    const rows = dataRows(r.stdout);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const beta = Number(row[1]);
      expect(Number(row[dc])).toBeCloseTo(-20 * Math.log10(1 - beta), 1);
    }
  });

  for (const columns of [80, 120]) {
    it(`fits ${columns} columns`, async () => {
      for (const args of [SGDM, LONG]) {
        const r = await runCli(args, { tty: true, columns });
        expect(Math.max(...lines(r.stdout).map((l) => [...l].length)), r.stdout).toBeLessThanOrEqual(columns);
      }
    });
  }

  it('samples a long sweep by points, both stages of each, says how many rows it shows; --all shows all 80', async () => {
    const r = await runCli(LONG, { tty: true, columns: 120 });
    const points = dataRows(r.stdout).map((row) => Number(row[0]));
    expect(points[0]).toBe(0);
    expect(points.at(-1)).toBe(39);
    expect(points.length % 2).toBe(0);
    expect(r.stdout).toContain(`… ${points.length} of 80 rows shown`);
    const all = await runCli([...LONG, '--all'], { tty: true, columns: 120 });
    expect(dataRows(all.stdout)).toHaveLength(80);
    expect(all.stdout).not.toContain('rows shown');
  });

  it('at 80 columns a swept scheduled value is headed "μ (fp.1)" (8 characters, not the 22 of momentum.momentum.fp.1), so u and lr fit; the legend names the path', async () => {
    const r = await runCli(['sweep', 'configs/yolo-nesterov-warmup.yaml', '--grid', 'momentum.momentum.fp.1=0.9:0.99:4'], { tty: true, columns: 80 });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^point μ \(fp\.1\) stage +steps +u +lr +DC /);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('μ (fp.1): momentum.momentum.fp.1 (Momentum factor μ (fp.1))');
    expect(Math.max(...lines(r.stdout).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    // Pipes keep the path as the column's name.
    expect((await runCli(['sweep', 'configs/yolo-nesterov-warmup.yaml', '--grid', 'momentum.momentum.fp.1=0.9:0.99:4'])).stdout.split('\n')[0]).toMatch(/^point,momentum\.momentum\.fp\.1,stage,/);
  }, 30_000);

  it('at 80 columns a sweep of OneCycleLR\'s momentum bounds keeps u (what it moves) and names the keys as momenta, not as learning rates', async () => {
    const r = await runCli(['sweep', 'configs/resnet-cifar-onecycle.yaml', '--grid', 'lr.max_momentum=0.9,0.95', '--grid', 'lr.base_momentum=0.8,0.85', '--stages', 'first,last'], { tty: true, columns: 80 });
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)[0].trim().split(/\s+/).slice(0, 6)).toEqual(['point', 'lr.max_momentum', 'lr.base_momentum', 'stage', 'steps', 'u']);
    expect(r.stdout).not.toMatch(/α|Learning rate/);
    // torch's OneCycleLR starts and ends the cycle at max_momentum: u of the first and last stage is the point's max_momentum.
    for (const row of dataRows(r.stdout)) expect(Number(row[5])).toBe(Number(row[1]));
    expect(Math.max(...lines(r.stdout).map((l) => [...l].length))).toBeLessThanOrEqual(80);
  }, 30_000);

  it('a pipe, an -o file or --format csv get the CSV, unchanged', async () => {
    const pipe = await runCli(SGDM);
    expect(pipe.stdout.split('\n')[0]).toBe('point,momentum.beta,stage,startStep,endStep,u,v,dcGain,dcGainDb,nyquistGain,nyquistGainDb,peakGain,peakFrequency,cutoffFrequency,unityGainFrequency,noiseGain,groupDelayDc,timeConstant,filterType,amplifies');
    expect(pipe.stdout.split('\n')[1]).toBe('0,0.5,0,1,117000,0.5,1,2,6.020599913279624,0.6666666666666666,-3.521825181113625,2,0,0.7227342478134156,1.3181160716528177,1.3333333333333333,1,1.4426950408889634,low-pass,true');
    expect((await runCli([...SGDM, '--format', 'csv'], { tty: true, columns: 80 })).stdout).toBe(pipe.stdout);
  });
});
