import { chmodSync, mkdirSync, openSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempPathFor } from '../../src/io/atomic-write.js';
import { withOutputFile, writeOutputFile } from '../../src/io/output-file.js';
import { outputTarget } from '../../src/io/output-target.js';
import { PathError } from '../../src/io/path-error.js';
import { kindOf, readFifo, specialDir, tempFilesIn } from '../support/special-files.js';

async function failure(write: Promise<unknown>): Promise<PathError> {
  const error = await write.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PathError);
  return error as PathError;
}

describe('writeOutputFile: regular files and new paths are replaced atomically', () => {
  it('a new file gets the data, and no temp file remains', async () => {
    const dir = specialDir();
    await writeOutputFile(join(dir, 'out.json'), '{"a":1}\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('an existing file is replaced by a new inode that keeps its permission bits', async () => {
    const dir = specialDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    const before = statSync(file);
    await writeOutputFile(file, 'new\n');
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(after.ino).not.toBe(before.ino); // renamed over, not truncated in place
    expect(after.mode & 0o7777).toBe(0o640);
  });

  it('a failing producer leaves the old file and no temp file', async () => {
    const dir = specialDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old\n');
    const boom = new Error('boom');
    await expect(withOutputFile(file, async (sink) => {
      await sink.write('half');
      throw boom;
    })).rejects.toBe(boom);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a symlink stays a link and its target gets the data; so does a chain of links', async () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    symlinkSync('link.json', join(dir, 'chain.json'));
    await writeOutputFile(join(dir, 'link.json'), 'via link');
    expect([kindOf(join(dir, 'link.json')), readlinkSync(join(dir, 'link.json'))]).toEqual(['link', 'real.json']);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('via link');
    await writeOutputFile(join(dir, 'chain.json'), 'via chain');
    expect([kindOf(join(dir, 'chain.json')), readlinkSync(join(dir, 'chain.json'))]).toEqual(['link', 'link.json']);
    expect(kindOf(join(dir, 'link.json'))).toBe('link');
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('via chain');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a link into another directory replaces the file there, with the temp file beside it', async () => {
    const dir = specialDir();
    mkdirSync(join(dir, 'sub'));
    symlinkSync('sub/target.txt', join(dir, 'dangling.txt'));
    await writeOutputFile(join(dir, 'dangling.txt'), 'made');
    expect(readFileSync(join(dir, 'sub', 'target.txt'), 'utf8')).toBe('made');
    expect(kindOf(join(dir, 'dangling.txt'))).toBe('link');
    expect(await outputTarget(join(dir, 'dangling.txt'))).toMatchObject({ kind: 'replace', file: join(dir, 'sub', 'target.txt') });
  });

  it('a file name of 250 bytes (255 with the extension, the ext4 limit) is written: the temp name is shortened', async () => {
    const dir = specialDir();
    for (const stem of ['a'.repeat(250), 'é'.repeat(125)]) {
      const file = join(dir, `${stem}.json`);
      expect(Buffer.byteLength(basename(file))).toBe(255);
      await writeOutputFile(file, stem);
      expect(readFileSync(file, 'utf8')).toBe(stem);
      const tmp = tempPathFor(file);
      expect(Buffer.byteLength(basename(tmp))).toBeLessThanOrEqual(255);
      expect(dirname(tmp)).toBe(dir);
      expect(basename(tmp)).toMatch(/^\..*\.tmp$/);
      expect(basename(tmp)).not.toContain('\uFFFD');
    }
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe('writeOutputFile: devices, FIFOs and descriptors are written straight through', () => {
  it('a character device (mknod c 1 3, a null device) takes the data and stays a device', async () => {
    const dir = specialDir();
    await writeOutputFile(join(dir, 'null'), 'x'.repeat(200_000));
    expect(kindOf(join(dir, 'null'))).toBe('char 1,3');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a full device (mknod c 1 7) fails with ENOSPC, a runtime failure, and stays a device', async () => {
    const dir = specialDir();
    for (const data of ['small', 'x'.repeat(300_000)]) {
      const e = await failure(writeOutputFile(join(dir, 'full'), data));
      expect([e.code, e.runtime, e.message]).toEqual(['ENOSPC', true, `cannot write ${join(dir, 'full')}: no space left on device`]);
      expect(kindOf(join(dir, 'full'))).toBe('char 1,7');
    }
  });

  it('a FIFO delivers every byte to its reader and stays a FIFO', async () => {
    const dir = specialDir();
    const data = Array.from({ length: 50_000 }, (_, i) => `${i}\n`).join('');
    const read = readFifo(join(dir, 'fifo'));
    await writeOutputFile(join(dir, 'fifo'), data);
    expect((await read).toString()).toBe(data);
    expect(kindOf(join(dir, 'fifo'))).toBe('fifo');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a symlink to a device is followed, and both stay what they were', async () => {
    const dir = specialDir();
    symlinkSync('null', join(dir, 'to-null'));
    await writeOutputFile(join(dir, 'to-null'), 'data');
    expect([kindOf(join(dir, 'to-null')), kindOf(join(dir, 'null'))]).toEqual(['link', 'char 1,3']);
  });

  it('/dev/stdout, /dev/fd/N and /proc/self/fd/N are descriptors: written through, never resolved', async () => {
    for (const path of ['/dev/stdout', '/dev/stderr', '/dev/fd/63', '/proc/self/fd/3', `/proc/${process.pid}/fd/1`]) {
      expect(await outputTarget(path), path).toEqual({ kind: 'through', path });
    }
    const dir = specialDir();
    const fd = openSync(join(dir, 'fifo'), 'r+'); // a FIFO open at both ends, in this process
    await writeOutputFile(`/proc/self/fd/${fd}`, 'through the descriptor');
    const buffer = Buffer.alloc(64);
    const n = (await import('node:fs')).readSync(fd, buffer);
    expect(buffer.subarray(0, n).toString()).toBe('through the descriptor');
    expect(kindOf(join(dir, 'fifo'))).toBe('fifo');
  });
});

describe('writeOutputFile: paths that cannot be written are PathErrors (bad path: not runtime)', () => {
  it('names the reason in words for each errno', async () => {
    const dir = specialDir();
    writeFileSync(join(dir, 'file'), '');
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const cases: [string, string, string][] = [
      [join(dir, 'missing', 'out.json'), 'ENOENT', `no such directory ${join(dir, 'missing')}`],
      [join(dir, 'file', 'out.json'), 'ENOTDIR', 'not a directory'],
      [join(dir, 'loop-a'), 'ELOOP', 'too many levels of symbolic links'],
      [join(dir, `${'n'.repeat(256)}.json`), 'ENAMETOOLONG', 'file name too long'],
      [dir, 'EISDIR', 'is a directory'],
    ];
    for (const [path, code, reason] of cases) {
      const e = await failure(writeOutputFile(path, 'x'));
      expect([e.code, e.runtime, e.message], path).toEqual([code, false, `cannot write ${path}: ${reason}`]);
    }
    expect(tempFilesIn(dir)).toEqual([]);
  });
});
