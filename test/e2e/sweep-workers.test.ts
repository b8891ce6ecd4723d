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
});
