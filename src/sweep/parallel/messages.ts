import type { ChunkResult, InvalidPoint } from '../sweep-rows.js';

/** Main thread → worker: a range of points to check or to format. */
export interface WorkerRequest {
  id: number;
  kind: 'check' | 'format';
  start: number;
  end: number;
}

/** Worker → main thread. */
export type WorkerReply = { id: number; kind: 'format'; result: ChunkResult } | { id: number; kind: 'check'; invalid: InvalidPoint | undefined };
