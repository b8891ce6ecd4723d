import { createWriteStream, fstat, write } from 'node:fs';
import { Writable } from 'node:stream';
import { descriptorOf } from './output-target.js';
import { TextSink } from './sink.js';

/**
 * Opens `path` for writing (O_WRONLY | O_CREAT | O_TRUNC, as a shell's `>` or `tee` does) and
 * streams `produce`'s output into it: for targets that must not be replaced (devices, FIFOs,
 * `/dev/fd/N`; see output-target.ts). Opening a FIFO waits for its reader, as the shell does.
 * Every write error, the last one included, is thrown as StreamWriteError (ENOSPC from /dev/full,
 * EPIPE when a FIFO's reader went away); what was written before it stays written.
 *
 * A path naming one of this process's descriptors that is a regular file is written through that
 * descriptor, as a shell's `>&N` does: Linux opens `/dev/fd/N` of a regular file as a new file
 * description at offset 0 (and O_TRUNC empties it), so `cmd -o /dev/fd/1 >> log` would overwrite
 * what is already in `log`. The descriptor's own offset (or O_APPEND) puts the bytes after it, and
 * the descriptor stays open. Other descriptors (pipes, terminals, sockets) are opened as before.
 */
export async function withWriteThrough<T>(path: string, produce: (sink: TextSink) => Promise<T>): Promise<T> {
  const fd = await ownRegularFileDescriptor(path);
  const stream = fd === undefined ? createWriteStream(path) : descriptorStream(fd);
  try {
    if (fd === undefined) {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    }
    const sink = new TextSink(stream, { pipeClosedIsEnd: false });
    const result = await produce(sink);
    await sink.end();
    return result;
  } finally {
    stream.destroy();
  }
}

/** N when `path` names descriptor N of this process and N is an open regular file. */
async function ownRegularFileDescriptor(path: string): Promise<number | undefined> {
  const fd = descriptorOf(path);
  if (fd === undefined || !Number.isSafeInteger(fd)) return undefined;
  const isFile = await new Promise<boolean>((resolve) => fstat(fd, (error, info) => resolve(error === null && info.isFile())));
  return isFile ? fd : undefined;
}

/** Writes every chunk to `fd` at its current offset (short writes continued); never closes it. */
function descriptorStream(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const rest = (offset: number): void => {
        if (offset === chunk.length) return callback();
        write(fd, chunk, offset, chunk.length - offset, null, (error, written) => (error ? callback(error) : rest(offset + written)));
      };
      rest(0);
    },
  });
}
