// A sweep worker thread: formats (or checks) the ranges of points the main thread sends, with the
// same serial code as a single-threaded sweep, so the output bytes do not depend on --jobs.
import { parentPort } from 'node:worker_threads';
import { chunkChecker, chunkFormatter } from '../sweep-rows.js';
import type { WorkerReady, WorkerReply, WorkerRequest } from './messages.js';
import { provideMathjs } from '../../schedule/mathjs-provider.js';
import { requireMathjs } from '../../io/require-mathjs.js';

// A worker is a fresh module graph: the custom expressions of its points need mathjs too.
provideMathjs(requireMathjs, { fallback: true });

// The job comes in the first message: a worker can start (and load this bundle) while the main
// thread is still reading the config (startSweepWorkers in run-sweep.ts).
let format: ReturnType<typeof chunkFormatter>;
let check: ReturnType<typeof chunkChecker>;

parentPort!.on('message', (m: WorkerRequest) => {
  if (m.kind === 'job') {
    format = chunkFormatter(m.job);
    check = chunkChecker(m.job);
    // Until now the calling thread computed alone; from here on this thread takes requests too.
    parentPort!.postMessage({ kind: 'ready' } satisfies WorkerReady);
    return;
  }
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
