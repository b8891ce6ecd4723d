import { describe, expect, it } from 'vitest';
import { cli, shell } from '../support/cli.js';

// The binary itself (bin/momentum-fr.js, the built bundle): what only a real process shows. Every
// other command behaviour is tested in process with runCli (test/support/run-cli.ts).

const FSGDM = 'configs/fsgdm-cifar100.yaml';

describe('the binary: glue, help and version', () => {
  it('--help leads with examples and exits 0; --version prints the package version', () => {
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Examples:/);
    for (const cmd of ['analyze', 'coefficients', 'validate', 'schema', 'presets', 'init']) {
      const r = cli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Examples:/);
    }
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the binary into a closed pipe', () => {
  it('a closed pipe (| head) ends quietly with exit 0', () => {
    const r = shell(`mfr analyze ${FSGDM} --format csv | head -n 2`);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.pipestatus[0]).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('help into a reader that has already gone away ends quietly with exit 0 (no EPIPE crash)', () => {
    // The reader closes its end before momentum-fr writes: every write hits a closed pipe.
    const r = shell(`mfr analyze --help | (exec 0<&-; sleep 0.3)`);
    expect(r.pipestatus[0]).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('output budgets lifted by --force (and only by it) into a closed pipe', () => {
  const big = ['analyze', '--preset', 'adam-m', '--set', 'steps=1000000', '--format', 'json'];

  it('--force starts the output (read until a closed pipe ends it)', () => {
    const r = shell(`mfr ${[...big, '--force'].join(' ')} | head -c 100`);
    expect(r.pipestatus).toEqual([0, 0]);
    expect(r.stdout).toMatch(/^\{\n {2}"schemaVersion": 1/);
  });
});
