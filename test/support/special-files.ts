import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temp directory with the special files outputs and inputs meet, never the real /dev:
 * character devices `null` (1,3), `full` (1,7), `zero` (1,5) made with mknod (the tests run as
 * root, as CI does), and a FIFO `fifo`.
 */
export function specialDir(prefix = 'mfr-special-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, minor] of [['null', 3], ['full', 7], ['zero', 5]] as const) execFileSync('mknod', [join(dir, name), 'c', '1', String(minor)]);
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  return dir;
}

/** What a file is, by lstat: 'char 1,3', 'fifo', 'link', 'file', 'dir'. */
export function kindOf(path: string): string {
  const s = lstatSync(path);
  if (s.isCharacterDevice()) return `char ${Math.floor(s.rdev / 256)},${s.rdev % 256}`;
  if (s.isFIFO()) return 'fifo';
  if (s.isSymbolicLink()) return 'link';
  if (s.isDirectory()) return 'dir';
  return s.isFile() ? 'file' : 'other';
}

/** Starts a reader of a FIFO (`cat fifo`); resolves with everything it read once the writer closes. */
export function readFifo(path: string): Promise<Buffer> {
  const reader = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  reader.stdout.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    reader.on('error', reject);
    reader.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

/** Temp files (`*.tmp`) left in a directory. */
export function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

/** A small trace written to `dir`/trace.csv: one named column, a sine of period 16 plus a slower one. */
export function traceCsv(dir: string): string {
  const file = join(dir, 'trace.csv');
  const rows = Array.from({ length: 2048 }, (_, i) => `${Math.sin((2 * Math.PI * i) / 16) + 0.25 * Math.sin((2 * Math.PI * i) / 300)}`);
  writeFileSync(file, `grad\n${rows.join('\n')}\n`);
  return file;
}
