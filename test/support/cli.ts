import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/momentum-fr.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real binary (built dist/), as a user's shell would. */
export function cli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a shell pipeline from the repo root; `mfr` is the binary. Returns PIPESTATUS too. */
export function shell(script: string): CliResult & { pipestatus: number[] } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `mfr() { node "${BIN}" "$@"; }; set +e; ${script}; echo "PIPESTATUS=\${PIPESTATUS[*]}" >&2`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? '' },
  });
  const m = /PIPESTATUS=([\d ]+)\n?$/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/PIPESTATUS=.*\n?$/, ''), pipestatus: m ? m[1].trim().split(' ').map(Number) : [] };
}
