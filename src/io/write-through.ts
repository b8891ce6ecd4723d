import { createWriteStream } from 'node:fs';
import { TextSink } from './sink.js';

/**
 * Opens `path` for writing (O_WRONLY | O_CREAT | O_TRUNC, as a shell's `>` or `tee` does) and
 * streams `produce`'s output into it: for targets that must not be replaced (devices, FIFOs,
 * `/dev/fd/N`; see output-target.ts). Opening a FIFO waits for its reader, as the shell does.
 * Every write error, the last one included, is thrown as StreamWriteError (ENOSPC from /dev/full,
 * EPIPE when a FIFO's reader went away); what was written before it stays written.
 */
export async function withWriteThrough<T>(path: string, produce: (sink: TextSink) => Promise<T>): Promise<T> {
  const stream = createWriteStream(path);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const sink = new TextSink(stream, { pipeClosedIsEnd: false });
    const result = await produce(sink);
    await sink.end();
    return result;
  } finally {
    stream.destroy();
  }
}
