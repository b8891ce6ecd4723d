import { describe, expect, it } from 'vitest';
import { CLI_VOCABULARY } from '../../src/cli/messages.js';
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
