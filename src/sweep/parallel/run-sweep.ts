import { Worker } from 'node:worker_threads';
import { chunkChecker, chunkFormatter, type ChunkResult, type InvalidPoint } from '../sweep-rows.js';
import { jobSize, type SweepJob } from '../sweep-job.js';
import type { WorkerReady, WorkerReply, WorkerRequest, WorkerTask } from './messages.js';
import { sweepWorkerCount, type SweepCost } from '../sweep-threads.js';

export interface RunSweepOptions {
  /**
   * Threads asked for, the calling thread included; 1 computes on the calling thread (no worker is
   * started). With `cost`, a worker is started only when it pays off (sweepWorkerCount).
   */
  jobs: number;
  /** The estimated work of the job's points (sweepCost), from which the workers are decided; without it, jobs − 1 workers. */
  cost?: SweepCost;
  /** Filled as the sweep goes, also when it stops early: threads used, points checked and formatted (computed, on any thread). */
  stats?: SweepStats;
  /** Points per chunk sent to a worker (chunks are the unit of ordering and of progress). */
  chunkPoints: number;
  /** Check every point before writing anything (the default), or skip and report invalid ones. */
  signal?: AbortSignal;
  /** Receives the output as UTF-8 bytes in point order, each chunk in a buffer of its own; a returned promise is awaited (backpressure). */
  write(chunk: Uint8Array): Promise<void> | void;
  onSkipped?(point: InvalidPoint): void;
  /** With job.plot: the plotted metric of points start … start + values.length − 1, in point order, as their rows are written. */
  onPlotValues?(start: number, values: Float64Array): void;
  onProgress?(phase: 'check' | 'format', donePoints: number, totalPoints: number): void;
  /**
   * Worker threads started ahead (startSweepWorkers), used before new ones are started; runSweep
   * owns them from here on and ends them (those it does not need at once).
   */
  workers?: SweepWorkers;
}

/** What a sweep did: threads, and points whose check or rows were computed (a sweep stopped early computes fewer). */
export interface SweepStats {
  threads: number;
  checked: number;
  formatted: number;
}

/** Worker threads started before their job is known; see startSweepWorkers. */
export interface SweepWorkers {
  /** Ends the workers not yet handed to a sweep (for when the command fails before it sweeps). */
  close(): Promise<void>;
  /** @internal Hands the workers over (at most `n`) and ends the others. */
  take(n: number): StartedWorker[];
}

interface StartedWorker {
  worker: Worker;
  /** An error or exit before the pool listened. */
  early?: Error;
}

/** A point is invalid and the sweep does not skip invalid points (a usage error: exit 2). */
export class InvalidPointError extends Error {
  constructor(readonly invalid: InvalidPoint) {
    super(`sweep point ${invalid.point} (${invalid.values}): ${invalid.problem}`);
    this.name = 'InvalidPointError';
  }
}

/** The signal fired (a closed stdout, Ctrl-C): workers were stopped, nothing more is computed or written. */
export class SweepAbortedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'SweepAbortedError';
  }
}

interface Executor {
  run(request: WorkerTask): Promise<WorkerReply>;
  close(): Promise<void>;
}

/**
 * Runs a sweep in chunks of points, on the calling thread or on `jobs` worker threads, and hands
 * the text to `write` strictly in point order: chunks are computed ahead (at most 8 per thread) and
 * written as soon as all earlier ones are, so memory stays flat and the bytes equal those of a
 * single-threaded run. Unless the job skips invalid points, a check pass over every point runs
 * alongside and throws InvalidPointError for the first invalid one (in grid order) before anything
 * is written.
 */
