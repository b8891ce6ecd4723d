import { describe, expect, it } from 'vitest';
import { CLI_VOCABULARY, TUNE_EXIT_CODES, tuneFailureText } from '../../src/cli/messages.js';
import { LIBRARY_VOCABULARY } from '../../src/vocabulary.js';
import { runCli } from '../support/run-cli.js';

describe('the CLI vocabulary', () => {
  it('has words for every knob the library vocabulary names', () => {
    expect(Object.keys(CLI_VOCABULARY).sort()).toEqual(Object.keys(LIBRARY_VOCABULARY).sort());
  });

  it('names only flags some command declares in its --help', async () => {
    const commands = ['analyze', 'plot', 'sweep', 'tune', 'simulate', 'spectrum', 'coefficients', 'validate'];
    const helps = (await Promise.all(commands.map((c) => runCli([c, '--help'])))).map((r) => r.stdout).join('\n');
    for (const [knob, words] of Object.entries(CLI_VOCABULARY)) {
      for (const flag of words.match(/--[a-z][a-z-]*/g) ?? []) expect(helps, `${knob}: ${flag}`).toContain(flag);
    }
  });
});

describe('tune failures in the CLI', () => {
  it('a bad request exits 2 and names --solve; no solution where the search looked exits 1, as is', () => {
    expect(TUNE_EXIT_CODES).toEqual({ invalid_path: 2, integer_parameter: 2, no_learning_rate: 2, no_solution: 1, no_effect: 1, undefined_at_start: 1, jump: 1 });
    expect(tuneFailureText({ code: 'integer_parameter', error: 'stages takes whole numbers' })).toBe('--solve stages takes whole numbers');
    expect(tuneFailureText({ code: 'jump', error: 'no solution of x' })).toBe('no solution of x');
  });

  it('undefined at the start: exit 1, advice in the CLI\'s words (--range lo:hi)', async () => {
    const r = await runCli(['tune', '--preset', 'standard-sgdm', '--set', 'momentum.beta=0', '--solve', 'beta', '--target', 'final.cutoffFrequency=0.5']);
    expect(r.stderr).toBe('momentum-fr: final.cutoffFrequency is undefined at the current momentum.beta = 0; give --range lo:hi\n');
    expect(r.code).toBe(1);
  });

  it('a whole-number parameter: exit 2, named by --solve', async () => {
    const r = await runCli(['tune', '--preset', 'standard-sgdm', '--solve', 'steps', '--target', 'final.dcGain=2']);
    expect(r.stderr).toBe('momentum-fr: --solve steps takes whole numbers; tune solves for a continuous parameter (sweep it instead)\n');
    expect(r.code).toBe(2);
  });
});
