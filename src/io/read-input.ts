import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { asPathError, PathError } from './path-error.js';

/** More bytes arrived than the caller's limit allows; reading stopped there. */
export class InputTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = 'InputTooLargeError';
  }
}

/** An open input: a regular file (size known, positional reads allowed) or a stream of bytes. */
export interface InputFile {
  fd: number;
  regular: boolean;
  /** Size of a regular file; 0 for anything else (a pipe's size is unknown until its end). */
  size: number;
  close(): void;
}

/**
 * Opens an input path for reading; `-` is standard input (never closed here).
 *
 * Errors: PathError('read', path, code): ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, EACCES from the
 * path, EISDIR for a directory (open(2) accepts one for reading; read(2) would fail later).
 */
export function openInput(path: string): InputFile {
  const stdin = path === '-';
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
  } catch (error) {
    throw asPathError(error, 'read', path);
  }
  const close = () => {
    if (!stdin) closeSync(fd);
  };
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new PathError('read', path, 'EISDIR');
    return { fd, regular: info.isFile(), size: info.isFile() ? info.size : 0, close };
  } catch (error) {
    close();
    throw asPathError(error, 'read', path);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * read(2) at the descriptor's position. A pipe left non-blocking (Node does that to stdin once
 * process.stdin is touched) answers EAGAIN while its writer is slow: wait a little and read again.
 */
function readSome(fd: number, buffer: Uint8Array): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/**
 * The input's bytes in order, in chunks through one reused buffer (decode a chunk before asking
 * for the next), never more than `limit` bytes in all: a regular file larger than that is refused
 * before reading, anything else (stdin, a pipe, a FIFO, `<(cmd)`, /dev/zero) is read until the
 * limit is passed and then refused, with the same InputTooLargeError. `first` is data already
 * taken from the input (e.g. to tell its format), given out again first.
 */
export function* inputChunks(input: InputFile, limit: number, first?: Uint8Array, chunkSize = 1 << 20): Generator<Uint8Array> {
  if (input.regular && input.size > limit) throw new InputTooLargeError(limit);
  let total = 0;
  if (first !== undefined && first.length > 0) {
    total = first.length;
    if (total > limit) throw new InputTooLargeError(limit);
    yield first;
  }
  const buffer = new Uint8Array(chunkSize);
  for (;;) {
    const n = readSome(input.fd, buffer);
    if (n === 0) return;
    total += n;
    if (total > limit) throw new InputTooLargeError(limit);
    yield buffer.subarray(0, n);
  }
}

/** The first bytes of a stream input, at least `want` of them unless it ends sooner (format sniffing). */
export function inputHead(input: InputFile, want: number): Uint8Array {
  const head = new Uint8Array(want);
  let have = 0;
  while (have < want) {
    const n = readSome(input.fd, head.subarray(have));
    if (n === 0) break;
    have += n;
  }
  return head.subarray(0, have);
}

/** The whole input, as inputChunks bounds it, in one buffer (a regular file's in one allocation). */
export function readInputBytes(input: InputFile, limit: number, first?: Uint8Array): Uint8Array {
  if (input.regular && first === undefined) {
    if (input.size > limit) throw new InputTooLargeError(limit);
    return inputHead(input, input.size); // the size fstat saw: bytes appended since are not read
  }
  const parts: Uint8Array[] = [];
  for (const chunk of inputChunks(input, limit, first)) parts.push(chunk.slice());
  return Buffer.concat(parts);
}

/** The bytes of a stream (in-process stdin), at most `limit` of them: InputTooLargeError past it. */
export async function readStreamBytes(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limit) {
      stream.destroy();
      throw new InputTooLargeError(limit);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
