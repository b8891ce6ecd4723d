import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { InvalidPointError, runSweep, SweepAbortedError } from '../../src/sweep/parallel/run-sweep.js';
import { resolveAxes } from '../../src/sweep/sweep-axes.js';
import { sweepJob } from '../../src/sweep/sweep-job.js';
import { chunkFormatter } from '../../src/sweep/sweep-rows.js';
import { sweepCost } from '../../src/sweep/sweep-threads.js';

function job(spec: string, skipInvalid = false) {
  const { configs } = parseSchedules(starterYaml('standard-sgdm'));
  const { axes } = resolveAxes(configs[0], [{ path: 'beta', spec, origin: '' }]);
  return sweepJob(configs[0], axes, { stages: 'last', atFreqs: [], format: 'csv', allowUnstable: false, skipInvalid });
}

/** Chunks arrive as UTF-8 bytes. */
const text = (chunk: Uint8Array): string => Buffer.from(chunk).toString('utf8');

describe('runSweep on the calling thread', () => {
  it('writes the chunks in point order; their concatenation is the one-chunk text', async () => {
    const j = job('0:0.99:100');
    const parts: string[] = [];
    const summary = await runSweep(j, { jobs: 1, chunkPoints: 7, write: (t) => void parts.push(text(t)) });
    expect(summary).toEqual({ points: 100, rows: 100, skipped: 0 });
    expect(parts).toHaveLength(15);
    expect(parts.join('')).toBe(text(chunkFormatter(j)(0, 100).bytes));
  });

  it('hands the plotted values to onPlotValues chunk by chunk, in point order, with the rows', async () => {
    const j = { ...job('0:0.99:100'), plot: { metric: 'dcGain' as const, stage: 'last' } };
    const starts: number[] = [];
    const z = new Float64Array(100).fill(NaN);
    await runSweep(j, { jobs: 1, chunkPoints: 7, write: () => undefined, onPlotValues: (start, values) => (starts.push(start), z.set(values, start)) });
    expect(starts).toEqual(Array.from({ length: 15 }, (_, i) => 7 * i));
    // standard-sgdm: DC gain 1/(1 − β) at β = 0.01·p.
    z.forEach((g, p) => expect(g * (1 - 0.01 * p), `point ${p}`).toBeCloseTo(1, 12));
  });

  it('an invalid point stops the sweep before anything is written', async () => {
    const writes: string[] = [];
    await expect(runSweep(job('0.5,0.9,0.95,1,1.1'), { jobs: 1, chunkPoints: 2, write: (t) => void writes.push(text(t)) })).rejects.toThrow(InvalidPointError);
    await expect(runSweep(job('0.5,0.9,0.95,1,1.1'), { jobs: 1, chunkPoints: 2, write: () => undefined })).rejects.toThrow(/^sweep point 3 \(beta=1\): momentum\.beta: \|u\| must be < 1/);
    expect(writes).toEqual([]);
  });

  it('stops at the next chunk when the signal fires', async () => {
    const controller = new AbortController();
    const writes: string[] = [];
    const run = runSweep(job('0:0.99:1000'), {
      jobs: 1,
      chunkPoints: 10,
      signal: controller.signal,
      write: (t) => {
        writes.push(text(t));
        if (writes.length === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(SweepAbortedError);
    expect(writes).toHaveLength(3);
  });
});

describe('runSweep stopped early computes nothing more', () => {
  const ticks = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
  };

  it('a write that fails (the reader went away): no chunk is computed after it, those queued ahead are dropped', async () => {
    // Without a check pass, the first chunk is written while the next 8 wait their turn.
    const stats = { threads: 0, checked: 0, formatted: 0 };
    const run = runSweep(job('0:0.99:1000', true), {
      jobs: 1,
      chunkPoints: 10,
      stats,
      write: () => {
        throw new Error('output pipe closed');
      },
    });
    await expect(run).rejects.toThrow('output pipe closed');
    const after = stats.formatted;
    await ticks(30);
    expect([after, stats.formatted]).toEqual([10, 10]);
  });

  it('a signal that fires during the check pass: no chunk is checked or formatted after it', async () => {
    const controller = new AbortController();
    const stats = { threads: 0, checked: 0, formatted: 0 };
    const run = runSweep(job('0:0.99:1000'), { jobs: 1, chunkPoints: 10, stats, signal: controller.signal, write: () => undefined, onProgress: (phase, done) => phase === 'check' && done === 20 && controller.abort() });
    await expect(run).rejects.toThrow(SweepAbortedError);
    const after = { ...stats };
    await ticks(30);
    expect(stats).toEqual(after);
    // The check pass and the formatting alternate chunk by chunk: a few chunks, not the 100 of the grid.
    expect(stats.checked + stats.formatted).toBeLessThanOrEqual(60);
  });
});

describe('runSweep starts the workers its work pays for (sweepWorkerCount)', () => {
  it('--jobs 2 on a 10-point sweep of YOLO (554 700 steps evaluated per step) starts no worker, with the bytes of one thread', async () => {
    const { configs } = parseSchedules(readFileSync('configs/yolo-nesterov-warmup.yaml', 'utf8'));
    const { axes } = resolveAxes(configs[0], [{ path: 'momentum.momentum.fp.1', spec: '0.9:0.99:10', origin: '' }]);
    const j = sweepJob(configs[0], axes, { stages: 'first,last', atFreqs: [], format: 'csv', allowUnstable: false, skipInvalid: false });
    const cost = sweepCost(configs[0], { stages: 1, rowsPerPoint: 2, checked: true });
    const parts: string[] = [];
    const stats = { threads: 0, checked: 0, formatted: 0 };
    const summary = await runSweep(j, { jobs: 2, cost, chunkPoints: 1, stats, write: (t) => void parts.push(text(t)) });
    expect([summary.points, stats]).toEqual([10, { threads: 1, checked: 10, formatted: 10 }]);
    expect(parts.join('')).toBe(text(chunkFormatter(j)(0, 10).bytes));
  }, 30_000);
});
