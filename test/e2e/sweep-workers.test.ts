import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

// sweep --jobs N starts worker threads from the built bundle (dist/), so only the real binary,
// run from another directory, shows that they resolve and give the bytes of --jobs 1.

const tmp = () => mkdtempSync(join(tmpdir(), 'mfr-sweep-'));

describe('momentum-fr sweep --jobs N (spawning the real binary)', () => {
  it('--jobs 2 writes the same bytes as --jobs 1 in every format (several chunks, workers resolved from dist/ in another cwd)', () => {
    const dir = tmp();
    for (const format of ['csv', 'ndjson', 'json']) {
      const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:30:log', '--grid', 'v=0.5:2:20', '--stages', 'first,step:50000,last', '--at-freqs', '0.1,pi/2', '-f', format];
      const serial = cli([...args, '--jobs', '1'], { cwd: dir });
      const parallel = cli([...args, '--jobs', '2'], { cwd: dir });
      expect(serial.code).toBe(0);
      expect(parallel.stderr).toBe('');
      expect(parallel.code).toBe(0);
      expect(parallel.stdout.length).toBeGreaterThan(100_000);
      expect(parallel.stdout === serial.stdout, format).toBe(true);
    }
  });

  it('--jobs 2 compiles custom expressions on the workers too (each worker provides mathjs), with the bytes of --jobs 1', () => {
    const args = ['sweep', `${ROOT}configs/custom-expressions.yaml`, '--grid', 'mu=100:1000:3000', '-f', 'csv'];
    const serial = cli([...args, '--jobs', '1']);
    const parallel = cli([...args, '--jobs', '2']);
    expect(parallel.stderr).toBe('');
    expect(parallel.code).toBe(0);
    expect(serial.stdout.split('\n')).toHaveLength(6002);
    expect(parallel.stdout === serial.stdout).toBe(true);
  });

  it('--jobs N starts its workers before reading the config: a config error still ends at once (exit 2, one line), and --jobs 3 (more workers than started ahead on 2 cores) gives the bytes of --jobs 1', () => {
    const dir = tmp();
    const t0 = Date.now();
    const missing = cli(['sweep', 'missing.yaml', '--grid', 'momentum.c=0.01:0.1:3', '--jobs', '2'], { cwd: dir });
    expect([missing.code, missing.stdout, missing.stderr.split('\n').length]).toEqual([2, '', 2]);
    const badGrid = cli(['sweep', '--preset', 'fsgdm', '--grid', 'momentum.nope=1:2:3', '--jobs', '4'], { cwd: dir });
    expect([badGrid.code, badGrid.stdout]).toEqual([2, '']);
    // Idle workers keep no process alive: both ended in well under the 60 s a waiting worker would hold them.
    expect(Date.now() - t0).toBeLessThan(30_000);
    const args = ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:40:log', '--grid', 'v=0.5:2:25', '-f', 'ndjson'];
    const serial = cli([...args, '--jobs', '1'], { cwd: dir });
    const three = cli([...args, '--jobs', '3'], { cwd: dir });
    expect([three.code, three.stderr]).toEqual([0, '']);
    expect(three.stdout === serial.stdout).toBe(true);
  });
});