export async function runSweep(job: SweepJob, options: RunSweepOptions): Promise<{ points: number; rows: number; skipped: number }> {
  const total = jobSize(job);
  const chunkPoints = Math.max(1, Math.floor(options.chunkPoints));
  const chunks = Math.ceil(total / chunkPoints);
  const range = (id: number): [number, number] => [id * chunkPoints, Math.min(total, (id + 1) * chunkPoints)];
  // With more than one thread, the calling thread computes too, beside the workers: it is idle
  // otherwise (writing takes little), it starts at once while the workers boot, and a worker fewer is
  // one start-up and one warm-up fewer (see poolExecutor). Workers started ahead and not needed end now.
  const nWorkers = options.cost ? sweepWorkerCount(options.jobs, { chunks, points: total, ...options.cost }) : Math.max(0, Math.min(options.jobs, chunks) - 1);
  if (nWorkers === 0) await options.workers?.close();
  const stats = options.stats ?? { threads: 0, checked: 0, formatted: 0 };
  stats.threads = 1 + nWorkers;
  const done = (task: WorkerTask) => void (task.kind === 'check' ? (stats.checked += task.end - task.start) : (stats.formatted += task.end - task.start));
  const executor = nWorkers > 0 ? poolExecutor(job, nWorkers, options.workers?.take(nWorkers) ?? [], done) : serialExecutor(job, done);
  // Chunks computed ahead of the one being written: enough to keep every thread busy (and to
  // format while the check pass runs), few enough that memory stays flat (~0.5 MB per chunk).
  const maxAhead = 8 * Math.max(1, options.jobs);
  let rows = 0;
  let skipped = 0;
  // Ends the check pass too when the writing stops early (an invalid point, a closed pipe, Ctrl-C).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = stop.signal;
  try {
    let checked: Promise<void> = Promise.resolve();
    if (!job.skipInvalid) {
      checked = ordered(chunks, maxAhead, signal, (id) => executor.run({ id, kind: 'check', start: range(id)[0], end: range(id)[1] }), (reply, id) => {
        if (reply.kind === 'check' && reply.invalid) throw new InvalidPointError(reply.invalid);
        options.onProgress?.('check', range(id)[1], total);
      });
      checked.catch(() => undefined); // awaited below, by the first write
    }
    // Formatting starts at once on the workers; nothing is written before every point is checked.
    await ordered(chunks, maxAhead, signal, (id) => executor.run({ id, kind: 'format', start: range(id)[0], end: range(id)[1] }), async (reply, id) => {
      await checked;
      const result = (reply as { result: ChunkResult }).result;
      if (result.failed) throw new InvalidPointError(result.failed);
      for (const s of result.skipped) options.onSkipped?.(s);
      if (result.plotValues) options.onPlotValues?.(range(id)[0], result.plotValues);
      skipped += result.skipped.length;
      rows += result.rows;
      if (result.bytes.length > 0) await options.write(result.bytes);
      options.onProgress?.('format', range(id)[1], total);
    });
  } finally {
    stop.abort();
    options.signal?.removeEventListener('abort', onAbort);
    await executor.close();
  }
  return { points: total, rows, skipped };
}

/** Launches up to `maxAhead` tasks beyond the one being consumed; consumes results in id order. */
async function ordered<T>(count: number, maxAhead: number, signal: AbortSignal | undefined, start: (id: number) => Promise<T>, consume: (value: T, id: number) => Promise<void> | void): Promise<void> {
  const pending = new Map<number, Promise<T>>();
  let next = 0;
  for (let id = 0; id < count; id++) {
    while (next < count && next <= id + maxAhead) {
      const p = start(next);
      p.catch(() => undefined); // awaited below; failures of tasks never reached are dropped
      pending.set(next++, p);
    }
    const value = await abortable(pending.get(id)!, signal);
    pending.delete(id);
    await consume(value, id);
    if (signal?.aborted) throw new SweepAbortedError();
  }
}

/**
 * `task`, or a SweepAbortedError as soon as the signal fires. The abort listener is removed when the
 * task settles: racing every task against one long-lived promise would keep every result alive.
 */
function abortable<T>(task: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return task;
  if (signal.aborted) return Promise.reject(new SweepAbortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SweepAbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * Computes on the calling thread, one chunk per event-loop turn, so that signals (Ctrl-C) and a
 * closed stdout's error are seen between chunks (immediates queued together would run in one turn);
 * chunks still queued when the sweep stops are not computed.
 */
function serialExecutor(job: SweepJob, done: (task: WorkerTask) => void): Executor {
  const compute = chunkComputer(job);
  const queue: { request: WorkerTask; resolve(reply: WorkerReply): void; reject(err: unknown): void }[] = [];
  let scheduled = false;
  let closed = false;
  // close() resolves once nothing is queued or scheduled: from then on this thread computes nothing for the sweep.
  let idle: (() => void) | undefined;
  const pump = () => {
    if (queue.length === 0 && !scheduled) idle?.();
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const task = queue.shift()!;
      if (closed) task.reject(new SweepAbortedError());
      else {
        try {
          task.resolve(compute(task.request));
          done(task.request);
        } catch (err) {
          task.reject(err);
        }
      }
      pump();
    });
  };
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject });
        pump();
      }),
    close: () => {
      closed = true;
      return new Promise<void>((resolve) => {
        idle = resolve;
        pump();
      });
    },
  };
}

/** A request computed on this thread: the reply a worker would send. */
function chunkComputer(job: SweepJob): (r: WorkerTask) => WorkerReply {
  const format = chunkFormatter(job);
  const check = chunkChecker(job);
  return (r) => (r.kind === 'format' ? { id: r.id, kind: 'format', result: format(r.start, r.end) } : { id: r.id, kind: 'check', invalid: check(r.start, r.end) });
}

/**
 * Requests a worker holds at once: the next ones are already there when it replies, so it does not
 * wait while the calling thread computes a chunk of its own (with 2, a profile of the bench's sweep
 * showed the worker idle a sixth of the time).
 */
const WORKER_DEPTH = 4;


