import type { ChunkResult, InvalidPoint } from '../sweep-rows.js';
import type { SweepJob } from '../sweep-job.js';

/** Main thread → worker: first the job, then ranges of points to check or to format. */
export type WorkerRequest = { kind: 'job'; job: SweepJob } | WorkerTask;

/** A range of points to check or to format. */
export interface WorkerTask {
  id: number;
  kind: 'check' | 'format';
  start: number;
  end: number;
}

/** Worker → main thread, once, when it can take requests (its bundle loaded, its job prepared). */
export interface WorkerReady {
  kind: 'ready';
}

/** Worker → main thread. */
export type WorkerReply = { id: number; kind: 'format'; result: ChunkResult } | { id: number; kind: 'check'; invalid: InvalidPoint | undefined };
