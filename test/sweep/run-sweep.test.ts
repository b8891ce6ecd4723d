import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { starterYaml } from '../../src/schedule/starter.js';
import { InvalidPointError, runSweep, SweepAbortedError } from '../../src/sweep/parallel/run-sweep.js';
import { resolveAxes } from '../../src/sweep/sweep-axes.js';
import { sweepJob } from '../../src/sweep/sweep-job.js';
import { chunkFormatter } from '../../src/sweep/sweep-rows.js';

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
    await expect(runSweep(job('0.5,0.9,0.95,1,1.1'), { jobs: 1, chunkPoints: 2, write: () => undefined })).rejects.toThrow(/^sweep point 3 \(beta=1\): momentum: \|u\| must be < 1/);
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
