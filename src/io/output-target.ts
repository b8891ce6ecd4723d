import { access, constants, lstat, mkdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { asPathError, PathError } from './path-error.js';

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

/**
 * `mkdir -p dir`, each missing directory made once, from the nearest existing ancestor down.
 *
 * Why
 * ---
 * Node's `mkdir(dir, { recursive: true })` retries for as long as mkdir(2) says ENOENT while the
 * parent exists: under /proc (which takes no new entries) it never returns. Here every directory
 * is tried once, so the walk is as long as the path. Errno exceptions: ENOTDIR when an ancestor
 * is a file, EEXIST when a component is a dangling symbolic link, ENOENT from a file system that
 * takes no new directories (see writeFailure for naming the cause).
 */
export async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && dirname(current) !== current) return undefined;
      throw error;
    });
    if (info === undefined) {
      missing.push(current);
      continue;
    }
    if (!info.isDirectory()) throw errno('ENOTDIR');
    break;
  }
  for (const d of missing.reverse()) await mkdir(d);
}

/**
 * The failure to write `shown` (a file, or with `directory` a directory to make) as a PathError
 * naming its real cause: the first component of the path that is missing, a dangling symbolic
 * link (and its target) or not a directory; or, when every directory exists and the kernel still
 * says ENOENT (/proc, /sys), the directory that takes no new entries. Paths are named as the user
 * spelled them (`shown`, resolved against `cwd`). Anything not an errno exception is returned
 * unchanged.
 */
export async function writeFailure(error: unknown, shown: string, cwd: string, directory = false): Promise<unknown> {
  const plain = asPathError(error, 'write', shown);
  if (!(plain instanceof PathError) || !['ENOENT', 'ENOTDIR', 'EEXIST'].includes(plain.code)) return plain;
  const because = (cause: string): PathError => new PathError('write', shown, plain.code, cause);
  const parts = shown.replace(/(.)\/+$/, '$1').split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/') || '/';
    const path = resolve(cwd, prefix);
    const info = await lstat(path).catch(() => undefined);
    const isLast = i === parts.length;
    if (info === undefined) {
      // mkdir -p makes every missing directory: the failure is in the one that exists above it.
      if (directory) return plain.code === 'ENOENT' ? because(`${i === 1 ? '.' : parts.slice(0, i - 1).join('/') || '/'} takes no new directories (no such file or directory)`) : plain;
      return isLast ? because(`${dirname(shown)} takes no new files (no such file or directory)`) : because(`no such directory ${prefix}`);
    }
    if (info.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target === undefined) return because(`${prefix} is a dangling symbolic link to ${await readlink(path)}`);
      if (!target.isDirectory() && !isLast) return because(`${prefix} is not a directory`);
    } else if (!info.isDirectory() && !isLast) return because(`${prefix} is not a directory`);
  }
  return plain;
}
