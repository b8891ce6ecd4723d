import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SINGLE_STAGE = 'steps: 1000\nstages: 1\nmomentum:\n  u: "t / (t + 100)"\n';
const WARNING =
  '<stdin>:4:6: warning: momentum.u: uses t but stages: 1 makes a single stage, so it is evaluated once (at step 1) and is constant; remove stages to evaluate it at every step\n';

describe('schedules that mean something else than written are said so on stderr', () => {
  it('validate reports an expression of t, p or k under an explicit stages: 1, and still passes it', async () => {
    const r = await runCli(['validate', '-'], { input: SINGLE_STAGE });
    expect(r).toEqual({ code: 0, stdout: '', stderr: `${WARNING}<stdin>: ok (1 schedule, 1 stage)\n` });
  });

  it('analyze warns on stderr and keeps stdout for data', async () => {
    const r = await runCli(['analyze', '-', '--format', 'json', '--no-response'], { input: SINGLE_STAGE });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(WARNING);
    // u = t/(t + 100) at t = 1: the constant the warning is about.
    expect(JSON.parse(r.stdout).schedules[0].stages[0].u).toBe(1 / 101);
  });

  it('no warning when the schedule has stages, or the expression uses none of t, p, k', async () => {
    for (const input of ['steps: 1000\nstages: 10\nmomentum:\n  u: "t / (t + 100)"\n', 'steps: 1000\nmomentum:\n  u: "1 - 10 / T"\n', 'steps: 1000\nstageLength: 1\nmomentum:\n  u: "0.5 + 0 * k"\n']) {
      const r = await runCli(['validate', '-q', '-'], { input });
      expect(r, input).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('FSGDM with stages = 30000 says once that the official floor rule gives 39 001 stages of 3 steps', async () => {
    const r = await runCli(['analyze', '--preset', 'fsgdm', '--set', 'stages=30000', '--stages', 'last', '--format', 'json', '--no-response']);
    expect(r.code).toBe(0);
    // δ = ⌊117000/30000⌋ = 3; segments j = 0 … ⌊117000/3⌋ = 39000.
    expect(r.stderr).toBe(
      "--preset fsgdm: --set stages=30000: note: stages: δ = ⌊117000/30000⌋ = 3 steps per stage by FSGDM's official rule (step_per_epoch = Σ // N), so the run has 39001 stages, not 30000\n",
    );
    expect(JSON.parse(r.stdout).schedules[0].stageCount).toBe(39001);
    const exact = await runCli(['analyze', '--preset', 'fsgdm', '--stages', 'last', '--no-response']);
    expect(exact.stderr).toBe('');
  });
});
