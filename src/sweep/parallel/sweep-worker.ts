// A sweep worker thread: formats (or checks) the ranges of points the main thread sends, with the
// same serial code as a single-threaded sweep, so the output bytes do not depend on --jobs.
import { parentPort, workerData } from 'node:worker_threads';
import { chunkChecker, chunkFormatter } from '../sweep-rows.js';
import type { SweepJob } from '../sweep-job.js';
import type { WorkerReply, WorkerRequest } from './messages.js';

const job = workerData as SweepJob;
const format = chunkFormatter(job);
const check = chunkChecker(job);

parentPort!.on('message', (m: WorkerRequest) => {
  const reply: WorkerReply =
    m.kind === 'format' ? { id: m.id, kind: 'format', result: format(m.start, m.end) } : { id: m.id, kind: 'check', invalid: check(m.start, m.end) };
  parentPort!.postMessage(reply);
});