/**
 * The calling thread and `n` worker threads as one pool. Requests wait in a queue, checks first (the
 * whole grid is checked before anything is written), and each thread takes the next one when it is
 * free: the calling thread one at a time, one per macrotask (so that replies, writes and signals are
 * handled in between), each worker WORKER_DEPTH at once, from the moment it says it is ready (until
 * then the calling thread works alone). So no request waits for a thread that is busy while another is
 * free, and the calling thread, which also writes every chunk, takes fewer of them. Which thread
 * computes a chunk does not change its bytes.
 */
function poolExecutor(job: SweepJob, n: number, started: StartedWorker[], done: (task: WorkerTask) => void): Executor {
  type Task = { request: WorkerTask; resolve(reply: WorkerReply): void; reject(err: unknown): void };
  const checks: Task[] = [];
  const formats: Task[] = [];
  const take = (): Task | undefined => checks.shift() ?? formats.shift();
  let compute: ((r: WorkerTask) => WorkerReply) | undefined;
  let hereScheduled = false;
  let closed = false;
  // A worker that fails (or stops) fails the sweep, as the calling thread's own errors do.
  let failure: Error | undefined;
  const failAll = (err: Error) => {
    if (closed || failure) return;
    failure = err;
    for (const task of [...checks.splice(0), ...formats.splice(0), ...workers.flatMap((w) => [...w.held.values()])]) task.reject(err);
    for (const w of workers) w.held.clear();
  };

  const runHere = () => {
    if (hereScheduled || closed || checks.length + formats.length === 0) return;
    hereScheduled = true;
    setImmediate(() => {
      hereScheduled = false;
      const task = closed ? undefined : take();
      if (task) {
        try {
          compute ??= chunkComputer(job);
          task.resolve(compute(task.request));
          done(task.request);
        } catch (err) {
          task.reject(err);
        }
      }
      dispatch();
    });
  };

  const workers = [...started, ...startWorkers(n - started.length)].map(({ worker, early }) => {
    const held = new Map<number, Task>();
    const state = { worker, held, ready: false, next: 0 };
    worker.ref();
    worker.removeAllListeners();
    worker.on('message', (reply: WorkerReply | WorkerReady) => {
      if (reply.kind === 'ready') state.ready = true;
      else {
        const task = held.get(reply.id);
        held.delete(reply.id);
        if (task && !closed) done(task.request);
        task?.resolve({ ...reply, id: task.request.id });
      }
      dispatch();
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`sweep worker stopped (exit code ${code})`)));
    if (early) queueMicrotask(() => failAll(early));
    else worker.postMessage({ kind: 'job', job } satisfies WorkerRequest);
    return state;
  });

  function dispatch(): void {
    if (closed || failure) return;
    for (const w of workers) {
      while (w.ready && w.held.size < WORKER_DEPTH) {
        const task = take();
        if (!task) break;
        const id = w.next++;
        w.held.set(id, task);
        w.worker.postMessage({ ...task.request, id } satisfies WorkerTask);
      }
    }
    runHere();
  }

  return {
    run: (request) =>
      new Promise<WorkerReply>((resolve, reject) => {
        if (failure) return reject(failure);
        (request.kind === 'check' ? checks : formats).push({ request, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** Defined by bin/bundle.mjs in dist/cli.cjs only: the path, from the bundle, of the file its worker threads start from. */
declare const CLI_WORKER_ENTRY: string | undefined;

/**
 * Starts `n` sweep worker threads before their job is known: a worker takes ~0.1 s to start (a
 * Node.js environment, the bundle), which `sweep --jobs N` overlaps with reading the config. They
 * wait, unreferenced (they keep no process alive), for runSweep's `workers` option to take them.
 */
export function startSweepWorkers(n: number): SweepWorkers {
  let idle = startWorkers(n);
  for (const w of idle) w.worker.unref();
  const end = (ws: StartedWorker[]) => Promise.all(ws.map((w) => w.worker.terminate())).then(() => undefined);
  return {
    take: (k) => {
      const taken = idle.slice(0, k);
      void end(idle.slice(k));
      idle = [];
      return taken;
    },
    close: () => {
      const left = idle;
      idle = [];
      return end(left);
    },
  };
}

function startWorkers(n: number): StartedWorker[] {
  // Resolved beside this module, so it works from dist/ whatever the current directory. In the CLI's
  // bundle the workers start from the CLI's binary, which loads the same bundle.
  const url = new URL(typeof CLI_WORKER_ENTRY === 'string' ? CLI_WORKER_ENTRY : './sweep-worker.js', import.meta.url);
  return Array.from({ length: Math.max(0, n) }, () => {
    // bin/momentum-fr.js tells a worker thread by this argument (and then by worker_threads).
    const started: StartedWorker = { worker: new Worker(url, { argv: ['--sweep-worker'] }) };
    // Until a pool listens: an error or exit is kept (and fails the sweep that takes the worker).
    started.worker.on('error', (err) => (started.early ??= err));
    started.worker.on('exit', (code) => (started.early ??= new Error(`sweep worker stopped (exit code ${code})`)));
    return started;
  });
}
