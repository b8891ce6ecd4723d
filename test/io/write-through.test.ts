import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/io/output-file.js';
import { BIN, ROOT } from '../support/cli.js';
import { spawnAsync } from '../support/spawn-async.js';
import { specialDir } from '../support/special-files.js';

/** Runs the real binary with `file` opened for appending as its stdout and stderr (`>> file 2>&1`). */
function runAppendingTo(file: string, args: string[]): Promise<number | null> {
  const fd = openSync(file, 'a');
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('writing to /dev/fd/N when descriptor N is a regular file (what a shell\'s >&N does)', () => {
  it('the bytes land after what the descriptor already wrote, in this process', async () => {
    const dir = specialDir();
    const file = join(dir, 'log.txt');
    const fd = openSync(file, 'w');
    writeSync(fd, 'head\n');
    for (const path of [`/dev/fd/${fd}`, `/proc/self/fd/${fd}`]) await writeOutputFile(path, `via ${path}\n`);
    writeSync(fd, 'tail\n');
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`head\nvia /dev/fd/${fd}\nvia /proc/self/fd/${fd}\ntail\n`);
  });

  it('a child whose stdout is a regular file keeps what it held before, with -o /dev/fd/1, -o /dev/stdout and -o /dev/stderr', async () => {
    const dir = specialDir();
    const args = ['analyze', '--preset', 'ema-sgdm', '--stages', 'last', '--no-response', '-f', 'csv'];
    const reference = await spawnAsync(process.execPath, [BIN, ...args], { cwd: ROOT });
    expect(reference.status).toBe(0);
    const file = join(dir, 'all.txt');
    writeFileSync(file, 'earlier output\n');
    for (const target of ['/dev/fd/1', '/dev/stderr']) expect(await runAppendingTo(file, [...args, '-o', target])).toBe(0);
    expect(await runAppendingTo(file, ['plot', '--preset', 'ema-sgdm', '--kind', 'magnitude', '--format', 'vl.json', '-o', '/dev/stdout'])).toBe(0);
    const text = readFileSync(file, 'utf8');
    const plotStart = text.indexOf('{');
    // A descriptor is written through as a shell redirection would be: no "wrote …" notice after it.
    expect(text.slice(0, plotStart)).toBe(`earlier output\n${reference.stdout}${reference.stdout}`);
    expect(text.endsWith('}\n') || text.endsWith('}')).toBe(true);
    expect(JSON.parse(text.slice(plotStart, text.lastIndexOf('}') + 1)).$schema).toMatch(/vega-lite/);
  });
});
