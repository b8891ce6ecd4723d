import { describe, expect, it } from 'vitest';
import { cli } from './cli.js';
import { runCli, withoutLeaks } from './run-cli.js';

const BAD = 'steps: -1\nmomentum:\n  preset: ema-sgdm\n  betta: 0.9\n';
const ANSI = /\x1b\[/;

describe('runCli runs the CLI in process with what a spawn gives', () => {
  it.each([
    ['a JSON document', ['analyze', '--preset', 'ema-sgdm', '--stages', 'first', '--no-response', '--format', 'json'], undefined],
    ['a table', ['analyze', '--preset', 'standard-sgdm', '--set', 'stages=3', '--no-response'], undefined],
    ['a config read from stdin, as CSV', ['analyze', '-', '--no-response', '--format', 'csv'], 'steps: 100\nstages: 2\nmomentum: { u: [0.5, 0.9] }\n'],
    ['every problem of a bad config (exit 2)', ['validate', '-'], BAD],
    ['an unknown option (commander, exit 2)', ['analyze', '--nope'], undefined],
    ['sweep rows', ['sweep', '--preset', 'fsgdm', '--grid', 'c=0.01:0.1:3', '--stages', 'last'], undefined],
  ] as const)('%s: the same exit code, stdout and stderr as the spawned binary', async (_name, args, input) => {
    const spawned = cli([...args], { input });
    expect(spawned.code, spawned.stderr).not.toBeNull();
    expect(await runCli([...args], { input })).toEqual(spawned);
  });

  it('colour follows each run\'s own streams and environment, never an earlier run\'s', async () => {
    const args = ['analyze', '--preset', 'ema-sgdm', '--no-response'];
    expect((await runCli(args, { tty: true })).stdout).toMatch(ANSI);
    expect((await runCli(args)).stdout).not.toMatch(ANSI);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(args)).stdout).not.toMatch(ANSI);
  });

  it('a failing run returns its code and leaves process.exitCode as it was', async () => {
    const before = process.exitCode;
    expect((await runCli(['validate', '-'], { input: BAD })).code).toBe(2);
    expect((await runCli(['analyze', '--preset', 'ema-sgdm', '--stages', '9'])).code).toBe(2);
    expect(process.exitCode).toBe(before);
  });
});

describe('withoutLeaks', () => {
  it('fails a run that sets process.exitCode, and puts the exit code back', async () => {
    const before = process.exitCode;
    await expect(
      withoutLeaks(async () => {
        process.exitCode = 3;
      }),
    ).rejects.toThrow(/changed process-wide state/);
    expect(process.exitCode).toBe(before);
  });

  it('fails a run that leaves a signal listener behind', async () => {
    const listener = () => undefined;
    try {
      await expect(withoutLeaks(async () => void process.on('SIGTERM', listener))).rejects.toThrow(/changed process-wide state/);
    } finally {
      process.off('SIGTERM', listener);
    }
    await expect(withoutLeaks(async () => 7)).resolves.toBe(7);
  });
});
