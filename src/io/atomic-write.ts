import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { trackTempFile } from './interrupt.js';
import type { ExistingFile } from './output-target.js';
import { TextSink } from './sink.js';

/** Longest file name, in bytes, on the file systems we write to (NAME_MAX of ext4, xfs, btrfs, tmpfs). */
const NAME_MAX = 255;
let counter = 0;

/**
 * `dir/.<name>.<pid>.<n>.tmp` beside the target, so the rename stays on one file system. A name
 * too long to take the decoration is shortened (at a character boundary, in UTF-8 bytes): pid and
 * counter keep temp names unique, and O_EXCL catches the rest.
 */
export function tempPathFor(file: string): string {
  const suffix = `.${process.pid}.${counter++}.tmp`;
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  let name = basename(file);
  if (Buffer.byteLength(name) > room) {
    name = Buffer.from(name).subarray(0, room).toString('utf8');
    // A multi-byte character cut in half decodes as U+FFFD (3 bytes): drop it, and the room it took.
    while (Buffer.byteLength(name) > room || name.endsWith('\uFFFD')) name = name.slice(0, -1);
  }
  return join(dirname(file), `.${name}${suffix}`);
}

/** Temp names tried before giving up with EEXIST (each is new: pid and counter; only a directory filled with planted names exhausts them). */
const TEMP_TRIES = 100;

/** Creates a fresh temp file for `file` (O_EXCL: never an existing file, never through a planted link). */
async function createTemp(file: string, existing: ExistingFile | undefined): Promise<{ tmp: string; handle: FileHandle; release: () => void }> {
  for (let tries = 1; ; tries++) {
    const tmp = tempPathFor(file);
    const release = trackTempFile(tmp);
    try {
      const handle = await open(tmp, 'wx', existing?.mode ?? 0o666);
      if (existing) {
        await handle.chmod(existing.mode); // open's mode went through the umask
        if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
      return { tmp, handle, release };
    } catch (error) {
      release();
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries === TEMP_TRIES) throw error;
    }
  }
}

/**
 * Streams into a temp file beside `file` and renames it over `file` only when `produce` succeeds:
 * a failed or interrupted run leaves the old file (or nothing), never a truncated one. The temp
 * file is registered with interrupt.ts, so SIGINT and SIGTERM remove it. Use through
 * output-file.ts, which sends only regular files and new paths here (see output-target.ts).
 */
export async function withAtomicFile<T>(file: string, produce: (sink: TextSink) => Promise<T>, existing?: ExistingFile): Promise<T> {
  const { tmp, handle, release } = await createTemp(file, existing);
  const stream = handle.createWriteStream();
  try {
    const sink = new TextSink(stream, { pipeClosedIsEnd: false });
    const result = await produce(sink);
    await sink.end();
    await rename(tmp, file);
    return result;
  } catch (error) {
    stream.destroy();
    await unlink(tmp).catch(() => undefined);
    throw error;
  } finally {
    release();
  }
}
