import { COST_NS } from '../schedule/budgets.js';
import { stageTableCost, evaluatesPerStep } from '../schedule/stage-table-cost.js';
import type { ScheduleConfig } from '../schedule/schema.js';

/**
 * What a worker thread costs before its first point, besides what it repeats of the job
 * (SweepCost.sharedNs), in the nanoseconds of COST_NS: a Node.js environment, the bundle, the job
 * prepared. Measured: 108–140 ms of CPU from `new Worker` to its 'ready' message for the FSGDM bench
 * job (Node 20, the shared 2-core development machine; 281 ms with a cold file cache); the bench's
 * "sweep worker start" row measures it again beside this constant.
 */
export const WORKER_START_NS = 150e6;

/** Work a worker must be able to save, as a multiple of its start (WORKER_START_NS + sharedNs), to be started. */
const PAYOFF = 2;

/** Estimated work of the points of a chunk, in ns: small enough that a closed pipe or Ctrl-C stops a sweep within ~0.1 s of work. */
const CHUNK_NS = 100e6;

/** The estimated work of a sweep's points, in the nanoseconds of COST_NS. */
export interface SweepCost {
  /** One point: its stage table resolved (twice when every point is checked first) and its rows computed and written. */
  pointNs: number;
  /**
   * What every thread resolves once and then keeps for all its points (ValueMemo): a schedule
   * evaluated per step evaluates its expressions at every step (YOLO's lr: 554 700 evaluations).
   * The calling thread has it from the parse; each worker resolves it again.
   */
  sharedNs: number;
}

/**
 * The estimated cost of a sweep of `config` (COST_NS): per point, its stage table re-resolved
 * (`stages` of them, per step for a schedule evaluated per step: stageTableCost), once more for the
 * check pass unless invalid points are skipped, and `rowsPerPoint` rows of metrics; a worker's
 * shared work is one evaluation of an expression per step when the schedule is evaluated per step.
 */
export function sweepCost(config: ScheduleConfig, options: { stages: number; rowsPerPoint: number; checked: boolean }): SweepCost {
  const perStage = config.momentum.preset === undefined ? COST_NS.expressionStage : COST_NS.presetStage;
  const stages = Math.max(options.stages, stageTableCost(config).stages);
  const resolveNs = stages * perStage * (options.checked ? 2 : 1);
  return {
    pointNs: resolveNs + Math.max(1, options.rowsPerPoint) * COST_NS.sweepRow,
    sharedNs: evaluatesPerStep(config) ? config.steps * COST_NS.expressionStage : 0,
  };
}

/**
 * How many worker threads a sweep runs beside the calling thread (which computes too): the one
 * owner of that number, for the workers started before the config is read (no `work` yet: the
 * most `jobs` allows) and for the sweep itself (runSweep), which ends at once those it does not use.
 *
 * A worker is started only while the work of the points is at least PAYOFF times the start of
 * every worker: (points · pointNs) ≥ PAYOFF · k · (WORKER_START_NS + sharedNs). With the calling
 * thread starting at once, k workers give (W + k·S)/(k + 1) on free cores: a worker saves
 * (W − S)/2 or less, and the factor 2 keeps that saving well above the estimate's error. At most
 * one worker per chunk beyond the first. Counts only, no timing and no core count: the same
 * inputs give the same number of workers on every machine.
 *
 * Parameters
 * ----------
 * jobs : threads asked for (--jobs N, or the default), the calling thread included.
 * work : chunks and points of the sweep and its SweepCost; omitted before the config is read.
 */
export function sweepWorkerCount(jobs: number, work?: { chunks: number; points: number } & SweepCost): number {
  const most = Math.max(0, Math.floor(jobs) - 1);
  if (work === undefined) return most;
  const worth = Math.floor((work.points * work.pointNs) / (PAYOFF * (WORKER_START_NS + work.sharedNs)));
  return Math.max(0, Math.min(most, work.chunks - 1, worth));
}

/**
 * Points per chunk (the unit of ordering, of progress and of stopping): at most `maxRows` rows,
 * at least 4 chunks per thread so threads share the work evenly, and at most CHUNK_NS of estimated
 * work, so that a closed stdout or a signal, seen between chunks, stops the sweep at once even
 * when a point takes milliseconds (a schedule evaluated per step).
 */
export function sweepChunkPoints(points: number, threads: number, rowsPerPoint: number, maxRows: number, pointNs: number): number {
  const byRows = Math.floor(maxRows / Math.max(1, rowsPerPoint));
  const byThreads = Math.ceil(points / (4 * Math.max(1, threads)));
  const byWork = Math.floor(CHUNK_NS / Math.max(1, pointNs));
  return Math.max(1, Math.min(byRows, byThreads, byWork));
}
