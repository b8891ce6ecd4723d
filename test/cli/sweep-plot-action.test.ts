import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, type CliResult } from '../support/cli.js';
import { runCli } from '../support/run-cli.js';

/** Every resolveSchedule call of the runs below, counted (the one resolver: analyze, sweep points, plots). */
const resolves = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/schedule/resolve.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/schedule/resolve.js')>();
  return { ...original, resolveSchedule: (...args: Parameters<typeof original.resolveSchedule>) => (resolves.count++, original.resolveSchedule(...args)) };
});

async function counted(args: string[]): Promise<CliResult & { resolves: number }> {
  resolves.count = 0;
  const r = await runCli(args);
  return { ...r, resolves: resolves.count };
}

/** The values of a sweep plot's Vega-Lite spec, in point order (z of the heatmap or y of the lines). */
function plotted(file: string): (number | null)[] {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { datasets: Record<string, Record<string, number | null>[]> };
  const [rows] = Object.values(spec.datasets);
  return rows.map((row) => row.z ?? row.value ?? null);
}

describe('sweep --plot', () => {
  const grid = ['--preset', 'standard-sgdm', '--grid', 'beta=0.5:0.9:5', '--grid', 'steps=100,200', '--stages', 'last', '-f', 'csv', '--jobs', '1'];

  it('resolves each grid point once, as the same sweep without a plot does (the plot takes the sweep\'s own values)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-sweep-plot-'));
    const without = await counted(['sweep', ...grid]);
    const withPlot = await counted(['sweep', ...grid, '--plot', join(dir, 'beta.vl.json')]);
    expect([without.code, withPlot.code, withPlot.stderr]).toEqual([0, 0, `wrote ${join(dir, 'beta.vl.json')}\n`]);
    expect(withPlot.stdout).toBe(without.stdout);
    expect(without.resolves).toBeGreaterThanOrEqual(10);
    expect(withPlot.resolves).toBe(without.resolves);
  });

  it('plots the rows\' metric of the chosen stage at every point: the heatmap\'s z is the CSV\'s dcGain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-sweep-plot-'));
    const file = join(dir, 'dc.vl.json');
    const r = await runCli(['sweep', ...grid, '--plot', file, '--plot-metric', 'dcGain', '--plot-stage', 'last']);
    expect(r.code).toBe(0);
    const [header, ...lines] = r.stdout.trim().split('\n');
    const columns = header.split(',');
    const cells = lines.map((l) => l.split(',').map(Number));
    const rows = cells.map((c) => c[columns.indexOf('dcGain')]);
    // standard-sgdm (PyTorch's m = β·m + g): u = β, v = 1, so the DC gain v/(1 − u) is 1/(1 − β).
    for (const c of cells) expect(c[columns.indexOf('dcGain')] * (1 - c[columns.indexOf('beta')])).toBeCloseTo(1, 12);
    // The spec keeps 6 significant digits.
    const z = plotted(file);
    expect(z).toHaveLength(rows.length);
    z.forEach((value, p) => expect(Math.abs(value! - rows[p]), `point ${p}`).toBeLessThanOrEqual(5e-6 * rows[p]));
  });

  it('--jobs 2 draws the bytes of --jobs 1: the worker threads send the plotted values with their rows (spawned: workers start from dist/)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-sweep-plot-'));
    // 6000 points: enough work for a worker (sweepWorkerCount); --debug says how many threads ran.
    const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:3000', '--grid', 'stages=10,20', '--plot-metric', 'cutoffFrequency'];
    const serial = cli([...args, '--jobs', '1', '--plot', join(dir, '1.vl.json')]);
    const parallel = cli([...args, '--jobs', '2', '--debug', '--plot', join(dir, '2.vl.json')]);
    expect([serial.code, parallel.code]).toEqual([0, 0]);
    expect(parallel.stderr).toMatch(/^momentum-fr: sweep: 2 threads;/m);
    expect(parallel.stdout === serial.stdout).toBe(true);
    const z = plotted(join(dir, '2.vl.json'));
    expect(z).toHaveLength(6000);
    expect(z.every((value) => typeof value === 'number' && value > 0)).toBe(true);
    expect(readFileSync(join(dir, '2.vl.json'), 'utf8')).toBe(readFileSync(join(dir, '1.vl.json'), 'utf8'));
  });
});
