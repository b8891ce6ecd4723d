import { createWriteStream } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TextSink } from './sink.js';

/** `dir/.name.<pid>.<n>.tmp` beside the target, so the final rename stays on one file system. */
let counter = 0;
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
}

/** Writes `data` to `path` atomically: a temp file beside it, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/**
 * Streams into a temp file and renames it over `path` only when `produce` succeeds: a failed or
 * interrupted run leaves the old file (or nothing), never a truncated one.
 */
export async function withAtomicFile<T>(path: string, produce: (sink: TextSink) => Promise<T>): Promise<T> {
  const tmp = tempPathFor(path);
  const stream = createWriteStream(tmp);
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
    const sink = new TextSink(stream);
    const result = await produce(sink);
    await sink.flush();
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmp, path);
    return result;
  } catch (err) {
    stream.destroy();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
