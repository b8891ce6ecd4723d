import { access, constants, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Mode and owner of a file about to be replaced, given to its replacement. */
export interface ExistingFile {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * How an output path is written:
 * - `replace`: the regular file `file` (symlinks followed to it), or a new file there, written to a
 *   temp file beside it and renamed over it (atomic-write.ts).
 * - `through`: opened as `path` and written in place (write-through.ts); a descriptor path
 *   (`/dev/fd/N`, also when reached through symlinks) is given as that path.
 */
export type OutputTarget = { kind: 'replace'; file: string; existing?: ExistingFile } | { kind: 'through'; path: string };

/** This process's own descriptors, which the kernel reopens on open(2) rather than naming a file. */
const DESCRIPTOR_PATH = /^\/(?:dev\/(?:fd\/(\d+)|(stdout)|(stderr))|proc\/(?:self|thread-self|(\d+))\/fd\/(\d+))$/;

/**
 * N when the absolute `path` is `/dev/fd/N`, `/proc/self/fd/N` (thread-self, a pid), `/dev/stdout`
 * (1) or `/dev/stderr` (2): a descriptor the caller handed over. Else undefined (also for
 * `/proc/PID/fd/N` of another process).
 */
export function descriptorOf(path: string): number | undefined {
  const m = DESCRIPTOR_PATH.exec(path);
  if (m === null || (m[4] !== undefined && Number(m[4]) !== process.pid)) return undefined;
  return m[2] ? 1 : m[3] ? 2 : Number(m[1] ?? m[5]);
}
/** Links followed before ELOOP, as Linux (MAXSYMLINKS). */
const MAX_LINKS = 40;

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/**
 * Decides how to write `path`, before anything is written.
 *
 * Why
 * ---
 * Temp-and-rename is what keeps a regular file whole: readers see the old file or the new one,
 * and a failed or interrupted run leaves the old one. But rename replaces whatever the name is:
 * run as root, `-o /dev/null` once turned the device node into a regular file, and `-o fifo` left
 * its reader waiting forever. So only a regular file or a new path is replaced; everything else
 * that can be opened for writing (character devices such as /dev/null and /dev/full, FIFOs,
 * `/dev/stdout`, `/dev/fd/N` from a shell's `>(cmd)`) is written straight through, and its write
 * errors (ENOSPC, EPIPE) reach the caller instead of a rename that hides them.
 *
 * A symlink (or a chain of them) is followed to its final target, and that file is replaced: the
 * link stays a link and the file it names gets the data. A dangling link creates its target.
 * `/dev/fd/N`, `/proc/self/fd/N`, `/dev/stdout` are never resolved to the file behind them: they
 * stand for a descriptor the caller handed over, so they are written through even when it is a
 * regular file (as `tee` does).
 *
 * Errors are errno exceptions: EISDIR for a directory, ENOTDIR, ELOOP, ENAMETOOLONG from the path,
 * ENOENT when the directory of a new file is missing, EACCES when the directory (where the temp
 * file goes) or the file is not writable.
 *
 * Notes
 * -----
 * A replaced file keeps its permission bits (and, for root, its owner); a hard link to it keeps
 * the old content, as with `sed -i` or any editor that saves by rename.
 */
export async function outputTarget(path: string): Promise<OutputTarget> {
  let current = resolve(path);
  for (let links = 0; ; links++) {
    if (DESCRIPTOR_PATH.test(current)) return { kind: 'through', path: current };
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info === undefined) return { kind: 'replace', file: await inWritableDirectory(current) };
    if (info.isSymbolicLink()) {
      if (links === MAX_LINKS) throw errno('ELOOP');
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (info.isDirectory()) throw errno('EISDIR');
    if (!info.isFile()) return { kind: 'through', path };
    await access(current, constants.W_OK);
    return { kind: 'replace', file: await inWritableDirectory(current), existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
  }
}

/** `file` with its directory's real path, after checking that a temp file can be created there. */
async function inWritableDirectory(file: string): Promise<string> {
  const dir = await realpath(dirname(file));
  if (!(await stat(dir)).isDirectory()) throw errno('ENOTDIR');
  await access(dir, constants.W_OK | constants.X_OK);
  return join(dir, basename(file));
}

/**
 * Checks that `dir` can take output files: it is a writable directory, or does not exist yet and
 * its nearest existing ancestor is one (`mkdir -p` will create the rest). Errno exceptions as
 * outputTarget's (ENOTDIR when the path, or one of its parents, is a file).
 */
export async function checkOutputDirectory(dir: string): Promise<void> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && dirname(current) !== current) return undefined;
      throw error;
    });
    if (info === undefined) continue;
    if (!info.isDirectory()) throw errno('ENOTDIR');
    await access(current, constants.W_OK | constants.X_OK);
    return;
  }
}
