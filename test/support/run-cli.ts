import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { ROOT, type CliResult } from './cli.js';

export interface RunCliOptions {
  /** What stdin holds (empty by default, as a spawn with no input). */
  input?: string | Uint8Array;
  /** The environment, on top of PATH alone: the test process's own (NO_COLOR, FORCE_COLOR, TERM) never leaks in. */
  env?: Record<string, string>;
  /** Working directory that relative paths resolve against (default: the repo root). */
  cwd?: string;
  /** Make stdout and stderr terminals (`isTTY`), `columns` wide: colour and the progress bar then apply. */
  tty?: boolean;
  columns?: number;
}

/** A stream that keeps what is written to it, as a terminal or as a pipe. */
function capture(tty: boolean, columns: number | undefined): Writable & { isTTY?: boolean; columns?: number; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, tty ? { isTTY: true, columns: columns ?? 80 } : {}, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** The process-wide state an in-process run could leave behind for the next one. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE'] as const;
function processState(): string {
  return JSON.stringify({
    exitCode: process.exitCode ?? null,
    cwd: process.cwd(),
    env: Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b)),
    listeners: [...SIGNALS, 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'].map((s) => process.listenerCount(s)),
  });
}

/**
 * Runs `fn` and fails if it changed process-wide state: `process.exitCode` (the CLI returns its code;
 * only bin/ sets it), the cwd, the environment, or listeners on process signals and events. The exit
 * code is put back before failing, so one faulty run does not fail the test file's worker.
 */
export async function withoutLeaks<T>(fn: () => Promise<T>): Promise<T> {
  const exitCode = process.exitCode;
  const before = processState();
  let result: T;
  try {
    result = await fn();
  } finally {
    const after = processState();
    process.exitCode = exitCode;
    if (after !== before) throw new Error(`an in-process run changed process-wide state:\n  before ${before.slice(0, 400)}\n  after  ${after.slice(0, 400)}`);
  }
  return result;
}

/**
 * The CLI run in this process, `run(argv, io)` from src/cli/main.ts as bin/momentum-fr.js calls it,
 * with in-memory stdout and stderr and a stdin read from `input`: the same `{ code, stdout, stderr }`
 * as the spawning `cli()` (test/support/cli.ts), at a fraction of the cost. Each run gets fresh
 * streams and its own environment, so colour and TTY detection cannot carry over from one run to
 * the next, and it fails if the run leaves process-wide state behind (withoutLeaks).
 *
 * Keep spawning (`cli()`) what needs a real process: bin/ glue (no arguments, --help, --version,
 * --debug pick the ES modules), signals, EPIPE, /dev/full, worker threads started from dist/.
 */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const stdout = capture(options.tty === true, options.columns);
  const stderr = capture(options.tty === true, options.columns);
  const stdin = Readable.from([Buffer.from(options.input ?? '')]);
  const env = { PATH: process.env.PATH ?? '', ...options.env };
  const code = await withoutLeaks(() => run(args, { stdout, stderr, stdin, env, cwd: options.cwd ?? ROOT }));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
