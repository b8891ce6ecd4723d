import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

// sweep --jobs N starts worker threads from the built bundle (dist/), so only the real binary,
// run from another directory, shows that they resolve and give the bytes of --jobs 1.

const tmp = () => mkdtempSync(join(tmpdir(), 'mfr-sweep-'));

/** Threads the sweep ran on, from its --debug line (sweepWorkerCount decided them from counts: the same on every machine). */
const threadsOf = (stderr: string): number => Number(/^momentum-fr: sweep: (\d+) threads?/m.exec(stderr)?.[1]);

describe('momentum-fr sweep --jobs N (spawning the real binary)', () => {
  it('--jobs 2 writes the same bytes as --jobs 1 in every format (several chunks, workers resolved from dist/ in another cwd)', () => {
    const dir = tmp();
    for (const format of ['csv', 'ndjson', 'json']) {
      // 6000 points of 3 rows: enough work for a worker (sweepWorkerCount).
      const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:100:log', '--grid', 'v=0.5:2:60', '--stages', 'first,step:50000,last', '--at-freqs', '0.1,pi/2', '-f', format, '--debug'];
      const serial = cli([...args, '--jobs', '1'], { cwd: dir });
      const parallel = cli([...args, '--jobs', '2'], { cwd: dir });
      expect(serial.code).toBe(0);
      expect(threadsOf(parallel.stderr), parallel.stderr).toBe(2);
      expect(parallel.code).toBe(0);
      expect(parallel.stdout.length).toBeGreaterThan(100_000);
      expect(parallel.stdout === serial.stdout, format).toBe(true);
    }
  });

  it('--jobs 2 compiles custom expressions on the workers too (each worker provides mathjs), with the bytes of --jobs 1', () => {
    const args = ['sweep', `${ROOT}configs/custom-expressions.yaml`, '--grid', 'mu=100:1000:3000', '-f', 'csv'];
    const serial = cli([...args, '--jobs', '1']);
    const parallel = cli([...args, '--jobs', '2', '--debug']);
    expect(threadsOf(parallel.stderr), parallel.stderr).toBe(2);
    expect(parallel.code).toBe(0);
    expect(serial.stdout.split('\n')).toHaveLength(6002);
    expect(parallel.stdout === serial.stdout).toBe(true);
  });

  it('--jobs N starts its workers before reading the config: a config error still ends at once (exit 2, one line), and --jobs 3 gives the bytes of --jobs 1 on 3 threads whatever the cores', () => {
    const dir = tmp();
    const t0 = Date.now();
    const missing = cli(['sweep', 'missing.yaml', '--grid', 'momentum.c=0.01:0.1:3', '--jobs', '2'], { cwd: dir });
    expect([missing.code, missing.stdout, missing.stderr.split('\n').length]).toEqual([2, '', 2]);
    const badGrid = cli(['sweep', '--preset', 'fsgdm', '--grid', 'momentum.nope=1:2:3', '--jobs', '4'], { cwd: dir });
    expect([badGrid.code, badGrid.stdout]).toEqual([2, '']);
    // Idle workers keep no process alive: both ended in well under the 60 s a waiting worker would hold them.
    expect(Date.now() - t0).toBeLessThan(30_000);
    // 12 000 points of 2 rows: work for two workers (sweepWorkerCount).
    const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:120:log', '--grid', 'v=0.5:2:100', '-f', 'ndjson'];
    const serial = cli([...args, '--jobs', '1'], { cwd: dir });
    const three = cli([...args, '--jobs', '3', '--debug'], { cwd: dir });
    expect([three.code, threadsOf(three.stderr)], three.stderr).toEqual([0, 3]);
    expect(three.stdout === serial.stdout).toBe(true);
  });

  it('--jobs 2 on 10 points of YOLO (each point resolves 554 700 steps; a worker would resolve its lr again) stays on one thread, with the bytes of --jobs 1', () => {
    const args = ['sweep', `${ROOT}configs/yolo-nesterov-warmup.yaml`, '--grid', 'momentum.momentum.fp.1=0.9:0.99:10', '-f', 'csv'];
    const serial = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2', '--debug']);
    expect([two.code, two.stderr]).toEqual([0, 'momentum-fr: sweep: 1 thread; points checked 10, computed 10 of 10\n']);
    expect(two.stdout === serial.stdout).toBe(true);
  });
});
