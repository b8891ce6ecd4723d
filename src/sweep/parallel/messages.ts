import type { ChunkResult, InvalidPoint } from '../sweep-rows.js';

/** Main thread → worker: a range of points to check or to format. */
export interface WorkerRequest {
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
