import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { sweepChunkPoints, sweepCost, sweepWorkerCount, WORKER_START_NS } from '../../src/sweep/sweep-threads.js';

const config = (file: string) => parseSchedules(readFileSync(file, 'utf8')).configs[0];
const yolo = config('configs/yolo-nesterov-warmup.yaml');
const fsgdm = config('configs/fsgdm-cifar100.yaml');

// COST_NS (schedule/budgets.ts): presetStage 50 ns, expressionStage 1700 ns, sweepRow 13 500 ns; a worker's own start 150 ms.
describe('sweepCost: the work of a sweep point and what a worker repeats, in the nanoseconds of COST_NS', () => {
  it('YOLO (a preset evaluated at each of its 554 700 steps, lr an expression of the step): 2 resolves of 554 700 steps + 2 rows per point; 554 700 lr evaluations shared', () => {
    expect(sweepCost(yolo, { stages: 5844, rowsPerPoint: 2, checked: true })).toEqual({ pointNs: 2 * 554_700 * 50 + 2 * 13_500, sharedNs: 554_700 * 1700 });
    // Invalid points skipped: no check pass, one resolve per point.
    expect(sweepCost(yolo, { stages: 5844, rowsPerPoint: 2, checked: false }).pointNs).toBe(554_700 * 50 + 2 * 13_500);
  });

  it('FSGDM (301 stages of a preset): nothing shared beyond the start of a worker', () => {
    expect(sweepCost(fsgdm, { stages: 301, rowsPerPoint: 2, checked: true })).toEqual({ pointNs: 2 * 301 * 50 + 2 * 13_500, sharedNs: 0 });
  });
});

describe('sweepWorkerCount: a worker starts only when the points’ work is at least twice the start of every worker (counts only, no timing)', () => {
  const yoloCost = sweepCost(yolo, { stages: 5844, rowsPerPoint: 2, checked: true });
  const fsgdmCost = sweepCost(fsgdm, { stages: 301, rowsPerPoint: 2, checked: true });

  it('before the config is read: the most --jobs N allows, N − 1', () => {
    expect([1, 2, 3, 8].map((jobs) => sweepWorkerCount(jobs))).toEqual([0, 1, 2, 7]);
  });

  it('YOLO at --jobs 2: 10 points start no worker (0.555 s of work against a start of 1.093 s); the first worker at 40 points (2 × 1.093 s / 55.497 ms = 39.4)', () => {
    expect(WORKER_START_NS).toBe(150e6);
    const at = (points: number, jobs = 2) => sweepWorkerCount(jobs, { chunks: points, points, ...yoloCost });
    expect([at(10), at(39), at(40), at(600)]).toEqual([0, 0, 1, 1]);
    // Each further worker needs its own two starts' worth: 79 points for 2 workers (4 × 1.093 / 0.055497 = 78.8), 119 for 3.
    expect([at(78, 8), at(79, 8), at(118, 8), at(119, 8)]).toEqual([1, 2, 2, 3]);
  });

  it('FSGDM at --jobs 2 and 3: a worker from 5 254 points (2 × 0.15 s / 57.1 µs = 5253.9), two from 10 508 (10 507.9); the bench’s 10⁵ points use both', () => {
    const at = (points: number, jobs: number) => sweepWorkerCount(jobs, { chunks: 100, points, ...fsgdmCost });
    expect([at(5253, 2), at(5254, 2), at(10_507, 3), at(10_508, 3), at(100_000, 2), at(100_000, 3)]).toEqual([0, 1, 1, 2, 1, 2]);
  });

  it('never more workers than chunks beyond the first, nor than --jobs N − 1', () => {
    expect(sweepWorkerCount(4, { chunks: 2, points: 1e6, ...fsgdmCost })).toBe(1);
    expect(sweepWorkerCount(1, { chunks: 100, points: 1e6, ...fsgdmCost })).toBe(0);
  });
});

describe('sweepChunkPoints: rows, threads and work bound a chunk', () => {
  it('a YOLO point (55.5 ms of work) is a chunk of its own, so a closed pipe stops the sweep within one point', () => {
    expect(sweepChunkPoints(600, 1, 2, 2000, 2 * 554_700 * 50 + 2 * 13_500)).toBe(1);
  });
  it('FSGDM: 1000 points of 2 rows (2000 rows), or a quarter of a thread’s share, or 100 ms of work', () => {
    expect(sweepChunkPoints(100_000, 2, 2, 2000, 57_100)).toBe(1000);
    expect(sweepChunkPoints(1000, 2, 2, 2000, 57_100)).toBe(125);
    expect(sweepChunkPoints(100_000, 1, 2, 2000, 200_000)).toBe(500);
  });
});
