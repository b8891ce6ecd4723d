import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { ROOT, type CliResult } from './cli.js';

/** A stream that keeps what is written to it. */
function capture(): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/**
 * The CLI run in this process (`run(argv, io)`, as bin/momentum-fr.js does) with captured streams:
 * the same exit code, stdout and stderr as a spawn, at a fraction of the cost, for tests that run
 * hundreds of cases.
 */
export async function runInProcess(argv: string[], options: { input?: string | Uint8Array; cwd?: string } = {}): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([Buffer.from(options.input ?? '')]), env: { NO_COLOR: '1' }, cwd: options.cwd ?? ROOT });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
