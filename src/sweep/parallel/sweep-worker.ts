// A sweep worker thread: formats (or checks) the ranges of points the main thread sends, with the
// same serial code as a single-threaded sweep, so the output bytes do not depend on --jobs.
import { parentPort, workerData } from 'node:worker_threads';
import { chunkChecker, chunkFormatter } from '../sweep-rows.js';
import type { SweepJob } from '../sweep-job.js';
import type { WorkerReady, WorkerReply, WorkerRequest } from './messages.js';
import { provideMathjs } from '../../schedule/mathjs-provider.js';
import { requireMathjs } from '../../io/require-mathjs.js';

// A worker is a fresh module graph: the custom expressions of its points need mathjs too.
provideMathjs(requireMathjs, { fallback: true });

const job = workerData as SweepJob;
const format = chunkFormatter(job);
const check = chunkChecker(job);

parentPort!.on('message', (m: WorkerRequest) => {
  if (m.kind === 'check') {
    parentPort!.postMessage({ id: m.id, kind: 'check', invalid: check(m.start, m.end) } satisfies WorkerReply);
    return;
  }
  // The rows' bytes move to the main thread uncopied (transferred), which only writes them.
  const result = format(m.start, m.end);
  const moved = [result.bytes.buffer as ArrayBuffer];
  if (result.plotValues) moved.push(result.plotValues.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: m.id, kind: 'format', result } satisfies WorkerReply, moved);
});

// Until now the calling thread computed alone; from here on this thread takes requests too.
parentPort!.postMessage({ kind: 'ready' } satisfies WorkerReady);
