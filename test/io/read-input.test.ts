import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathError } from '../../src/io/path-error.js';
import { InputTooLargeError, inputChunks, openInput, readInputBytes } from '../../src/io/read-input.js';
import { specialDir } from '../support/special-files.js';

/** Total bytes the chunks delivered before the error (or the end). */
function drain(chunks: Iterable<Uint8Array>): { bytes: number; error?: unknown } {
  let bytes = 0;
  try {
    for (const c of chunks) bytes += c.length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes };
}

describe('the bounded input reader', () => {
  it('reads a regular file whole, and refuses one over the limit by its size, before reading', () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'a.txt'), 'x'.repeat(1000));
    const input = openInput(join(dir, 'a.txt'));
    expect([input.regular, input.size]).toEqual([true, 1000]);
    expect(Buffer.from(readInputBytes(input, 1000)).toString()).toBe('x'.repeat(1000));
    input.close();
    const again = openInput(join(dir, 'a.txt'));
    const r = drain(inputChunks(again, 999));
    expect(r).toEqual({ bytes: 0, error: new InputTooLargeError(999) });
    again.close();
  });

  it('stops an endless character device (mknod c 1 5, a zero device) just past the limit', () => {
    const dir = specialDir();
    const input = openInput(join(dir, 'zero'));
    expect(input.regular).toBe(false);
    const r = drain(inputChunks(input, 5_000_000, undefined, 1 << 16));
    input.close();
    expect(r.error).toBeInstanceOf(InputTooLargeError);
    expect(r.bytes).toBeLessThanOrEqual(5_000_000); // nothing past the limit is handed out
    expect(r.bytes).toBeGreaterThan(5_000_000 - (1 << 16));
  });

  it('reads a FIFO to its end, and holds it to the same limit as a file', async () => {
    const dir = specialDir();
    const fifo = join(dir, 'fifo');
    // The writer is another process: opening a FIFO for reading waits for it.
    const writer = spawn('sh', ['-c', `printf '%s' "$(head -c 3000 /dev/zero | tr '\\0' y)" > ${fifo}`]);
    const exited = new Promise((resolve) => writer.on('close', resolve));
    const input = openInput(fifo);
    expect(input.regular).toBe(false);
    expect(Buffer.from(readInputBytes(input, 3000)).toString()).toBe('y'.repeat(3000));
    input.close();
    await exited;
    const writer2 = spawn('sh', ['-c', `printf '%s' "$(head -c 3000 /dev/zero | tr '\\0' y)" > ${fifo}`]);
    const exited2 = new Promise((resolve) => writer2.on('close', resolve));
    const second = openInput(fifo);
    expect(() => readInputBytes(second, 2999)).toThrow(InputTooLargeError);
    second.close();
    await exited2;
  });

  it('a directory is EISDIR, a missing path ENOENT: PathErrors naming the path', () => {
    const dir = specialDir();
    mkdirSync(join(dir, 'd'));
    for (const [path, code] of [[join(dir, 'd'), 'EISDIR'], [join(dir, 'nope'), 'ENOENT']]) {
      let error: unknown;
      try {
        openInput(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PathError);
      expect([(error as PathError).code, (error as PathError).message]).toEqual([code, `${path}: ${code === 'EISDIR' ? 'is a directory' : 'no such file or directory'}`]);
    }
  });
});
