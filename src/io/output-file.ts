import { withAtomicFile } from './atomic-write.js';
import { outputTarget } from './output-target.js';
import { asPathError } from './path-error.js';
import { StreamWriteError, type TextSink } from './sink.js';
import { withWriteThrough } from './write-through.js';

/**
 * Streams `produce`'s output to the file at `path`, the way output-target.ts decides: regular files
 * and new paths atomically (temp file, then rename; symlinks followed), devices, FIFOs and
 * `/dev/fd/N` straight through. Every writer of the program goes through here.
 *
 * Errors: PathError('write', path, code) for every failure of the path or of a write (ENOENT,
 * EISDIR, ENOTDIR, ELOOP, ENAMETOOLONG, EACCES; ENOSPC, EPIPE, EIO); `produce`'s own errors as
 * they are.
 */
export async function withOutputFile<T>(path: string, produce: (sink: TextSink) => Promise<T>): Promise<T> {
  let target;
  try {
    target = await outputTarget(path);
  } catch (error) {
    throw asPathError(error, 'write', path);
  }
  // Errors of `produce` itself pass unchanged; only failures of the path or of a write are PathErrors.
  const produced = async (sink: TextSink): Promise<T> => {
    try {
      return await produce(sink);
    } catch (error) {
      throw error instanceof StreamWriteError ? error : new ProduceFailure(error);
    }
  };
  try {
    return target.kind === 'replace' ? await withAtomicFile(target.file, produced, target.existing) : await withWriteThrough(target.path, produced);
  } catch (error) {
    if (error instanceof ProduceFailure) throw error.error;
    throw asPathError(error, 'write', path);
  }
}

class ProduceFailure {
  constructor(readonly error: unknown) {}
}

/** Writes `data` (text, or bytes such as a PNG) to `path` as withOutputFile does. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  await withOutputFile(path, async (sink) => {
    if (typeof data === 'string') await sink.write(data);
    else await sink.writeBytes(data);
  });
}
