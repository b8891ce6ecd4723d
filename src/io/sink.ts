import type { Writable } from 'node:stream';

/** Raised when the reader of stdout went away (`… | head`): a normal end, not an error. */
export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
    this.name = 'PipeClosedError';
  }
}

/** A write failed (ENOSPC from a full disk or /dev/full, EIO, EPIPE of a FIFO): `code` is the errno code. */
export class StreamWriteError extends Error {
  readonly code: string;

  constructor(override readonly cause: NodeJS.ErrnoException) {
    super(cause.message);
    this.name = 'StreamWriteError';
    this.code = cause.code ?? 'EIO';
  }
}

export interface TextSinkOptions {
  /** Bytes joined into one write (default 64 KiB). */
  chunkSize?: number;
  /**
   * A closed pipe (EPIPE) ends the output quietly (PipeClosedError): right for stdout, where
   * `| head` is a normal reader (the default). Files written through (a FIFO, `>(cmd)`) report it.
   */
  pipeClosedIsEnd?: boolean;
}

/**
 * Buffered text output with backpressure: small writes are joined into ~64 KiB chunks, and a
 * chunk waits for 'drain' when the stream is full, so memory stays flat however large the output.
 * The first failure of the stream is kept and thrown by the next write, flush or end: EPIPE as
 * PipeClosedError (see `pipeClosedIsEnd`), anything else as StreamWriteError.
 */
export class TextSink {
  private parts: string[] = [];
  private size = 0;
  private failure: Error | undefined;
  private readonly chunkSize: number;
  private readonly pipeClosedIsEnd: boolean;

  constructor(
    private readonly stream: Writable,
    options: TextSinkOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? 1 << 16;
    this.pipeClosedIsEnd = options.pipeClosedIsEnd ?? true;
    stream.on('error', (err: NodeJS.ErrnoException) => this.fail(err));
  }

  /** Keeps the first failure: once a write failed, later ones only say the stream is destroyed. */
  private fail(err: NodeJS.ErrnoException): Error {
    if (this.failure === undefined) {
      const closed = err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED';
      this.failure = closed && this.pipeClosedIsEnd ? new PipeClosedError() : new StreamWriteError(err);
    }
    return this.failure;
  }

  /** Queue text; resolves at once unless a full chunk had to wait for the stream to drain. */
  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) return this.flush();
  }

  /** Bytes already encoded as UTF-8 elsewhere (a worker thread): written as they are, in order. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    if (bytes.length === 0) return;
    const ok = this.stream.write(bytes);
    if (!ok) await this.waitDrain();
    if (this.failure) throw this.failure;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const ok = this.stream.write(chunk);
    if (!ok) await this.waitDrain();
    if (this.failure) throw this.failure;
  }

  /** Flushes, ends the stream and waits until every byte is written: the last write's error surfaces here. */
  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: NodeJS.ErrnoException | null) => (err || this.failure ? reject(this.failure ?? this.fail(err!)) : resolve())),
    );
  }

  private waitDrain(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', fail);
        this.stream.off('close', done);
        resolve();
      };
      const fail = (err: NodeJS.ErrnoException) => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        reject(this.fail(err));
      };
      this.stream.once('drain', done);
      this.stream.once('close', done);
      this.stream.once('error', fail);
    });
  }
}
