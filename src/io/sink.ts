import type { Writable } from 'node:stream';

/** Raised when the reader of stdout went away (`… | head`): a normal end, not an error. */
export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
    this.name = 'PipeClosedError';
  }
}

/**
 * Buffered text output with backpressure: small writes are joined into ~64 KiB chunks, and a
 * chunk waits for 'drain' when the stream is full, so memory stays flat however large the output.
 * EPIPE (closed pipe) turns into PipeClosedError so the CLI can end quietly.
 */
export class TextSink {
  private parts: string[] = [];
  private size = 0;
  private failure: Error | undefined;

  constructor(
    private readonly stream: Writable,
    private readonly chunkSize = 1 << 16,
  ) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.failure = err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' ? new PipeClosedError() : err;
    });
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
        reject(err.code === 'EPIPE' ? new PipeClosedError() : err);
      };
      this.stream.once('drain', done);
      this.stream.once('close', done);
      this.stream.once('error', fail);
    });
  }
}
