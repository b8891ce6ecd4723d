import { dirname } from 'node:path';

/**
 * strerror(3)'s words, lower-cased as GNU tools print them after a path, for the errno codes a
 * path can meet. Every message about reading or writing a path takes its reason from here.
 */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  ENXIO: 'no such device or address',
  ENODEV: 'no such device',
  EBADF: 'bad file descriptor',
  EINVAL: 'invalid argument',
  EEXIST: 'file exists',
  EXDEV: 'cross-device link',
  ETXTBSY: 'text file busy',
  EBUSY: 'device or resource busy',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'broken pipe',
  EAGAIN: 'resource temporarily unavailable',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  ENOMEM: 'cannot allocate memory',
  ESTALE: 'stale file handle',
};

/**
 * Failures of the machine or of the other end, not of the path the user gave: a runtime failure
 * (exit 1). Every other code means the path itself is wrong for its use (exit 2).
 */
const RUNTIME = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EPIPE', 'EAGAIN', 'EMFILE', 'ENFILE', 'ENOMEM', 'ESTALE', 'EBUSY', 'ETXTBSY']);

/** The reason for an errno code, in words ("no space left on device"); the code itself if unknown. */
export function pathReason(code: string): string {
  return REASONS[code] ?? code;
}

/**
 * A path that could not be read or written, as data: the operation, the path as the user gave it,
 * and the errno code. The message is one line: `PATH: reason` for reading (GNU's `cat: x: No such
 * file or directory`), `cannot write PATH: reason` for writing. `runtime` tells a failure of the
 * machine (disk full, broken pipe: exit 1) from a bad path (exit 2).
 */
export class PathError extends Error {
  override readonly name = 'PathError';

  constructor(
    readonly operation: 'read' | 'write',
    readonly path: string,
    readonly code: string,
    /** What in the path caused the failure, in words, when it is not the path itself ("dl is a dangling symbolic link to gone"). */
    readonly because?: string,
  ) {
    super(because === undefined ? pathMessage(operation, path, code) : `${operation === 'read' ? path : `cannot write ${path}`}: ${because}`);
  }

  get runtime(): boolean {
    return RUNTIME.has(this.code);
  }

  /** The same failure named by another spelling of the path (the one the user typed). */
  shownAs(path: string): PathError {
    return path === this.path ? this : new PathError(this.operation, path, this.code, this.because);
  }
}

function pathMessage(operation: 'read' | 'write', path: string, code: string): string {
  if (operation === 'read') return `${path}: ${pathReason(code)}`;
  // A new file's directory is missing: name it, the file itself is not expected to exist.
  if (code === 'ENOENT') return `cannot write ${path}: no such directory ${dirname(path)}`;
  return `cannot write ${path}: ${pathReason(code)}`;
}

/** An errno exception (anything with a string `code`) as a PathError; anything else unchanged. */
export function asPathError(error: unknown, operation: 'read' | 'write', path: string): unknown {
  if (error instanceof PathError) return error.shownAs(path);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new PathError(operation, path, code) : error;
}
